import type { Notice } from '../../shared/contract/events';
import { Action, type ActionResult } from '../../shared/protocol';
import type { Db } from '../db/open';
import { because, failureReason, type LocalRefusal } from './reasons';
import { worded } from '../i18n/translate';
import type { SyncAppliers } from './appliers';
import { HttpError, type FeedClient } from './client';
import { settleAction, type UndoRecord } from './outbox';
import { listOutbox, parkTaskRows, recordAttemptFailure, type OutboxRow } from './outboxRepo';

export interface PushContext {
  db: Db;
  client: FeedClient;
  /** The features' part of settling an answer (a refused payout's estimate). */
  appliers: Pick<SyncAppliers, 'refusedPayout'>;
  now: () => number;
  signal: AbortSignal;
  onNotice: (notice: Notice) => void;
  isStopped: () => boolean;
}

const FULL_BATCH = 100;
/** Server failures (5xx, unreadable answers) of one row sent alone before it is parked. */
export const PARK_AFTER_FAILURES = 5;

/**
 * Sends the outbox in order; a row is deleted only once the server answered it (settleAction).
 * One row can never hold the rest hostage: a 413 halves the batch, a 400 that names no item
 * makes the rows go one at a time (so only the bad one is refused, never the valid ones before
 * it), and a row that keeps failing alone at the server is parked with a notice.
 */
export class OutboxPusher {
  private batch = FULL_BATCH;
  private head: { seq: number; failures: number } = { seq: -1, failures: 0 };
  /** Rows settled or parked since the engine last asked, also by a push that then failed. */
  private changed = false;

  constructor(private readonly c: PushContext) {}

  /** Whether rows were settled or parked since the last call (the views must re-read). */
  takeChanged(): boolean {
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  /** Sends until the outbox is empty; throws the failure that stopped the push. */
  async push(): Promise<void> {
    const { db, client } = this.c;
    for (;;) {
      const rows = listOutbox(db, this.batch);
      if (rows.length === 0) return;
      const actions = rows.map((row) => Action.parse(JSON.parse(row.payload)));
      let results: ActionResult[];
      try {
        results = (await client.send(actions, this.c.signal)).results;
      } catch (error) {
        if (this.c.isStopped()) return;
        if (this.recover(rows, error)) continue;
        throw error;
      }
      if (this.c.isStopped()) return;
      const byKey = new Map(results.map((r) => [r.key, r]));
      let answered = 0;
      for (const row of rows) {
        const answer = byKey.get(row.key);
        // Rows the server did not answer stay queued, and so do the ones after them (order).
        if (!answer) break;
        answered++;
        this.settle(row, answer);
      }
      if (answered === 0) {
        const error = new HttpError(
          500,
          'bad_response',
          'The server did not answer the queued actions.',
          null,
        );
        if (this.recover(rows, error)) continue;
        throw error;
      }
      this.batch = FULL_BATCH;
    }
  }

  /** Handles a failed send; true when the push can go on at once. */
  private recover(rows: OutboxRow[], error: unknown): boolean {
    const { db, now } = this.c;
    if (error instanceof HttpError && (error.status === 400 || error.status === 413)) {
      const named = error.status === 400 ? error.badIndexes.flatMap((i) => rows[i] ?? []) : [];
      if (named.length > 0) {
        for (const row of named) this.refuse(row, 'invalid', error.message);
      } else if (rows.length > 1) {
        this.batch = error.status === 413 ? Math.ceil(rows.length / 2) : 1;
      } else if (error.status === 413) {
        this.refuse(rows[0]!, 'tooLarge', 'it is too large for the server to accept');
      } else {
        this.refuse(rows[0]!, 'invalid', error.message);
      }
      return true;
    }
    const message = error instanceof Error ? error.message : String(error);
    recordAttemptFailure(
      db,
      rows.map((r) => r.seq),
      now(),
      message,
      failureReason(error, this.c.client.host),
    );
    const serverFailure = error instanceof HttpError && error.status >= 500;
    if (!serverFailure) return false;
    if (rows.length > 1) {
      // Find out whether one row is to blame: the next tries send the head alone.
      this.batch = 1;
      return false;
    }
    const row = rows[0]!;
    this.head =
      this.head.seq === row.seq
        ? { seq: row.seq, failures: this.head.failures + 1 }
        : { seq: row.seq, failures: 1 };
    if (this.head.failures < PARK_AFTER_FAILURES) return false;
    this.park(row, error);
    return true;
  }

  private settle(row: OutboxRow, result: ActionResult): void {
    this.changed = true;
    const notice = settleAction(this.c.db, row, result, this.c.now(), this.c.appliers);
    if (notice) this.c.onNotice(notice);
  }

  private refuse(row: OutboxRow, code: LocalRefusal, message: string): void {
    this.settle(row, { key: row.key, status: 'rejected', code, message });
  }

  private park(row: OutboxRow, error: unknown): void {
    const at = this.c.now();
    parkTaskRows(this.c.db, row, at);
    this.changed = true;
    this.head = { seq: -1, failures: 0 };
    this.batch = FULL_BATCH;
    const undo = JSON.parse(row.undo ?? 'null') as UndoRecord | null;
    this.c.onNotice({
      id: `${row.key}:parked`,
      level: 'error',
      ...worded(
        {
          id: 'notice.parked',
          values: because(failureReason(error, this.c.client.host), {
            hasSubject: undo?.subject ? 'yes' : 'no',
            subject: undo?.subject ?? '',
            action: row.type,
            failures: PARK_AFTER_FAILURES,
          }),
        },
        error instanceof Error ? error.message : String(error),
      ),
      taskId: row.taskId,
      at,
    });
  }
}
