import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/server';
import { TaskPush } from '../../src/shared/protocol';
import { testPayoutRules } from './taskViews';

export { testPayoutRules };

export interface TestFeedServer {
  server: RunningServer;
  url: string;
  brandId: string;
  dir: string;
  /** A one-time invite code for a new advocate of the brand. */
  invite(name: string, skills?: string[]): Promise<string>;
  /** Pushes `count` tasks `ref-<from>`…; answers the refs. */
  pushTasks(count: number, from?: number, overrides?: Partial<TaskPush>): Promise<string[]>;
  close(): Promise<void>;
}

export function testTask(ref: string, i: number, overrides: Partial<TaskPush> = {}): TaskPush {
  const channels = ['email', 'chat', 'social'] as const;
  return {
    externalRef: ref,
    subject: `Customer question ${i}`,
    channel: channels[i % 3]!,
    skills: i % 2 === 0 ? ['billing'] : ['shipping'],
    complexity: (i % 5) + 1,
    customerName: `Customer ${i}`,
    slaDueAt: 1_900_000_000_000 + i * 60_000,
    createdAt: 1_800_000_000_000 + i,
    messages: [
      {
        author: 'customer',
        body: `Hello, this is question ${i}.`,
        createdAt: 1_800_000_000_000 + i,
      },
    ],
    ...overrides,
  };
}

/** The real feed server on loopback over a SQLite file, with one brand and payout rules. */
export async function startTestFeedServer(
  options: { dbFile?: string; now?: () => number } = {},
): Promise<TestFeedServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-feed-'));
  const now = options.now ?? Date.now;
  const server = await startServer({
    db: options.dbFile ?? join(dir, 'server.sqlite'),
    port: 0,
    now,
    leaseSweepMs: 0,
  });
  const { brand } = await server.store.createBrand(
    { name: 'Acme Outdoor', currency: 'EUR', leaseMinutes: 30 },
    now(),
  );
  await server.store.setPayoutRules(brand.id, testPayoutRules, now());
  let invites = 0;
  return {
    server,
    url: server.url,
    brandId: brand.id,
    dir,
    async invite(name, skills = ['billing', 'shipping']) {
      invites++;
      const inv = await server.store.invite(
        brand.id,
        { email: `advocate${invites}@example.com`, name, skills, tier: 1 },
        now(),
      );
      return inv.inviteCode;
    },
    async pushTasks(count, from = 0, overrides = {}) {
      const refs: string[] = [];
      const items = [];
      for (let i = from; i < from + count; i++) {
        refs.push(`ref-${i}`);
        items.push(TaskPush.parse(testTask(`ref-${i}`, i, overrides)));
      }
      for (let i = 0; i < items.length; i += 500) {
        await server.store.upsertTasks(brand.id, items.slice(i, i + 500), now());
      }
      return refs;
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
