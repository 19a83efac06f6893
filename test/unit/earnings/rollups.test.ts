import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyLedgerEntry,
  applyRating,
  recordClaim,
  recordEstimate,
} from '../../../src/core/earnings/apply';
import { rebuildRollups } from '../../../src/core/earnings/rollupRepo';
import { dashboard, periodSummary } from '../../../src/core/earnings/summaries';
import { saveSettings } from '../../../src/core/settings';
import { computeCasePayout } from '../../../src/shared/domain/payout';
import type { LedgerEntryView } from '../../../src/shared/protocol';
import { rollupSnapshot, rules, serverEntry, tempDb } from './support';

// Around the spring DST change in Europe (2026-03-29), so days straddle it.
const from = Date.UTC(2026, 2, 27);
const to = Date.UTC(2026, 3, 2);
const at = fc.integer({ min: from, max: to });
const task = fc.integer({ min: 0, max: 4 }).map((i) => `task-${i}`);
const status = fc.constantFrom('pending', 'confirmed', 'paid') as fc.Arbitrary<
  LedgerEntryView['status']
>;

const entryFacts = fc.record({
  taskId: task,
  kind: fc.constantFrom('case', 'case', 'rating_bonus', 'tip') as fc.Arbitrary<
    LedgerEntryView['kind']
  >,
  amountMinor: fc.integer({ min: -500, max: 2000 }),
  currency: fc.constantFrom('EUR', 'EUR', 'USD'),
  occurredAt: at,
});

const op = fc.oneof(
  fc.record({
    type: fc.constant('estimate' as const),
    taskId: task,
    complexity: fc.integer({ min: 1, max: 5 }),
    at,
  }),
  fc.record({
    type: fc.constant('server' as const),
    entry: fc.integer({ min: 0, max: 7 }),
    status,
  }),
  fc.record({ type: fc.constant('claim' as const), taskId: task, at }),
  fc.record({
    type: fc.constant('rating' as const),
    taskId: task,
    score: fc.integer({ min: 1, max: 5 }),
    at,
  }),
);

describe('rollups', () => {
  it('always equal a rebuild from the facts, and never count a case twice', () => {
    fc.assert(
      fc.property(
        fc.array(entryFacts, { minLength: 8, maxLength: 8 }),
        fc.array(op, { maxLength: 40 }),
        (facts, ops) => {
          const t = tempDb('Europe/Berlin');
          try {
            for (const o of ops) {
              if (o.type === 'estimate') {
                const computation = computeCasePayout(rules, 1, {
                  complexity: o.complexity,
                  outcome: 'resolved',
                });
                recordEstimate(t.db, {
                  taskId: o.taskId,
                  brandId: 'brand-a',
                  computation,
                  occurredAt: o.at,
                });
              } else if (o.type === 'server') {
                const f = facts[o.entry]!;
                applyLedgerEntry(t.db, serverEntry({ id: `E${o.entry}`, ...f, status: o.status }));
              } else if (o.type === 'claim') {
                recordClaim(t.db, { taskId: o.taskId, brandId: 'brand-a', claimedAt: o.at });
              } else {
                applyRating(t.db, {
                  taskId: o.taskId,
                  brandId: 'brand-a',
                  score: o.score,
                  comment: null,
                  tipMinor: null,
                  ratedAt: o.at,
                });
              }
            }
            const incremental = rollupSnapshot(t.db);
            t.db.transaction(() => rebuildRollups(t.db, 'Europe/Berlin'))();
            expect(rollupSnapshot(t.db)).toEqual(incremental);

            // No case has both a counted estimate and a server payout.
            const doubled = t.db
              .prepare(
                `SELECT task_id FROM ledger_entries e
                WHERE NOT EXISTS (SELECT 1 FROM ledger_supersessions x WHERE x.entry_id = e.id)
                  AND kind IN ('payout', 'clawback')
                GROUP BY task_id HAVING COUNT(DISTINCT source) > 1`,
              )
              .all();
            expect(doubled).toEqual([]);

            // The summary over everything equals a plain sum of the counted entries.
            const summary = periodSummary(
              t.db,
              { kind: 'custom', from: '2026-03-01', to: '2026-04-30' },
              null,
              to,
            );
            const plain = t.db
              .prepare(
                `SELECT currency, SUM(amount_minor) AS amountMinor FROM ledger_entries e
                WHERE NOT EXISTS (SELECT 1 FROM ledger_supersessions x WHERE x.entry_id = e.id)
                GROUP BY currency ORDER BY currency`,
              )
              .all();
            expect(
              summary.totals.map((x) => ({ currency: x.currency, amountMinor: x.amountMinor })),
            ).toEqual(plain);
          } finally {
            t.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('are rebuilt for the new zone when the advocate changes it', () => {
    const t = tempDb('Europe/Berlin');
    try {
      // 23:30 on 31 March in Berlin = 21:30 UTC = 14:30 in Los Angeles.
      applyLedgerEntry(t.db, serverEntry({ id: 'Z', occurredAt: Date.UTC(2026, 2, 31, 21, 30) }));
      const now = Date.UTC(2026, 2, 31, 22, 0); // 00:00 on 1 April in Berlin
      expect(dashboard(t.db, now).today.totals).toEqual([]);
      expect(dashboard(t.db, now).month.from).toBe('2026-04-01');
      saveSettings(t.db, { timeZone: 'America/Los_Angeles' });
      const la = dashboard(t.db, now);
      expect(la.timeZone).toBe('America/Los_Angeles');
      expect(la.today).toMatchObject({
        from: '2026-03-31',
        totals: [{ currency: 'EUR', amountMinor: 500 }],
      });
    } finally {
      t.close();
    }
  });
});
