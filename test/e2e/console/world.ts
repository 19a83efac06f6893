/**
 * A real feed server for the console's end-to-end tests: the built console (out/console) served
 * by it, the demo brand seeded, and an owner invited. Runs on SQLite, or on PostgreSQL (a fresh
 * schema) when asked and GIGDESK_TEST_PG_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type RunningServer, seedDemo, startServer } from '../../../src/server';
import { type BackendName, dropFreshDbs, freshDb, useBackend } from '../../support/serverBackends';

export const PASSWORD = 'correct horse battery staple';
export const consoleDir = resolve(__dirname, '../../../out/console');

export interface ConsoleWorld {
  server: RunningServer;
  brandId: string;
  adminKey: string;
  /** A fresh invite link for a new account of the demo brand. */
  invite(role: 'owner' | 'admin' | 'analyst', email: string): Promise<string>;
  close(): Promise<void>;
}

export async function startConsoleWorld(backend: BackendName): Promise<ConsoleWorld> {
  useBackend(backend);
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-console-e2e-'));
  const db = await freshDb({ dir });
  const server = await startServer({ db, consoleDir, leaseSweepMs: 0, rateLimitMax: 100_000 });
  const seed = await seedDemo(server.store, { advocates: 2 });
  const adminKey = seed.adminKey!;
  return {
    server,
    brandId: seed.brandId,
    adminKey,
    async invite(role, email) {
      const res = await fetch(`${server.url}/v1/admin/accounts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email, role }),
      });
      if (res.status !== 201) throw new Error(`invite ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { inviteUrl: string }).inviteUrl;
    },
    async close() {
      await server.close();
      if (backend === 'postgres') await dropFreshDbs();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
