import type { PayoutQuote, Ticket } from '../../shared/contract/tickets';
import {
  computeCasePayout,
  PayoutRules,
  type PayoutComputation,
  type PayoutOutcome,
} from '../../shared/domain/payout';
import type { Db } from '../db/open';
import { readLatestRules } from '../earnings/estimates';

/**
 * The brand's latest rules applied to a case of this complexity (with the task's ageing bonus,
 * if the fallback ladder added one); null while it has none.
 */
export function casePayout(
  db: Db,
  brandId: string,
  complexity: number,
  outcome: PayoutOutcome,
  ageingBonusMinor?: number | null,
): PayoutComputation | null {
  const latest = readLatestRules(db, brandId);
  const rules = latest ? PayoutRules.safeParse(latest.rules) : null;
  if (!latest || !rules?.success) return null;
  return computeCasePayout(rules.data, latest.version, { complexity, outcome, ageingBonusMinor });
}

const quote = (c: PayoutComputation | null, outcome: PayoutOutcome): PayoutQuote | null =>
  c && {
    outcome,
    totalMinor: c.totalMinor,
    currency: c.currency,
    lines: c.lines.map((l) => ({
      kind: l.kind,
      label: l.label,
      amountMinor: l.amountMinor,
      factorBps: l.factorBps ?? null,
    })),
  };

export function payoutQuotes(
  db: Db,
  brandId: string,
  complexity: number,
  ageingBonusMinor?: number | null,
): Ticket['payouts'] {
  const of = (o: PayoutOutcome) =>
    quote(casePayout(db, brandId, complexity, o, ageingBonusMinor), o);
  return { resolved: of('resolved'), escalated: of('escalated') };
}
