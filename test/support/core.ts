import { mkdtempSync, rmSync } from 'node:fs';
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
import type { EventName, EventPayload } from '../../src/shared/contract';

export interface TestCore {
  db: Db;
  dir: string;
  services: Services;
  handlers: Handlers;
  events: { event: EventName; payload: unknown }[];
  close: () => void;
}

/** The real handlers over a real SQLite file in a temp folder. */
export function createTestCore(overrides: Partial<Services> = {}): TestCore {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-core-'));
  const db = openDatabase(join(dir, 'gigdesk.sqlite'));
  const events: TestCore['events'] = [];
  const services: Services = {
    db,
    secrets: memorySecretStore(),
    now: () => Date.now(),
    runtime: {
      name: 'Gigdesk',
      version: '0.0.0-test',
      platform: process.platform,
      runtime: { node: process.versions.node },
    },
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) =>
      void events.push({ event, payload }),
    ...overrides,
  };
  return {
    db,
    dir,
    services,
    handlers: createHandlers(services),
    events,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
