import type { PayoutComputation, PayoutOutcome } from '../../shared/domain/payout';
import { dayNumberAt } from '../../shared/domain/time';
import type { LedgerEntryView, RatingView } from '../../shared/protocol';
import type { Db } from '../db/open';
import {
  addStatusEvent,
  caseTotalMinor,
  findCase,
  findEntry,
  findRating,
  hasServerCaseEntry,
  insertEntry,
  liveEstimates,
  saveCase,
  saveRating,
  statusRank,
  supersede,
  type EntryKind,
  type LedgerStatus,
  type StoredEntry,
} from './ledgerRepo';
import { addAmount, addCases, addRatings, caseContribution } from './rollupRepo';
import { writeZone } from './zone';

/**
 * The write path of earnings. Each function runs in one transaction (a savepoint inside the
 * caller's, e.g. a sync page) and keeps the rollups in step with the facts it appends.
 *
 * Reconciliation: a local estimate counts until the server's own entry for that case arrives;
 * then the estimate is superseded (a new fact, the estimate row itself is kept). A status the
 * server reports later is a new status event; statuses never move backwards.
 */

const entryKind = (entry: LedgerEntryView): EntryKind => {
  if (entry.kind === 'case') return entry.amountMinor < 0 ? 'clawback' : 'payout';
  // A reopen fee is taken back from a case's payout: its lines carry the arithmetic.
  return entry.kind === 'reopen_fee' ? 'clawback' : entry.kind;
};

/** Applies one ledger entry from the server's change stream; re-applying it is harmless. */
export function applyLedgerEntry(db: Db, entry: LedgerEntryView, observedAt = Date.now()): void {
  db.transaction(() => {
    const zone = writeZone(db);
    const existing = findEntry(db, entry.id);
    if (existing) {
      advanceStatus(db, zone, existing, entry.status, observedAt);
      return;
    }
    const isCase = entry.kind === 'case';
    insertEntry(db, {
      id: entry.id,
      taskId: entry.taskId,
      brandId: entry.brandId,
      kind: entryKind(entry),
      amountMinor: entry.amountMinor,
      currency: entry.currency,
      status: entry.status,
      ruleVersion: entry.ruleVersion,
      lines: entry.lines,
      occurredAt: entry.occurredAt,
      source: 'server',
      outcome: entry.outcome,
    });
    if (isCase) {
      for (const estimate of liveEstimates(db, entry.taskId)) {
        if (estimate.kind === 'payout') retire(db, zone, estimate, entry.id, observedAt);
      }
    }
    addStatusEvent(db, entry.id, entry.status, observedAt);
    addAmount(
      db,
      dayNumberAt(entry.occurredAt, zone),
      entry.brandId,
      entry.currency,
      entry.status,
      entry.amountMinor,
      1,
    );
    caseAmountChanged(db, zone, entry.taskId, entry.currency, entry.amountMinor);
    if (isCase) {
      adoptServerCurrency(db, zone, entry.taskId, entry.currency);
      markResolved(db, zone, entry.taskId, entry.brandId, entry.currency, entry.occurredAt);
    }
  })();
}

export interface EstimateInput {
  taskId: string;
  brandId: string;
  computation: PayoutComputation;
  /** When the case was resolved (or escalated/transferred), UTC ms. */
  occurredAt: number;
  outcome?: PayoutOutcome;
  /** When the advocate claimed the case, if not already recorded with `recordClaim`. */
  claimedAt?: number;
}

export const estimateId = (taskId: string): string => `estimate:${taskId}`;

/**
 * Records the app's own estimate the moment a case is resolved locally (also offline).
 * Returns false when there was nothing to do: already estimated, or the server's entry is in.
 */
