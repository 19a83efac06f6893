import { z } from 'zod';
import type { ActionType } from '../protocol';
import { applyBasisPoints, CurrencyCode, MinorUnits } from './money';

export const Complexity = z.number().int().min(1).max(5);
export const PayoutOutcome = z.enum(['resolved', 'escalated', 'transferred']);
export type PayoutOutcome = z.infer<typeof PayoutOutcome>;

/**
 * Who is paid for a case: **a case pays once**, to the advocate who closes it (resolve or
 * escalate), at that moment. Claiming, renewing, replying, transferring and abandoning pay
 * nothing, so a task that changes hands any number of times still pays one case entry. (The
 * rules' `transferred` multiplier is what a transfer paid before this rule; ledgers written
 * earlier may hold such entries, and rules keep the field so stored rules stay valid.)
 * The server's ledger enforces "once" with a unique index as well (src/server/store/migrations.ts).
 */
export function payoutOutcomeOf(action: ActionType): 'resolved' | 'escalated' | null {
  if (action === 'resolve') return 'resolved';
  if (action === 'escalate') return 'escalated';
  return null;
}

const Bps = z.number().int().min(0).max(100_000);
const NonNegativeMinor = MinorUnits.nonnegative();

/** A brand's payout rules; versioned by the server, every amount in minor units of `currency`. */
export const PayoutRules = z.strictObject({
  currency: CurrencyCode,
  /** Base pay per complexity level "1".."5". */
  basePerComplexity: z.strictObject({
    '1': NonNegativeMinor,
    '2': NonNegativeMinor,
    '3': NonNegativeMinor,
    '4': NonNegativeMinor,
    '5': NonNegativeMinor,
  }),
  /** Multiplier per outcome in basis points (10 000 = ×1). */
  outcomeMultiplierBps: z.strictObject({ resolved: Bps, escalated: Bps, transferred: Bps }),
  /** Bonus added when the customer rates the case with this many stars. */
  ratingBonus: z.strictObject({
    '1': NonNegativeMinor,
    '2': NonNegativeMinor,
    '3': NonNegativeMinor,
    '4': NonNegativeMinor,
    '5': NonNegativeMinor,
  }),
});
export type PayoutRules = z.infer<typeof PayoutRules>;

export type PayoutLineKind = 'base' | 'multiplier' | 'rating_bonus' | 'tip';

/** One line of the arithmetic shown to the advocate; the lines add up to the total. */
export interface PayoutLine {
  kind: PayoutLineKind;
  label: string;
  amountMinor: number;
  /** For `multiplier`: the factor applied, in basis points. */
  factorBps?: number;
}

export interface PayoutComputation {
  currency: string;
  ruleVersion: number;
  lines: PayoutLine[];
  totalMinor: number;
}

export interface CaseOutcome {
  complexity: number;
  outcome: PayoutOutcome;
  /** Customer rating 1–5, when known. */
  rating?: number | null;
  tipMinor?: number | null;
}

const outcomeLabel: Record<PayoutOutcome, string> = {
  resolved: 'resolved',
  escalated: 'escalated with a handoff',
  transferred: 'transferred',
};

function percent(bps: number): string {
  return `${bps / 100}%`;
}

/**
 * What a case pays under a brand's rules: base for its complexity, × the outcome multiplier,
 * + the rating bonus, + the tip. Pure and integer-only; the server writes ledger entries from
 * it and the app shows it as an estimate.
 */
export function computeCasePayout(
  rules: PayoutRules,
  ruleVersion: number,
  input: CaseOutcome,
): PayoutComputation {
  const complexity = Complexity.parse(input.complexity);
  const key = String(complexity) as keyof PayoutRules['basePerComplexity'];
  const base = rules.basePerComplexity[key];
  const factor = rules.outcomeMultiplierBps[input.outcome];
  const multiplied = applyBasisPoints(base, factor);
  const lines: PayoutLine[] = [
    { kind: 'base', label: `Base for complexity ${complexity}`, amountMinor: base },
    {
      kind: 'multiplier',
      label: `× ${percent(factor)} for ${outcomeLabel[input.outcome]}`,
      amountMinor: multiplied - base,
      factorBps: factor,
    },
  ];
  if (input.rating != null) {
    const stars = String(input.rating) as keyof PayoutRules['ratingBonus'];
    const bonus = rules.ratingBonus[stars] ?? 0;
    if (bonus > 0) {
      lines.push({
        kind: 'rating_bonus',
        label: `Bonus for a ${input.rating}-star rating`,
        amountMinor: bonus,
      });
    }
  }
  if (input.tipMinor != null && input.tipMinor > 0) {
    lines.push({ kind: 'tip', label: 'Tip from the customer', amountMinor: input.tipMinor });
  }
  return {
    currency: rules.currency,
    ruleVersion,
    lines,
    totalMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0),
  };
}

/** The rating bonus alone, for a rating that arrives after the case was paid. */
export function ratingBonusMinor(rules: PayoutRules, rating: number): number {
  const stars = String(rating) as keyof PayoutRules['ratingBonus'];
  return rules.ratingBonus[stars] ?? 0;
}
