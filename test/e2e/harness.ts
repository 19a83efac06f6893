import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  createHandlers,
  memorySecretStore,
  openDatabase,
  type Db,
  type Handlers,
  type Services,
} from '../../src/core';
import { createErrorJournal } from '../../src/core/diagnostics/errorJournal';
import { createAppSync } from '../../src/core/handlers/appSync';
import { inProcessDemoWorkspace } from '../../src/main/demoWorkspace';
import type { RunningServer } from '../../src/server';
import { createUpdateController, noUpdateSource } from '../../src/core/update';
import type { EventName, EventPayload } from '../../src/shared/contract';
import { saveInto, testRuntime } from '../support/core';
import { FaultProxy } from '../support/faultProxy';
import { kbSearchWorkerForTests } from '../support/kbWorker';
import { emitToPage, installBridge } from './bridge';

export interface GigdeskApp {
  page: Page;
  db: Db;
  handlers: Handlers;
  services: Services;
  dataDir: string;
  /** Opens (or reopens) the app in the page, as a restart of the window would. */
  open: () => Promise<void>;
  /** Filled when the app opens the demo workspace (a real feed server on loopback). */
  demo: DemoHandle;
}

export interface DemoHandle {
  server: RunningServer | null;
  /** Invite codes of the demo advocates; the app signs in with the first. */
  inviteCodes: string[];
  /** The app reaches the demo server through this proxy, so a test can cut the network. */
  proxy: FaultProxy | null;
}

/**
 * The whole app around a Chromium page: the built renderer served at `rendererUrl`, the real
 * handlers behind `window.gigdesk`, a real SQLite file and the demo feed server on loopback.
 * The e2e fixture and the render benchmark both start it here.
 */
export async function startGigdeskApp(
  page: Page,
  rendererUrl: string,
): Promise<GigdeskApp & { close: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gigdesk-e2e-'));
  const db = openDatabase(join(dataDir, 'gigdesk.sqlite'));
  const demo: DemoHandle = { server: null, inviteCodes: [], proxy: null };
  const demoServer = inProcessDemoWorkspace({
    dbFile: join(dataDir, 'demo-server.sqlite'),
    advocates: 2,
    onInvites: (codes, server) => {
      demo.inviteCodes = codes;
      demo.server = server;
    },
  });
  let proxyUrl = '';
  const viaProxy = async (serverUrl: string) => {
    if (!demo.proxy) {
      demo.proxy = FaultProxy.forUrl(serverUrl);
      return demo.proxy.start().then((url) => (proxyUrl = url));
    }
    return proxyUrl;
  };
  const services: Services = {
    db,
    secrets: memorySecretStore(),
    now: () => Date.now(),
    runtime: testRuntime('0.0.0-e2e'),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) =>
      void emitToPage(page, event, payload),
    saveFile: saveInto(dataDir),
    updates: createUpdateController({
      source: noUpdateSource('0.0.0-e2e'),
      now: () => Date.now(),
      onStatus: (status) => void emitToPage(page, 'update:status', status),
    }),
    diagnostics: createErrorJournal(),
    kbSearchWorker: kbSearchWorkerForTests,
    desktop: { notify: () => undefined, setBadgeCount: () => undefined },
    demoWorkspace: {
      open: async () => {
        const opened = await demoServer.open();
        return { ...opened, serverUrl: await viaProxy(opened.serverUrl) };
      },
      resume: async () => viaProxy(await demoServer.resume()),
      close: () => demoServer.close(),
    },
  };
  const sync = createAppSync(services, { backoff: { baseMs: 200, maxMs: 2_000 } });
  const handlers = createHandlers(services, sync);
  await installBridge(page, handlers);
  const open = async () => {
    await page.goto(`${rendererUrl}/index.html`);
  };
  const close = async () => {
    await sync.stop();
    await demo.proxy?.close();
    await demoServer.close();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { page, db, handlers, services, dataDir, open, demo, close };
}
