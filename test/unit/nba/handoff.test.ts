import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HARD_COMPLEXITY,
  handoffAdvice,
  type HandoffInput,
  type TierField,
} from '../../../src/shared/domain/handoff';

const T = Date.UTC(2026, 11, 3, 12);
const HOUR = 3_600_000;
const orderHistory: TierField = {
  name: 'orderHistory',
  label: 'Order history',
  value: null,
  visibleFromTier: 2,
};
const base: HandoffInput = {
  complexity: 2,
  slaDueAt: T + 5 * HOUR,
  leaseExpiresAt: T + HOUR,
  tier: 0,
  fields: [],
  text: 'Where is my parcel?',
};

describe('hand-off rules', () => {
  it('escalates when the ticket needs a customer field above the tier', () => {
    const advice = handoffAdvice({
      ...base,
      fields: [orderHistory],
      text: 'Can you check my order history? The last one never came.',
    });
    expect(advice).toEqual({
      action: 'escalate',
      reason: 'hiddenData',
      tier: 0,
      fields: ['Order history'],
    });
    // By the field's name too ("orderHistory" reads "order history").
    expect(
      handoffAdvice({
        ...base,
        fields: [{ ...orderHistory, label: 'Orders' }],
        text: 'ORDER HISTORY please',
      }).reason,
    ).toBe('hiddenData');
  });

  it('does not escalate for a hidden field the ticket does not need, or one the tier sees', () => {
    expect(handoffAdvice({ ...base, fields: [orderHistory] }).action).toBe('resolve');
    const seen = { ...orderHistory, value: '3 orders', visibleFromTier: null };
    expect(
      handoffAdvice({ ...base, tier: 2, fields: [seen], text: 'my order history' }).action,
    ).toBe('resolve');
  });

  it('escalates a complexity-5 case whose SLA ends before the lease, and only that', () => {
    const hard = {
      ...base,
      complexity: HARD_COMPLEXITY,
      slaDueAt: T + HOUR,
      leaseExpiresAt: T + 2 * HOUR,
    };
    expect(handoffAdvice(hard)).toEqual({
      action: 'escalate',
      reason: 'slaBeforeLease',
      tier: 0,
      fields: [],
    });
    expect(handoffAdvice({ ...hard, complexity: HARD_COMPLEXITY - 1 }).reason).toBe('withinReach');
    expect(handoffAdvice({ ...hard, slaDueAt: T + 3 * HOUR }).reason).toBe('withinReach');
    expect(handoffAdvice({ ...hard, slaDueAt: null }).reason).toBe('withinReach');
    expect(handoffAdvice({ ...hard, leaseExpiresAt: null }).reason).toBe('withinReach');
  });

  it('always answers a ticket action with a reason that fits it', () => {
    const field = fc.record({
      name: fc.constantFrom('email', 'orderHistory', 'plan'),
      label: fc.constantFrom('E-mail', 'Order history', 'Plan'),
      value: fc.option(fc.string(), { nil: null }),
      visibleFromTier: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.record({
          complexity: fc.integer({ min: 1, max: 5 }),
          slaDueAt: fc.option(fc.integer({ min: T, max: T + 10 * HOUR }), { nil: null }),
          leaseExpiresAt: fc.option(fc.integer({ min: T, max: T + 10 * HOUR }), { nil: null }),
          tier: fc.integer({ min: 0, max: 3 }),
          fields: fc.array(field, { maxLength: 4 }),
          text: fc.constantFrom('my plan', 'e-mail me', 'order history?', 'hello'),
        }),
        (input) => {
          const advice = handoffAdvice(input);
          expect(advice.tier).toBe(input.tier);
          if (advice.reason === 'withinReach') expect(advice.action).toBe('resolve');
          else expect(advice.action).toBe('escalate');
          // Never a field the advocate can already see.
          for (const label of advice.fields) {
            const f = input.fields.find((x) => x.label === label && x.value === null);
            expect(f?.visibleFromTier).toBeGreaterThan(input.tier);
          }
        },
      ),
    );
  });
});
