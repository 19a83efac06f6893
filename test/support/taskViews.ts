import type { PayoutRules } from '../../src/shared/domain/payout';
import type { Change, TaskView } from '../../src/shared/protocol';

/** Payout rules of the test brands; complexity 1..5 pays 2.00, 3.50, 5.00, 8.00, 12.00 EUR resolved. */
export const testPayoutRules: PayoutRules = {
  currency: 'EUR',
  basePerComplexity: { '1': 200, '2': 350, '3': 500, '4': 800, '5': 1200 },
  outcomeMultiplierBps: { resolved: 10_000, escalated: 5_000, transferred: 2_500 },
  ratingBonus: { '1': 0, '2': 0, '3': 0, '4': 50, '5': 100 },
};

let seq = 0;
export const nextSeq = () => ++seq;

export function taskView(i: number, overrides: Partial<TaskView> = {}): TaskView {
  return {
    id: `t${i}`,
    brandId: 'b1',
    externalRef: `ref-${i}`,
    subject: `Subject ${i}`,
    channel: (['email', 'chat', 'social'] as const)[i % 3]!,
    skills: i % 2 === 0 ? ['billing'] : ['shipping'],
    complexity: (i % 5) + 1,
    minTier: 0,
    status: 'open',
    holderId: null,
    leaseExpiresAt: null,
    offeredTo: null,
    offerExpiresAt: null,
    customerName: `Customer ${i}`,
    slaDueAt: i % 7 === 0 ? null : 1_900_000_000_000 + i * 1000,
    createdAt: 1_800_000_000_000 + i,
    updatedAt: 1_800_000_000_000 + i,
    messages: [
      {
        id: `m${i}`,
        author: 'customer',
        authorName: `Customer ${i}`,
        kind: 'message',
        body: `Body ${i}`,
        redacted: false,
        createdAt: 1_800_000_000_000 + i,
      },
    ],
    ...overrides,
  };
}

/** Brand, membership and rules, then `count` open tasks. */
export function feedChanges(count: number, from = 0): Change[] {
  const head: Change[] =
    from === 0
      ? [
          {
            seq: nextSeq(),
            kind: 'brand',
            brand: { id: 'b1', name: 'Acme', currency: 'EUR', leaseMinutes: 30 },
          },
          {
            seq: nextSeq(),
            kind: 'membership',
            membership: { brandId: 'b1', tier: 1, skills: ['billing'], suspended: false },
          },
          {
            seq: nextSeq(),
            kind: 'payout_rules',
            brandId: 'b1',
            version: 1,
            rules: testPayoutRules,
            effectiveAt: 0,
          },
        ]
      : [];
  const tasks: Change[] = [];
  for (let i = from; i < from + count; i++)
    tasks.push({ seq: nextSeq(), kind: 'task', task: taskView(i) });
  return [...head, ...tasks];
}