export function recordEstimate(db: Db, input: EstimateInput, observedAt = Date.now()): boolean {
  return db.transaction(() => {
    const zone = writeZone(db);
    const id = estimateId(input.taskId);
    if (hasServerCaseEntry(db, input.taskId) || findEntry(db, id)) return false;
    if (input.claimedAt !== undefined) {
      recordClaimIn(db, zone, input.taskId, input.brandId, input.claimedAt);
    }
    const { computation } = input;
    insertEntry(db, {
      id,
      taskId: input.taskId,
      brandId: input.brandId,
      kind: 'payout',
      amountMinor: computation.totalMinor,
      currency: computation.currency,
      status: 'estimated',
      ruleVersion: computation.ruleVersion,
      lines: computation.lines,
      occurredAt: input.occurredAt,
      source: 'local',
      outcome: input.outcome ?? null,
    });
    addStatusEvent(db, id, 'estimated', observedAt);
    addAmount(
      db,
      dayNumberAt(input.occurredAt, zone),
      input.brandId,
      computation.currency,
      'estimated',
      computation.totalMinor,
      1,
    );
    caseAmountChanged(db, zone, input.taskId, computation.currency, computation.totalMinor);
    markResolved(db, zone, input.taskId, input.brandId, computation.currency, input.occurredAt);
    return true;
  })();
}

/**
 * Takes back the estimate of a case whose resolve, escalate or transfer the server refused: the
 * case is no longer counted as solved. The estimate row stays (append-only); superseding it by
 * itself marks it withdrawn. Returns false when there was nothing to withdraw.
 */
export function withdrawEstimate(db: Db, taskId: string, observedAt = Date.now()): boolean {
  return db.transaction(() => {
    const zone = writeZone(db);
    const estimate = findEntry(db, estimateId(taskId));
    if (!estimate || estimate.supersededBy || hasServerCaseEntry(db, taskId)) return false;
    const c = findCase(db, taskId);
    if (c && c.resolvedAt !== null && c.currency !== null) {
      const counted = caseContribution(
        c.claimedAt,
        c.resolvedAt,
        caseTotalMinor(db, taskId, c.currency),
      );
      addCases(db, dayNumberAt(c.resolvedAt, zone), c.brandId, c.currency, {
        cases: -counted.cases,
        timedCases: -counted.timedCases,
        workMs: -counted.workMs,
        timedAmountMinor: -counted.timedAmountMinor,
      });
      saveCase(db, { ...c, resolvedAt: null });
    }
    retire(db, zone, estimate, estimate.id, observedAt);
    return true;
  })();
}

/** Notes when the advocate claimed a case, for the effective hourly rate. */
export function recordClaim(
  db: Db,
  input: { taskId: string; brandId: string; claimedAt: number },
): void {
  db.transaction(() => {
    recordClaimIn(db, writeZone(db), input.taskId, input.brandId, input.claimedAt);
  })();
}

/** Stores the customer's rating (re-applying or correcting it moves the rollup, never doubles it). */
export function applyRating(db: Db, rating: RatingView): void {
  db.transaction(() => {
    const zone = writeZone(db);
    const old = findRating(db, rating.taskId);
    if (old) addRatings(db, dayNumberAt(old.ratedAt, zone), old.brandId, old.score, -1);
    saveRating(db, {
      taskId: rating.taskId,
      brandId: rating.brandId,
      score: rating.score,
      comment: rating.comment,
      tipMinor: rating.tipMinor,
      ratedAt: rating.ratedAt,
    });
    addRatings(db, dayNumberAt(rating.ratedAt, zone), rating.brandId, rating.score, 1);
  })();
}

// ---------------------------------------------------------------- helpers (inside a transaction)

function advanceStatus(
  db: Db,
  zone: string,
  entry: StoredEntry,
  status: LedgerStatus,
  observedAt: number,
): void {
  if (statusRank[status] <= statusRank[entry.status]) return;
  addStatusEvent(db, entry.id, status, observedAt);
  if (entry.supersededBy) return;
  const day = dayNumberAt(entry.occurredAt, zone);
  addAmount(db, day, entry.brandId, entry.currency, entry.status, -entry.amountMinor, -1);
  addAmount(db, day, entry.brandId, entry.currency, status, entry.amountMinor, 1);
}

