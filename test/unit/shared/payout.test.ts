import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeCasePayout,
  PayoutRules,
  ratingBonusMinor,
  type CaseOutcome,
} from '../../../src/shared/domain/payout';

const minor = (max: number) => fc.integer({ min: 0, max });
const five = (max: number) =>
  fc.record({
    '1': minor(max),
    '2': minor(max),
    '3': minor(max),
    '4': minor(max),
    '5': minor(max),
  });

/** Any valid rules, up to amounts where base × multiplier still fits a safe integer. */
const rules = (maxBase: number) =>
  fc
    .record({
      currency: fc.constantFrom('EUR', 'USD', 'JPY', 'GBP'),
      basePerComplexity: five(maxBase),
      outcomeMultiplierBps: fc.record({
        resolved: fc.integer({ min: 0, max: 100_000 }),
        escalated: fc.integer({ min: 0, max: 100_000 }),
        transferred: fc.integer({ min: 0, max: 100_000 }),
      }),
      ratingBonus: five(1_000_000),
    })
    .map((r) => PayoutRules.parse(r));

const caseOutcome: fc.Arbitrary<CaseOutcome> = fc.record({
  complexity: fc.integer({ min: 1, max: 5 }),
  outcome: fc.constantFrom('resolved', 'escalated', 'transferred'),
  rating: fc.option(fc.integer({ min: 1, max: 5 })),
  tipMinor: fc.option(minor(1_000_000)),
});

describe('computeCasePayout', () => {
  it('answers integers whose lines add up to a non-negative total', () => {
    fc.assert(
      fc.property(rules(10_000_000), fc.nat(1000), caseOutcome, (r, version, input) => {
        const result = computeCasePayout(r, version, input);
        for (const line of result.lines) expect(Number.isSafeInteger(line.amountMinor)).toBe(true);
        expect(Number.isSafeInteger(result.totalMinor)).toBe(true);
        expect(result.lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(result.totalMinor);
        expect(result.totalMinor).toBeGreaterThanOrEqual(0);
        // Only the multiplier line may be negative (a factor under ×1), never below −base.
        const [base, multiplier, ...rest] = result.lines;
        expect(base!.kind).toBe('base');
        expect(base!.amountMinor).toBeGreaterThanOrEqual(0);
        expect(multiplier!.kind).toBe('multiplier');
        expect(base!.amountMinor + multiplier!.amountMinor).toBeGreaterThanOrEqual(0);
        for (const line of rest) expect(line.amountMinor).toBeGreaterThan(0);
        expect(result.currency).toBe(r.currency);
        expect(result.ruleVersion).toBe(version);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays exact for very large amounts', () => {
    fc.assert(
      fc.property(rules(Math.floor(Number.MAX_SAFE_INTEGER / 10)), caseOutcome, (r, input) => {
        const result = computeCasePayout(r, 1, { ...input, rating: null, tipMinor: null });
        const base = BigInt(result.lines[0]!.amountMinor);
        const bps = BigInt(result.lines[1]!.factorBps!);
        // Half away from zero, in exact integer arithmetic.
        const expected = (base * bps + 5000n) / 10_000n;
        expect(BigInt(result.totalMinor)).toBe(expected);
      }),
    );
  });

  it('is deterministic: same inputs, same result, also after the rules travel as JSON', () => {
    fc.assert(
      fc.property(rules(10_000_000), caseOutcome, (r, input) => {
        const a = computeCasePayout(r, 7, input);
        const travelled = PayoutRules.parse(JSON.parse(JSON.stringify(r)));
        const b = computeCasePayout(travelled, 7, JSON.parse(JSON.stringify(input)) as CaseOutcome);
        expect(b).toEqual(a);
      }),
    );
  });

  it('shows the arithmetic the advocate checks', () => {
    const r = PayoutRules.parse({
      currency: 'EUR',
      basePerComplexity: { '1': 200, '2': 350, '3': 500, '4': 800, '5': 1200 },
      outcomeMultiplierBps: { resolved: 10_000, escalated: 6_000, transferred: 3_333 },
      ratingBonus: { '1': 0, '2': 0, '3': 0, '4': 50, '5': 150 },
    });
    const result = computeCasePayout(r, 4, {
      complexity: 3,
      outcome: 'transferred',
      rating: 5,
      tipMinor: 200,
    });
    expect(result.lines).toEqual([
      { kind: 'base', label: 'Base for complexity 3', amountMinor: 500 },
      { kind: 'multiplier', label: '× 33.33% for transferred', amountMinor: -333, factorBps: 3333 },
      { kind: 'rating_bonus', label: 'Bonus for a 5-star rating', amountMinor: 150 },
      { kind: 'tip', label: 'Tip from the customer', amountMinor: 200 },
    ]);
    expect(result.totalMinor).toBe(517);
    expect(ratingBonusMinor(r, 4)).toBe(50);
    expect(() => computeCasePayout(r, 4, { complexity: 6, outcome: 'resolved' })).toThrow();
  });
});
