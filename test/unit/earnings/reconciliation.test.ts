import { afterEach, describe, expect, it } from 'vitest';
import {
  applyLedgerEntry,
  applyRating,
  recordClaim,
  recordEstimate,
} from '../../../src/core/earnings/apply';
import { caseDetail } from '../../../src/core/earnings/caseDetail';
import { dashboard, periodSummary } from '../../../src/core/earnings/summaries';
import { computeCasePayout } from '../../../src/shared/domain/payout';
import { rating, rules, serverEntry, tempDb, type TempDb } from './support';

const resolvedAt = Date.UTC(2026, 2, 10, 12); // 13:00 in Berlin
const now = Date.UTC(2026, 2, 10, 18);
let t: TempDb;
afterEach(() => t?.close());

const monthEur = () => dashboard(t.db, now).month.totals.find((x) => x.currency === 'EUR');

describe('reconciling local estimates with the server ledger', () => {
  it('counts an estimated case once through pending, confirmed, a clawback and a bonus', () => {
    t = tempDb();
    const computation = computeCasePayout(rules, 1, { complexity: 3, outcome: 'resolved' });
    expect(
      recordEstimate(t.db, {
        taskId: 'task-1',
        brandId: 'brand-a',
        computation,
        occurredAt: resolvedAt,
      }),
    ).toBe(true);
    // Offline and estimated: counted, as an estimate.
    expect(monthEur()).toMatchObject({
      amountMinor: 500,
      cases: 1,
      byStatus: { estimated: 500, pending: 0 },
    });
    // A second estimate for the same case changes nothing.
    expect(
      recordEstimate(t.db, {
        taskId: 'task-1',
        brandId: 'brand-a',
        computation,
        occurredAt: resolvedAt,
      }),
    ).toBe(false);

    // The server's entry arrives pending (a different amount: the server's figure wins).
    const l1 = (status: 'pending' | 'confirmed') =>
      serverEntry({ id: 'L1', amountMinor: 520, status, occurredAt: resolvedAt + 60_000 });
    applyLedgerEntry(t.db, l1('pending'));
    expect(monthEur()).toMatchObject({
      amountMinor: 520,
      cases: 1,
      entries: 1,
      byStatus: { estimated: 0, pending: 520 },
    });

    // Then confirmed (the same entry, a later status), then a stale pending replay.
    applyLedgerEntry(t.db, l1('confirmed'));
    applyLedgerEntry(t.db, l1('pending'));
    expect(monthEur()).toMatchObject({
      amountMinor: 520,
      cases: 1,
      entries: 1,
      byStatus: { pending: 0, confirmed: 520 },
    });

    // A clawback lowers the case total; the case is still one case.
    applyLedgerEntry(
      t.db,
      serverEntry({
        id: 'L2',
        amountMinor: -200,
        status: 'confirmed',
        occurredAt: resolvedAt + 3_600_000,
      }),
    );
    expect(monthEur()).toMatchObject({ amountMinor: 320, cases: 1, averagePerCaseMinor: 320 });

    // A 5-star rating and its bonus.
    applyRating(t.db, rating({ score: 5, comment: 'Great, thanks' }));
    applyLedgerEntry(
      t.db,
      serverEntry({
        id: 'L3',
        kind: 'rating_bonus',
        outcome: null,
        amountMinor: 150,
        occurredAt: resolvedAt + 7_200_000,
        lines: [{ kind: 'rating_bonus', label: 'Bonus for a 5-star rating', amountMinor: 150 }],
      }),
    );
    expect(monthEur()).toMatchObject({ amountMinor: 470, cases: 1 });

    const detail = caseDetail(t.db, 'task-1');
    expect(detail.totalMinor).toBe(470);
    expect(detail.lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(470);
    expect(detail.lines.map((l) => l.kind)).toEqual(['payout', 'clawback', 'rating_bonus']);
    expect(detail.rating).toMatchObject({ score: 5, comment: 'Great, thanks' });
    // The estimate is kept, marked as replaced, never counted.
    expect(detail.entries.find((e) => e.source === 'local')).toMatchObject({
      supersededBy: 'L1',
      status: 'estimated',
    });
    // History is appended, not rewritten: the first-seen status of L1 is still there.
    const events = t.db
      .prepare("SELECT status FROM ledger_status_events WHERE entry_id = 'L1' ORDER BY rank")
      .pluck()
      .all();
    expect(events).toEqual(['pending', 'confirmed']);
  });

  it('shows the computation line by line when the server sends it', () => {
    t = tempDb();
    const c = computeCasePayout(rules, 3, { complexity: 4, outcome: 'escalated' });
    applyLedgerEntry(
      t.db,
      serverEntry({
        id: 'S1',
        outcome: 'escalated',
        amountMinor: c.totalMinor,
        ruleVersion: 3,
        lines: c.lines,
      }),
    );
    const detail = caseDetail(t.db, 'task-1');
    expect(detail.lines.map((l) => l.label)).toEqual([
      'Base for complexity 4',
      '× 60% for escalated with a handoff',
    ]);
    expect(detail).toMatchObject({
      totalMinor: 480,
      ruleVersion: 3,
      outcome: 'escalated',
      status: 'pending',
    });
  });

  it('ignores an estimate made after the server entry is already in', () => {
    t = tempDb();
    applyLedgerEntry(t.db, serverEntry({ id: 'S1', amountMinor: 500 }));
    const computation = computeCasePayout(rules, 1, { complexity: 3, outcome: 'resolved' });
    expect(
      recordEstimate(t.db, {
        taskId: 'task-1',
        brandId: 'brand-a',
        computation,
        occurredAt: resolvedAt,
      }),
    ).toBe(false);
    expect(monthEur()).toMatchObject({ amountMinor: 500, cases: 1 });
  });

  it('keeps currencies apart and per brand', () => {
    t = tempDb();
    applyLedgerEntry(t.db, serverEntry({ id: 'A', amountMinor: 500 }));
    applyLedgerEntry(
      t.db,
      serverEntry({
        id: 'B',
        taskId: 'task-2',
        brandId: 'brand-b',
        currency: 'USD',
        amountMinor: 700,
      }),
    );
    const summary = periodSummary(t.db, { kind: 'month' }, null, now);
    expect(summary.totals.map((x) => [x.currency, x.amountMinor, x.cases])).toEqual([
      ['EUR', 500, 1],
      ['USD', 700, 1],
    ]);
    expect(summary.byBrand.map((b) => [b.brandId, b.currency, b.amountMinor])).toEqual([
      ['brand-a', 'EUR', 500],
      ['brand-b', 'USD', 700],
    ]);
    const onlyB = periodSummary(t.db, { kind: 'month' }, 'brand-b', now);
    expect(onlyB.totals.map((x) => x.currency)).toEqual(['USD']);
  });

  it('computes the effective hourly rate from claim to resolution', () => {
    t = tempDb();
    recordClaim(t.db, {
      taskId: 'task-1',
      brandId: 'brand-a',
      claimedAt: resolvedAt - 30 * 60_000,
    });
    const computation = computeCasePayout(rules, 1, { complexity: 3, outcome: 'resolved' });
    recordEstimate(t.db, {
      taskId: 'task-1',
      brandId: 'brand-a',
      computation,
      occurredAt: resolvedAt,
    });
    expect(monthEur()?.hourlyRateMinor).toBe(1000);
    // The server's figure replaces the estimate in the rate too.
    applyLedgerEntry(t.db, serverEntry({ id: 'S1', amountMinor: 600 }));
    expect(monthEur()?.hourlyRateMinor).toBe(1200);
    // A case the app never saw claimed counts as solved but not in the rate.
    applyLedgerEntry(t.db, serverEntry({ id: 'S2', taskId: 'task-2', amountMinor: 9999 }));
    expect(monthEur()).toMatchObject({ cases: 2, hourlyRateMinor: 1200 });
  });

  it('re-applied or corrected ratings never count twice', () => {
    t = tempDb();
    applyRating(t.db, rating({ score: 4 }));
    applyRating(t.db, rating({ score: 4 }));
    applyRating(t.db, rating({ taskId: 'task-2', score: 2 }));
    applyRating(t.db, rating({ taskId: 'task-2', score: 3, comment: 'changed my mind' }));
    const r = dashboard(t.db, now).month.ratings;
    expect(r).toEqual({ count: 2, averageScore: 3.5, distribution: [0, 0, 1, 1, 0] });
  });
});
