import { z } from 'zod';
import { applyBasisPoints, CurrencyCode, MinorUnits } from './money';

export const Complexity = z.number().int().min(1).max(5);
export const PayoutOutcome = z.enum(['resolved', 'escalated', 'transferred']);
export type PayoutOutcome = z.infer<typeof PayoutOutcome>;

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

export type PayoutLineKind = 'base' | 'multiplier' | 'rating_bonus' | 'tip' | 'ageing_bonus';

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
  /** The fallback ladder's bonus for a task that waited long in the pool (issue 20). */
  ageingBonusMinor?: number | null;
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
  if (
    input.ageingBonusMinor != null &&
    input.ageingBonusMinor > 0 &&
    input.outcome === 'resolved'
  ) {
    lines.push({
      kind: 'ageing_bonus',
      label: 'Ageing bonus: the task waited long in the pool',
      amountMinor: input.ageingBonusMinor,
    });
  }
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
