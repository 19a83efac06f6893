import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import {
  createHandlers,
  memorySecretStore,
  openDatabase,
  type Db,
  type Handlers,
  type Services,
} from '../../src/core';
import type { EventName, EventPayload } from '../../src/shared/contract';
import { serveDirectory } from '../support/staticServer';
import { emitToPage, installBridge } from './bridge';

export interface GigdeskApp {
  page: Page;
  db: Db;
  handlers: Handlers;
  services: Services;
  dataDir: string;
  /** Opens (or reopens) the app in the page, as a restart of the window would. */
  open: () => Promise<void>;
}

const rendererRoot = resolve(__dirname, '../../out/renderer');

export const test = base.extend<{ gigdesk: GigdeskApp }, { rendererUrl: string }>({
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveDirectory(rendererRoot);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  gigdesk: async ({ page, rendererUrl }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gigdesk-e2e-'));
    const db = openDatabase(join(dataDir, 'gigdesk.sqlite'));
    const services: Services = {
      db,
      secrets: memorySecretStore(),
      now: () => Date.now(),
      runtime: {
        name: 'Gigdesk',
        version: '0.0.0-e2e',
        platform: process.platform,
        runtime: { node: process.versions.node },
      },
      emit: <E extends EventName>(event: E, payload: EventPayload<E>) =>
        void emitToPage(page, event, payload),
    };
    const handlers = createHandlers(services);
    await installBridge(page, handlers);
    const open = async () => {
      await page.goto(`${rendererUrl}/index.html`);
    };
    await use({ page, db, handlers, services, dataDir, open });
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