function retire(
  db: Db,
  zone: string,
  estimate: StoredEntry,
  byId: string,
  observedAt: number,
): void {
  supersede(db, estimate.id, byId, observedAt);
  const day = dayNumberAt(estimate.occurredAt, zone);
  addAmount(
    db,
    day,
    estimate.brandId,
    estimate.currency,
    estimate.status,
    -estimate.amountMinor,
    -1,
  );
  caseAmountChanged(db, zone, estimate.taskId, estimate.currency, -estimate.amountMinor);
}

const isTimed = (claimedAt: number | null, resolvedAt: number | null): boolean =>
  claimedAt !== null && resolvedAt !== null && claimedAt <= resolvedAt;

/** Keeps the hourly-rate numerator in step when a counted, timed case's total changes. */
function caseAmountChanged(
  db: Db,
  zone: string,
  taskId: string,
  currency: string,
  delta: number,
): void {
  const c = findCase(db, taskId);
  if (!c || c.resolvedAt === null || c.currency !== currency || !isTimed(c.claimedAt, c.resolvedAt))
    return;
  addCases(db, dayNumberAt(c.resolvedAt, zone), c.brandId, currency, {
    cases: 0,
    timedCases: 0,
    workMs: 0,
    timedAmountMinor: delta,
  });
}

/**
 * The server decides a case's currency: when it pays in another currency than the estimate,
 * the case moves to it in the cases rollup (counted once, in the currency it is paid in).
 */
function adoptServerCurrency(db: Db, zone: string, taskId: string, currency: string): void {
  const c = findCase(db, taskId);
  if (!c || c.resolvedAt === null || c.currency === null || c.currency === currency) return;
  const day = dayNumberAt(c.resolvedAt, zone);
  const old = caseContribution(c.claimedAt, c.resolvedAt, caseTotalMinor(db, taskId, c.currency));
  addCases(db, day, c.brandId, c.currency, {
    cases: -old.cases,
    timedCases: -old.timedCases,
    workMs: -old.workMs,
    timedAmountMinor: -old.timedAmountMinor,
  });
  saveCase(db, { ...c, currency });
  const now = caseContribution(c.claimedAt, c.resolvedAt, caseTotalMinor(db, taskId, currency));
  addCases(db, day, c.brandId, currency, now);
}

/** Counts a case as solved on its first resolution; later entries never count it again. */
function markResolved(
  db: Db,
  zone: string,
  taskId: string,
  brandId: string,
  currency: string,
  resolvedAt: number,
): void {
  const c = findCase(db, taskId);
  if (c && c.resolvedAt !== null) return;
  const claimedAt = c?.claimedAt ?? null;
  saveCase(db, { taskId, brandId, currency, claimedAt, resolvedAt });
  const total = caseTotalMinor(db, taskId, currency);
  addCases(
    db,
    dayNumberAt(resolvedAt, zone),
    brandId,
    currency,
    caseContribution(claimedAt, resolvedAt, total),
  );
}

function recordClaimIn(
  db: Db,
  zone: string,
  taskId: string,
  brandId: string,
  claimedAt: number,
): void {
  const c = findCase(db, taskId);
  if (!c) {
    saveCase(db, { taskId, brandId, currency: null, claimedAt, resolvedAt: null });
    return;
  }
  if (c.resolvedAt === null) {
    // A re-claim (after an abandon or an expired lease) restarts the clock.
    saveCase(db, { ...c, claimedAt });
    return;
  }
  if (c.claimedAt !== null || c.currency === null || !isTimed(claimedAt, c.resolvedAt)) return;
  saveCase(db, { ...c, claimedAt });
  const total = caseTotalMinor(db, taskId, c.currency);
  const { cases: _counted, ...timed } = caseContribution(claimedAt, c.resolvedAt, total);
  addCases(db, dayNumberAt(c.resolvedAt, zone), c.brandId, c.currency, { ...timed, cases: 0 });
}
