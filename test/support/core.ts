import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createHandlers,
  memorySecretStore,
  openDatabase,
  type Db,
  type Handlers,
  type Services,
} from '../../src/core';
import { createErrorJournal } from '../../src/core/diagnostics/errorJournal';
import { createUpdateController, noUpdateSource } from '../../src/core/update';
import { createAppSync } from '../../src/core/handlers/appSync';
import type { SyncController, SyncTuning } from '../../src/core/sync/controller';
import { announceWorkerForTests } from './announceWorker';
import { kbSearchWorkerForTests } from './kbWorker';
import { snapshotWorkerForTests } from './snapshotWorker';
import type { EventName, EventPayload } from '../../src/shared/contract';
import { defaultFeedPrefs } from '../../src/shared/contract/feed';

export interface TestCore {
  db: Db;
  dir: string;
  services: Services;
  handlers: Handlers;
  events: { event: EventName; payload: unknown }[];
  /** What the core asked the desktop to show. */
  desktop: {
    notifications: { title: string; body: string; taskId?: string | null }[];
    badge: number | null;
  };
  sync: SyncController;
  /** Stops the sync engine, then closes and deletes the database. */
  close: () => Promise<void>;
}

/** Tests that need the demo pass their own `demoWorkspace` (see test/support/feedServer.ts). */
export const unavailableDemoWorkspace: Services['demoWorkspace'] = {
  open: () => Promise.reject(new Error('No demo workspace in this test.')),
  resume: () => Promise.reject(new Error('No demo workspace in this test.')),
  close: () => Promise.resolve(),
};

export const testRuntime = (version: string): Services['runtime'] => ({
  name: 'Gigdesk',
  version,
  platform: process.platform,
  runtime: { node: process.versions.node },
});

/** The save dialog's stand-in: writes into `<dir>/saved/` and answers the path. */
export const saveInto =
  (dir: string): Services['saveFile'] =>
  async (suggestedName, contents) => {
    mkdirSync(join(dir, 'saved'), { recursive: true });
    const path = join(dir, 'saved', suggestedName);
    writeFileSync(path, contents);
    return path;
  };

/** The real handlers over a real SQLite file in a temp folder. */
export function createTestCore(
  overrides: Partial<Services> = {},
  options: { dbFile?: string; tuning?: SyncTuning } = {},
): TestCore {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-core-'));
  const db = openDatabase(options.dbFile ?? join(dir, 'gigdesk.sqlite'));
  const events: TestCore['events'] = [];
  const desktop: TestCore['desktop'] = { notifications: [], badge: null };
  const services: Services = {
    db,
    secrets: memorySecretStore(),
    now: () => Date.now(),
    runtime: testRuntime('0.0.0-test'),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) =>
      void events.push({ event, payload }),
    saveFile: saveInto(dir),
    desktop: {
      notify: (n) => void desktop.notifications.push(n),
      setBadgeCount: (count) => void (desktop.badge = count),
    },
    demoWorkspace: unavailableDemoWorkspace,
    kbSearchWorker: kbSearchWorkerForTests,
    snapshotWorker: snapshotWorkerForTests,
    announceWorker: announceWorkerForTests,
    updates: createUpdateController({
      source: noUpdateSource('0.0.0-test'),
      now: () => Date.now(),
      onStatus: (status) => void events.push({ event: 'update:status', payload: status }),
    }),
    diagnostics: createErrorJournal(),
    ...overrides,
  };
  const sync = createAppSync(services, options.tuning);
  return {
    db,
    dir,
    services,
    handlers: createHandlers(services, sync),
    events,
    desktop,
    sync,
    close: async () => {
      await sync.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The ids of the `limit` newest tasks in the advocate's feed (offline: as last synced). */
export async function newestTaskIds(core: Pick<TestCore, 'handlers'>, limit: number) {
  const page = await core.handlers['feed:list']({
    ...defaultFeedPrefs,
    sort: 'newest',
    offset: 0,
    limit,
    withTotal: false,
  });
  return page.tasks.map((t) => t.id);
}
