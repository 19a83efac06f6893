import type { SyncStatus } from '../../shared/contract/events';
import { announceNewTasks } from '../feed/notifications';
import { leasesEndingBefore } from '../feed/notifyRepo';
import { readSession, writeSession } from '../repos/sessionRepo';
import type { Services } from '../services';
import { serverUrlProblem } from '../../shared/domain/serverUrl';
import { freshDeviceToken, readDeviceToken } from '../session/token';
import { loadSettings } from '../settings';
import type { BackoffPolicy } from './backoff';
import { FeedClient } from './client';
import { SyncEngine } from './engine';
import { listenForChanges } from './eventStream';
import { readSyncState } from './syncStateRepo';

export interface SyncTuning {
  backoff?: BackoffPolicy;
  pageSize?: number;
  /** A full sync this often even without server events (a safety net). */
  pollMs?: number;
  /** How often leases are checked, and how early before a lapse the advocate is warned. */
  leaseCheckMs?: number;
  leaseWarningMs?: number;
  idleTimeoutMs?: number;
}

/** The sync engine's lifecycle for the signed-in session: started on sign-in, stopped on sign-out. */
export interface SyncController {
  /** Starts syncing for the current session, if there is one; idempotent. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Syncs now (joining a running sync) and answers the status after it. */
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
}

const signedOut = (lastSyncedAt: number | null): SyncStatus => ({
  state: 'offline',
  lastSyncedAt,
  message: 'Not connected to a brand server yet.',
});

export function createSyncController(s: Services, tuning: SyncTuning = {}): SyncController {
  let engine: SyncEngine | null = null;
  let starting: Promise<void> | null = null;
  let timers: ReturnType<typeof setInterval>[] = [];
  let debounce: ReturnType<typeof setTimeout> | null = null;
  const warned = new Set<string>();

  const emitStatus = (status: SyncStatus) => s.emit('sync:status', status);

  const checkLeases = (advocateId: string) => {
    const now = s.now();
    for (const lease of leasesEndingBefore(
      s.db,
      advocateId,
      now + (tuning.leaseWarningMs ?? 5 * 60_000),
    )) {
      const key = `${lease.id}:${lease.leaseExpiresAt}`;
      if (warned.has(key)) continue;
      warned.add(key);
      const lapsed = lease.leaseExpiresAt <= now;
      s.emit('notice:new', {
        id: `lease:${key}`,
        level: 'warning',
        message: lapsed
          ? `Your claim on “${lease.subject}” lapsed; claim it again from the feed if it is still open.`
          : `Your claim on “${lease.subject}” lapses in ${Math.max(1, Math.round((lease.leaseExpiresAt - now) / 60_000))} min. Open the ticket to keep it.`,
        taskId: lease.id,
        at: now,
      });
    }
  };

  const begin = async () => {
    const session = readSession(s.db);
    if (!session) return;
    if (!readDeviceToken(s.secrets)) {
      emitStatus({
        state: 'error',
        lastSyncedAt: readSyncState(s.db).lastSyncedAt,
        message: 'This device has no sign-in token. Sign out and sign in again.',
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
        message: refused,
      });
      return;
    }
    const token = freshDeviceToken(s.secrets, baseUrl, s.now);
    const current = new SyncEngine({
      db: s.db,
      client: new FeedClient({ baseUrl, token }),
      now: s.now,
      onStatus: emitStatus,
      onNotice: (notice) => s.emit('notice:new', notice),
      onSynced: (result) => {
        // Matching tasks are counted over the whole feed: only worth it when something changed.
        if (result.changed) {
          s.emit('feed:changed', {});
          announceNewTasks(s.db, s.desktop, loadSettings(s.db), s.now(), {
            initial: result.initial,
          });
        }
        checkLeases(session.advocateId);
      },
      ...(tuning.pageSize ? { pageSize: tuning.pageSize } : {}),
      ...(tuning.backoff ? { backoff: tuning.backoff } : {}),
    });
    engine = current;
    const requestSync = () => {
      if (debounce) return;
      debounce = setTimeout(() => {
        debounce = null;
        void current.syncNow();
      }, 25);
    };
    void listenForChanges({
      client: new FeedClient({ baseUrl, token }),
      onChange: requestSync,
      onDrop: requestSync,
      signal: current.signal,
      ...(tuning.backoff ? { backoff: tuning.backoff } : {}),
      ...(tuning.idleTimeoutMs ? { idleTimeoutMs: tuning.idleTimeoutMs } : {}),
    });
    timers = [
      setInterval(requestSync, tuning.pollMs ?? 5 * 60_000),
      setInterval(() => checkLeases(session.advocateId), tuning.leaseCheckMs ?? 30_000),
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
            message: `Sync could not start: ${error instanceof Error ? error.message : String(error)}`,
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
      if (debounce) clearTimeout(debounce);
      debounce = null;
      const stopping = engine;
      engine = null;
      await stopping?.stop();
      warned.clear();
    },
    async syncNow() {
      if (!engine) await controller.start();
      const current = engine;
      if (!current) return controller.status();
      await current.syncNow();
      return current.currentStatus;
    },
    status() {
      return engine?.currentStatus ?? signedOut(readSyncState(s.db).lastSyncedAt);
    },
  };
  return controller;
}
