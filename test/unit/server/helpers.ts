import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPABILITIES_HEADER, capabilitiesHeaderValue } from '../../../src/shared/capabilities';
import type { PayoutRules } from '../../../src/shared/domain/payout';
import type { TaskPush } from '../../../src/shared/protocol';
import {
  type RunningServer,
  startServer,
  type StartServerOptions,
} from '../../../src/server/index';
import { allReadable } from '../../support/allReadable';
import { freshDb } from '../../support/serverBackends';

export const T0 = Date.UTC(2026, 2, 14, 9, 0, 0);

export class Clock {
  constructor(public t = T0) {}
  now = () => this.t;
  advance(ms: number) {
    this.t += ms;
  }
}

export const rules: PayoutRules = {
  currency: 'EUR',
  basePerComplexity: { '1': 100, '2': 200, '3': 400, '4': 600, '5': 900 },
  outcomeMultiplierBps: { resolved: 10000, escalated: 5000, transferred: 2500 },
  ratingBonus: { '1': 0, '2': 0, '3': 0, '4': 40, '5': 100 },
};

export interface TestServer extends RunningServer {
  clock: Clock;
  brandId: string;
  adminKey: string;
  dir: string;
  /** The database the server runs on: a SQLite file path or a PostgreSQL URL. */
  db: string;
  call(method: string, path: string, opts?: CallOptions): Promise<Reply>;
  advocate(opts?: {
    tier?: number;
    email?: string;
    brandId?: string;
  }): Promise<{ id: string; handle: string; token: string }>;
  pushTasks(items: TaskPush[], key?: string): Promise<Reply>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Reply {
  status: number;
  headers: Headers;
  // Tests read arbitrary fields of answers they have just asserted the status of.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

let emails = 0;

export async function testServer(
  options: Partial<StartServerOptions> & { withRules?: boolean } = {},
): Promise<TestServer> {
  const clock = new Clock();
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-server-'));
  const db = await freshDb({ dir });
  const server = await startServer({
    db,
    leaseSweepMs: 0,
    now: clock.now,
    rateLimitMax: 100_000,
    // Test receivers listen on loopback; webhookTargets.test.ts turns this off.
    allowInternalWebhooks: true,
    ...options,
    // These tests move time with `clock`; the database clock has its own test (clocks.test.ts).
    storeOptions: { leaseClock: 'process', ...options.storeOptions },
  });
  const { brand, adminKey } = await server.store.createBrand(
    { name: 'Acme Outdoor', currency: 'EUR' },
    clock.t,
  );
  if (options.withRules !== false) await server.store.setPayoutRules(brand.id, rules, clock.t);

  const call = async (method: string, path: string, opts: CallOptions = {}): Promise<Reply> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
    const res = await fetch(server.url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* SSE or empty */
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };

  const t: TestServer = {
    ...server,
    clock,
    brandId: brand.id,
    adminKey,
    dir,
    db,
    call,
    async advocate(opts = {}) {
      const email = opts.email ?? `advocate${++emails}@example.com`;
      const inv = await server.store.invite(
        opts.brandId ?? brand.id,
        { email, skills: ['billing'], tier: opts.tier ?? 1 },
        clock.t,
      );
      const r = await server.store.redeem(inv.inviteCode, 'test device', clock.t);
      return { id: r.advocate.id, handle: r.advocate.handle, token: r.token };
    },
    pushTasks: (items, key = adminKey) =>
      call('POST', '/v1/admin/tasks', { token: key, body: items }),
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

export function task(n: number, over: Partial<TaskPush> = {}): TaskPush {
  return {
    externalRef: `T-${n}`,
    subject: `Order ${n} has not arrived`,
    channel: 'email',
    skills: ['shipping'],
    complexity: 2,
    customerName: 'Ingrid Berg',
    messages: [
      {
        author: 'customer',
        body: `Hi, order ${n} is late. Mail me at ingrid.berg@example.com or call +47 912 34 567.`,
        createdAt: T0 - 60_000,
      },
    ],
    ...over,
  };
}

let keys = 0;
export const key = (label = 'k') => `${label}-${String(++keys).padStart(8, '0')}`;

/**
 * Pages through /v1/sync until hasMore is false, as the current app (all capabilities), once
 * everything written so far is readable (as the app pulls once told: allReadable.ts).
 */
export async function syncAll(s: TestServer, token: string, cursor?: string, limit = 500) {
  await allReadable(s.db);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const changes: any[] = [];
  let c = cursor;
  for (;;) {
    const r = await s.call('GET', `/v1/sync?limit=${limit}${c ? `&cursor=${c}` : ''}`, {
      token,
      headers: { [CAPABILITIES_HEADER]: capabilitiesHeaderValue() },
    });
    if (r.status !== 200) throw new Error(`sync ${r.status}: ${JSON.stringify(r.body)}`);
    changes.push(...r.body.changes);
    c = r.body.cursor;
    if (!r.body.hasMore) return { changes, cursor: c! };
  }
}
