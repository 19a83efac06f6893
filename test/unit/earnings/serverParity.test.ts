import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLedgerEntry, applyRating } from '../../../src/core/earnings/apply';
import { caseDetail } from '../../../src/core/earnings/caseDetail';
import { openStore } from '../../../src/server';
import { computeCasePayout, PayoutRules } from '../../../src/shared/domain/payout';
import { TaskPush } from '../../../src/shared/protocol';
import { testTask } from '../../support/feedServer';
import { tempDb } from './support';

const bps = fc.integer({ min: 0, max: 30_000 });
const amount = fc.integer({ min: 0, max: 100_000 });
const rulesArb = fc
  .record({
    currency: fc.constant('EUR'),
    basePerComplexity: fc.record({
      '1': amount,
      '2': amount,
      '3': amount,
      '4': amount,
      '5': amount,
    }),
    outcomeMultiplierBps: fc.record({ resolved: bps, escalated: bps, transferred: bps }),
    ratingBonus: fc.record({ '1': amount, '2': amount, '3': amount, '4': amount, '5': amount }),
  })
  .map((r) => PayoutRules.parse(r));
const caseArb = fc.record({
  complexity: fc.integer({ min: 1, max: 5 }),
  outcome: fc.constantFrom('resolved' as const, 'escalated' as const),
  rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  tipMinor: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
});

describe('the server ledger and the app agree', () => {
  it('on every case total, through the real server write path and the app sync write path', async () => {
    await fc.assert(
      fc.asyncProperty(
        rulesArb,
        fc.array(caseArb, { minLength: 1, maxLength: 4 }),
        async (rules, cases) => {
          const now = Date.UTC(2026, 5, 1, 9);
          const store = openStore(':memory:');
          const local = tempDb('Europe/Berlin');
          try {
            await store.migrate(now);
            const { brand } = await store.createBrand(
              { name: 'Acme', currency: 'EUR', leaseMinutes: 30 },
              now,
            );
            const { version } = await store.setPayoutRules(brand.id, rules, now);
            await store.upsertTasks(
              brand.id,
              cases.map((c, i) =>
                TaskPush.parse(testTask(`ref-${i}`, i, { complexity: c.complexity, skills: [] })),
              ),
              now,
            );
            const invite = await store.invite(
              brand.id,
              { email: 'a@example.com', name: 'Ann', skills: [], tier: 3 },
              now,
            );
            const { token } = await store.redeem(invite.inviteCode, 'test', now);
            const actor = (await store.advocateForToken(token, now))!;
            const first = await store.sync(actor.id, undefined, 1000);
            const idOf = new Map(
              first.changes.flatMap((ch) =>
                ch.kind === 'task' ? [[ch.task.externalRef, ch.task.id] as const] : [],
              ),
            );
            for (const [i, c] of cases.entries()) {
              const taskId = idOf.get(`ref-${i}`)!;
              const finish =
                c.outcome === 'resolved'
                  ? { key: `resolve-${i}-key`, type: 'resolve' as const, taskId }
                  : {
                      key: `escalate-${i}-key`,
                      type: 'escalate' as const,
                      taskId,
                      target: 'contact_center' as const,
                      handoffNote: 'Needs a refund',
                    };
              const results = await store.applyActions(
                actor,
                [{ key: `claim-${i}-key`, type: 'claim', taskId }, finish],
                now + 1000,
              );
              expect(results.map((r) => r.message ?? r.status)).toEqual(['applied', 'applied']);
              if (c.outcome === 'resolved' && c.rating !== null) {
                await store.addRatings(
                  brand.id,
                  [
                    {
                      taskId,
                      score: c.rating,
                      ...(c.tipMinor !== null ? { tipMinor: c.tipMinor } : {}),
                    },
                  ],
                  now + 2000,
                );
              }
            }
            const pulled = await store.sync(actor.id, first.cursor, 1000);
            for (const ch of pulled.changes) {
              if (ch.kind === 'ledger') applyLedgerEntry(local.db, ch.entry);
              if (ch.kind === 'rating') applyRating(local.db, ch.rating);
            }
            for (const [i, c] of cases.entries()) {
              const rated = c.outcome === 'resolved' && c.rating !== null;
              const expected = computeCasePayout(rules, version, {
                complexity: c.complexity,
                outcome: c.outcome,
                rating: rated ? c.rating : null,
                tipMinor: rated ? c.tipMinor : null,
              });
              const detail = caseDetail(local.db, idOf.get(`ref-${i}`)!);
              expect(detail.totalMinor).toBe(expected.totalMinor);
              expect(detail.lines.map((l) => [l.kind, l.amountMinor])).toEqual(
                expected.lines.map((l) => [l.kind, l.amountMinor]),
              );
              expect(detail.ruleVersion).toBe(version);
            }
          } finally {
            local.close();
            await store.close();
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
