import type { SyncStatus } from '../../shared/contract/events';
import { readSession, writeSession } from '../repos/sessionRepo';
import type { Services } from '../services';
import { quietHoursQuery } from '../../shared/domain/quietHours';
import { serverUrlProblem } from '../../shared/domain/serverUrl';
import { loadSettings } from '../settings';
import type { SyncAppliers } from './appliers';
import type { BackoffPolicy } from './backoff';
import { FeedClient, serverHost } from './client';
import { SyncEngine, type SyncResult } from './engine';
import { listenForChanges } from './eventStream';
import { ServerClock } from './serverClock';
import { readSyncState } from './syncStateRepo';
import { freshDeviceToken, readDeviceToken } from './token';
import { because, failureReason } from './reasons';
import { worded } from '../i18n/translate';
import { snapshotInitialLoad } from './initialSync';
import { PullThrottle } from './pullThrottle';
import { WriteGate } from '../db/writeGate';

export interface SyncTuning {
  backoff?: BackoffPolicy;
  pageSize?: number;
  /** A full sync this often even without server events (a safety net). */
  pollMs?: number;
  /** How often the features' periodic checks run (lease warnings). */
  leaseCheckMs?: number;
  /** How early before a lapse the advocate is warned (read by the feed's lease warnings). */
  leaseWarningMs?: number;
  idleTimeoutMs?: number;
  /** Pulls answering change events start at least this far apart (default 2 s)… */
  pullIntervalMs?: number;
  /** …plus a random 0..this (default 500 ms), so a brand's apps do not pull in lock-step. */
  pullJitterMs?: number;
}

/**
 * What the features do around syncing, registered in core/handlers/appSync.ts:
 * sync itself only moves the outbox, the cursor and the pages.
 */
export interface SyncFeatures {
  /** Who writes each pulled change and each action's answer. */
  appliers: SyncAppliers;
  /** After each sync that completed or changed something, outside any transaction. */
  afterSync(result: SyncResult, advocateId: string): void;
  /** Every `leaseCheckMs` while signed in. */
  periodic(advocateId: string): void;
  /**
   * The features' own queues of the advocate's writes (quiz attempts, KB votes), sent after the
   * outbox with this session's client (engine.ts `sendQueued`); true = settled something shown.
   */
  sendQueued?(client: FeedClient, signal: AbortSignal): Promise<boolean>;
  /**
   * Signed out: forget per-session state. Done when what it stops (a worker thread with its own
   * connection to the database) has stopped, so nothing uses the file after `stop()`.
   */
  reset(): Promise<void>;
}

/** The sync engine's lifecycle for the signed-in session: started on sign-in, stopped on sign-out. */
export interface SyncController {
  /** Starts syncing for the current session, if there is one; idempotent. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Syncs now (joining a running sync) and answers the status after it. */
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
  /** Now by the feed server's clock as estimated from its answers: decide leases with it. */
  serverNow(): number;
  /**
   * Closed while initial sync's bulk load holds the database's write lock on its worker thread:
   * the main thread's writes wait here instead of on the lock (handlers/writeGated.ts).
   */
  readonly writes: WriteGate;
}

const signedOut = (lastSyncedAt: number | null): SyncStatus => ({
  state: 'offline',
  lastSyncedAt,
  ...worded({ id: 'sync.notConnected', values: {} }),
});

