import type { Notice, SyncStatus } from '../../shared/contract/events';
import type { Db } from '../db/open';
import type { PageSummary } from './applyPage';
import type { SyncAppliers } from './appliers';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
import { catchUpCapabilities } from './capabilityCatchUp';
import { HttpError, isRetryable, NetworkError, type FeedClient } from './client';
import { pullPages } from './pullPages';
import { OutboxPusher } from './push';
import { readSyncState, writeSyncOutcome } from './syncStateRepo';
import { because, failureReason } from './reasons';
import { worded } from '../i18n/translate';
import { cursorHolds, laterCursor } from '../../shared/domain/syncCursor';

export interface SyncResult {
  /** Rows changed locally by pulls and settled actions in this run. */
  changed: boolean;
  /** Whether this was the first complete pull (nothing synced before). */
  initial: boolean;
  summaries: PageSummary[];
}

export interface EngineOptions {
  db: Db;
  client: FeedClient;
  /** The features' writers of pulled changes and action answers. */
  appliers: SyncAppliers;
  now: () => number;
  onStatus: (status: SyncStatus) => void;
  onNotice: (notice: Notice) => void;
  /** After each successful sync, inside no transaction. */
  onSynced: (result: SyncResult) => void;
  pageSize?: number;
  /**
   * Before the first pull of a database never synced: load snapshots instead of replaying the
   * log (initialSync.ts); answers whether it did (false: replay as before).
   */
  initialLoad?: (signal: AbortSignal) => Promise<boolean>;
  backoff?: BackoffPolicy;
  random?: () => number;
  /**
   * The features' own queues of the advocate's writes (quiz attempts, KB votes), sent after the
   * outbox; true = settled something a view shows; throws like a push.
   */
  sendQueued?: (signal: AbortSignal) => Promise<boolean>;
}

/**
 * Push the outbox, then pull every page since the cursor. One run at a time: a request while a
 * run is going makes that run go round once more instead of starting a second one.
 */
export class SyncEngine {
  private running: Promise<void> | null = null;
  private again = false;
  /** The latest cursor a change event announced while a run was going. */
  private wanted: string | null = null;
  private stopped = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly abort = new AbortController();
  private status: SyncStatus;
  private readonly pusher: OutboxPusher;

  constructor(private readonly o: EngineOptions) {
    this.pusher = new OutboxPusher({
      db: o.db,
      client: o.client,
      appliers: o.appliers,
      now: o.now,
      signal: this.abort.signal,
      onNotice: o.onNotice,
      isStopped: () => this.stopped,
    });
    const state = readSyncState(o.db);
    this.status = {
      state: 'offline',
      lastSyncedAt: state.lastSyncedAt,
      ...worded({ id: 'sync.connecting', values: {} }),
    };
  }

  get currentStatus(): SyncStatus {
    return this.status;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Runs a sync now, or joins (and extends) the one already running. */
  syncNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * A change event's answer: pulls unless the cursor already holds `cursor` (so the event for
   * the app's own action, which the run that pushed it also pulled, costs nothing). While a run
   * is going, it goes round once more only if its pull ends short of `cursor`.
   */
  syncTo(cursor: string): Promise<void> {
    if (this.stopped || this.holds(cursor)) return Promise.resolve();
    if (this.running) {
      this.wanted = laterCursor(this.wanted, cursor);
      return this.running;
    }
    return this.syncNow();
  }

  /** Whether the local cursor is at or past `cursor` (shared/domain/syncCursor.ts). */
  holds(cursor: string): boolean {
    return cursorHolds(readSyncState(this.o.db).cursor, cursor);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.runOnce();
        if (this.wanted !== null && !this.holds(this.wanted)) this.again = true;
      } catch (error) {
        // What the run could not handle itself: the app's own database failing (full, read-only,
        // damaged) where the run records its outcome. Reported, so the app is not left
        // "syncing"; the next change event or poll tries again.
        if (!this.stopped) this.fail(error);
      }
      this.wanted = null;
    } while (this.again && !this.stopped);
  }

  private setStatus(status: SyncStatus): void {
    this.status = status;
    this.o.onStatus(status);
  }

  private async runOnce(): Promise<void> {
    const { db } = this.o;
    this.setStatus({ state: 'syncing', lastSyncedAt: this.status.lastSyncedAt, message: null });
    const result: SyncResult = {
      changed: false,
      initial: readSyncState(db).cursor === null,
      summaries: [],
    };
    // A failing push does not stop the pull: the feed, KB and earnings stay current while the
    // outbox waits for its retry (the failure is reported after the pull).
    let failure: unknown = null;
    try {
      await this.pusher.push();
    } catch (error) {
      failure = error;
    }
    try {
      if (
        failure === null &&
        !this.stopped &&
        this.o.sendQueued &&
        (await this.o.sendQueued(this.abort.signal))
      )
        result.changed = true;
    } catch (error) {
      failure ??= error;
    }
    // Rows settled before a failure changed what the views show (e.g. "Waiting to send").
    result.changed = this.pusher.takeChanged() || result.changed;
    try {
      if (!(failure instanceof NetworkError) && !this.stopped) await this.pullAll(result);
    } catch (error) {
      failure ??= error;
    }
    if (failure !== null) {
      if (this.stopped) return;
      this.fail(failure);
      if (result.changed) this.o.onSynced(result);
      return;
    }
    if (this.stopped) return;
    this.failures = 0;
    const at = this.o.now();
    writeSyncOutcome(db, at, null);
    this.setStatus({ state: 'online', lastSyncedAt: at, message: null });
    this.o.onSynced(result);
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    try {
      writeSyncOutcome(this.o.db, null, message);
    } catch {
      // The database that failed the run may fail this write too; the status says it all.
    }
    if (isRetryable(error)) {
      const retryAfter = error instanceof HttpError ? error.retryAfterMs : null;
      const delay = backoffDelay(
        this.failures++,
        this.o.backoff ?? defaultBackoff,
        this.o.random ?? Math.random,
        retryAfter,
      );
      const seconds = Math.max(1, Math.round(delay / 1000));
      const offline = error instanceof NetworkError;
      this.setStatus({
        state: offline ? 'offline' : 'error',
        lastSyncedAt: this.status.lastSyncedAt,
        ...worded(
          {
            id: offline ? 'sync.offline' : 'sync.serverProblem',
            values: because(failureReason(error, this.o.client.host), { seconds }),
          },
          message,
        ),
      });
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.syncNow();
      }, delay);
      return;
    }
    const signIn = error instanceof HttpError && error.status === 401;
    this.setStatus({
      state: 'error',
      lastSyncedAt: this.status.lastSyncedAt,
      ...worded(
        signIn
          ? { id: 'sync.signInRefused', values: {} }
          : { id: 'sync.failed', values: because(failureReason(error, this.o.client.host), {}) },
        message,
      ),
    });
  }

  private async pullAll(result: SyncResult): Promise<void> {
    const { db, client, now, appliers } = this.o;
    // Before the initial load: a database never synced needs no catch-up.
    if (await catchUpCapabilities(db, client, appliers, now, this.abort.signal))
      result.changed = true;
    if (result.initial && this.o.initialLoad && (await this.o.initialLoad(this.abort.signal)))
      result.changed = true;
    await pullPages({
      db,
      client,
      appliers,
      now,
      pageSize: this.o.pageSize ?? 1000,
      signal: this.abort.signal,
      isStopped: () => this.stopped,
      onPage: (summary) => {
        if (summary.changes === 0) return;
        result.changed = true;
        result.summaries.push(summary);
      },
    });
  }
}