export function createSyncController(
  s: Services,
  features: SyncFeatures,
  tuning: SyncTuning = {},
): SyncController {
  let engine: SyncEngine | null = null;
  let starting: Promise<void> | null = null;
  let timers: ReturnType<typeof setInterval>[] = [];
  let throttle: PullThrottle | null = null;
  let clock = new ServerClock(s.now);
  const writes = new WriteGate();

  const withClock = (status: SyncStatus): SyncStatus => ({
    ...status,
    clockOffsetMs: clock.offsetMs(),
  });
  const emitStatus = (status: SyncStatus) => s.emit('sync:status', withClock(status));

  const begin = async () => {
    const session = readSession(s.db);
    if (!session) return;
    if (!readDeviceToken(s.secrets)) {
      emitStatus({
        state: 'error',
        lastSyncedAt: readSyncState(s.db).lastSyncedAt,
        ...worded({ id: 'sync.noToken', values: {} }),
      });
      return;
    }
    let baseUrl = session.serverUrl;
    if (session.isDemo) {
      // The demo server lives in this process: start it again (its port may have changed).
      baseUrl = await s.demoWorkspace.resume();
      if (baseUrl !== session.serverUrl) writeSession(s.db, { ...session, serverUrl: baseUrl });
    }
    const refused = serverUrlProblem(baseUrl);
    if (refused) {
      emitStatus({
        state: 'error',
        lastSyncedAt: readSyncState(s.db).lastSyncedAt,
        ...worded(refused),
      });
      return;
    }
    const token = freshDeviceToken(s.secrets, baseUrl, s.now);
    clock = new ServerClock(s.now); // this session's server
    const client = new FeedClient({ baseUrl, token, clock });
    const current = new SyncEngine({
      db: s.db,
      client,
      appliers: features.appliers,
      now: s.now,
      initialLoad: snapshotInitialLoad({
        db: s.db,
        client,
        baseUrl,
        token,
        appliers: features.appliers,
        now: s.now,
        worker: s.snapshotWorker,
        writes,
        onFirstPage: () => s.emit('feed:changed', {}),
        pageSize: tuning.pageSize,
      }),
      onStatus: emitStatus,
      onNotice: (notice) => s.emit('notice:new', notice),
      onSynced: (result) => {
        if (result.changed) s.emit('feed:changed', {});
        features.afterSync(result, session.advocateId);
      },
      ...(tuning.pageSize ? { pageSize: tuning.pageSize } : {}),
      ...(tuning.backoff ? { backoff: tuning.backoff } : {}),
      ...(features.sendQueued
        ? { sendQueued: (signal: AbortSignal) => features.sendQueued!(client, signal) }
        : {}),
    });
    engine = current;
    throttle = new PullThrottle({
      now: s.now,
      random: Math.random,
      heldCursor: () => readSyncState(s.db).cursor,
      pull: (upTo) => void (upTo === null ? current.syncNow() : current.syncTo(upTo)),
      ...(tuning.pullIntervalMs !== undefined ? { minIntervalMs: tuning.pullIntervalMs } : {}),
      ...(tuning.pullJitterMs !== undefined ? { jitterMs: tuning.pullJitterMs } : {}),
    });
    const pulls = throttle;
    const requestSync = (cursor: string | null = null) => pulls.request(cursor);
    void listenForChanges({
      // Quiet hours as of each (re)connection: the server offers follow-ups only outside them.
      client: new FeedClient({
        baseUrl,
        token,
        eventsQuery: () => quietHoursQuery(loadSettings(s.db)),
      }),
      onChange: requestSync,
      onDrop: () => requestSync(),
      signal: current.signal,
      ...(tuning.backoff ? { backoff: tuning.backoff } : {}),
      ...(tuning.idleTimeoutMs ? { idleTimeoutMs: tuning.idleTimeoutMs } : {}),
    });
    timers = [
      setInterval(() => requestSync(), tuning.pollMs ?? 5 * 60_000),
      // A check that falls in initial sync's bulk load is skipped: it may write (lease warnings).
      setInterval(() => {
        if (writes.isOpen) features.periodic(session.advocateId);
      }, tuning.leaseCheckMs ?? 30_000),
    ];
    await current.syncNow();
  };

  const controller: SyncController = {
    start() {
      if (engine) return Promise.resolve();
      starting ??= begin()
        .catch((error: unknown) => {
          emitStatus({
            state: 'error',
            lastSyncedAt: readSyncState(s.db).lastSyncedAt,
            ...worded(
              {
                id: 'sync.couldNotStart',
                values: because(
                  failureReason(error, serverHost(readSession(s.db)?.serverUrl ?? '')),
                  {},
                ),
              },
              error instanceof Error ? error.message : String(error),
            ),
          });
        })
        .finally(() => {
          starting = null;
        });
      return starting;
    },
    async stop() {
      await starting?.catch(() => undefined);
      for (const timer of timers) clearInterval(timer);
      timers = [];
      throttle?.stop();
      throttle = null;
      const stopping = engine;
      engine = null;
      await stopping?.stop();
      await features.reset();
    },
    async syncNow() {
      if (!engine) await controller.start();
      const current = engine;
      if (!current) return controller.status();
      await current.syncNow();
      return withClock(current.currentStatus);
    },
    status() {
      return withClock(engine?.currentStatus ?? signedOut(readSyncState(s.db).lastSyncedAt));
    },
    serverNow: () => clock.now(),
    writes,
  };
  return controller;
}
