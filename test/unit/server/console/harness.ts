/**
 * A brand-console world for tests: a real feed server with two brands, console accounts that
 * sign in through the real routes, and a cookie-keeping client that behaves like a browser.
 */
import { sql } from 'kysely';
import { ownKysely } from '../../../support/ownKysely';
import type { AdminRole } from '../../../../src/shared/consoleProtocol';
import { key, type Reply, rules, type TestServer, task, testServer } from '../helpers';

export const PASSWORD = 'correct horse battery staple';

/** Keeps the session cookie and CSRF token the way the console's page would. */
export class Browser {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private readonly s: TestServer) {}

  async call(
    method: string,
    path: string,
    opts: { body?: unknown; csrf?: string | null; cookie?: string } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = {};
    const cookie = opts.cookie ?? this.cookie;
    if (cookie) headers.cookie = cookie;
    const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(this.s.url + path, { method, headers, body });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (name === 'gigdesk_console') this.cookie = value ? `${name}=${value}` : undefined;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* CSV */
    }
    if (res.ok && parsed && typeof parsed === 'object' && 'csrfToken' in parsed)
      this.csrf = (parsed as { csrfToken: string }).csrfToken;
    return { status: res.status, headers: res.headers, body: parsed };
  }
}

let accounts = 0;

/** A console account of `brandId` with `role`, invited by the operator, signed in. */
export async function signIn(s: TestServer, brandId: string, role: AdminRole, email?: string) {
  const inv = await s.store.console.inviteAccount(
    brandId,
    { email: email ?? `${role}${++accounts}@brand.example`, role },
    s.clock.t,
  );
  const b = new Browser(s);
  const r = await b.call('POST', '/v1/console/accept', {
    body: { token: inv.token, password: PASSWORD },
  });
  if (r.status !== 201) throw new Error(`accept ${r.status}: ${JSON.stringify(r.body)}`);
  return Object.assign(b, { accountId: inv.accountId });
}

/** Ids of one brand's entities, for filling route parameters. */
export interface BrandWorld {
  brandId: string;
  adminKey: string;
  advocateId: string;
  advocateToken: string;
  /** By externalRef: T-1 open, T-2 claimed, T-3 resolved, T-4 escalated, T-5 escalated. */
  tasks: Record<string, string>;
  accountId: string;
  webhookId: string;
  marker: string;
}

/** Fills a brand: rules, an advocate, tasks in every state, an article, a macro, an account. */
export async function fillBrand(s: TestServer, brandId: string, adminKey: string, marker: string) {
  const call = (m: string, p: string, body?: unknown, token = adminKey) =>
    s.call(m, p, { token, body });
  if (brandId !== s.brandId) await s.store.setPayoutRules(brandId, rules, s.clock.t);
  const adv = await s.advocate({ brandId, tier: 2, email: `${marker}-adv@example.com` });
  const items = [1, 2, 3, 4, 5].map((n) =>
    task(n, { subject: `${marker} subject ${n}`, customerName: `${marker} Customer` }),
  );
  const pushed = await call('POST', '/v1/admin/tasks', items);
  if (pushed.status !== 200) throw new Error(JSON.stringify(pushed.body));
  const list = await s.store.console.listTasks(brandId, { limit: 100, offset: 0 });
  const tasks = Object.fromEntries(list.tasks.map((t) => [t.externalRef, t.id]));
  const act = async (type: string, ref: string, extra: object = {}) => {
    const r = await s.call('POST', '/v1/actions', {
      token: adv.token,
      body: { actions: [{ key: key(), type, taskId: tasks[ref], ...extra }] },
    });
    if (r.body.results[0].status !== 'applied') throw new Error(JSON.stringify(r.body));
  };
  for (const ref of ['T-2', 'T-3', 'T-4', 'T-5']) await act('claim', ref);
  await act('resolve', 'T-3');
  for (const ref of ['T-4', 'T-5'])
    await act('escalate', ref, { target: 'contact_center', handoffNote: `${marker} handoff` });
  await call('POST', '/v1/admin/articles', [
    { externalRef: 'A-1', title: `${marker} article`, bodyMarkdown: 'Body', tags: [] },
  ]);
  await call('POST', '/v1/admin/macros', [
    { externalRef: 'M-1', title: `${marker} macro`, body: 'Hello', tags: [] },
  ]);
  const acc = await s.store.console.inviteAccount(
    brandId,
    { email: `${marker}-analyst@brand.example`, role: 'analyst' },
    s.clock.t,
  );
  const hook = await s.store.console.createEndpoint(
    brandId,
    { url: 'http://127.0.0.1:9/hook', events: ['case.resolved'] },
    s.clock.t,
  );
  return {
    brandId,
    adminKey,
    webhookId: hook.id,
    advocateId: adv.id,
    advocateToken: adv.token,
    tasks,
    accountId: acc.accountId,
    marker,
  } satisfies BrandWorld;
}

/** Two filled brands on one server: A (the server's own) and B. */
export async function twoBrands() {
  const s = await testServer({ signInLimitPerMinute: 10_000 });
  const b = await s.store.createBrand({ name: 'Bravo Bikes', currency: 'EUR' }, s.clock.t);
  const A = await fillBrand(s, s.brandId, s.adminKey, 'ALPHAMARK');
  const B = await fillBrand(s, b.brand.id, b.adminKey, 'BRAVOMARK');
  return { s, A, B };
}

/** Every row of every table (rate-limit counters aside), for "nothing changed" assertions. */
export async function dumpDb(db: string): Promise<Record<string, unknown[]>> {
  const own = ownKysely<Record<string, never>>(db);
  const kdb = own.kdb;
  try {
    const names = db.startsWith('postgres')
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema()`.execute(kdb)
        ).rows
      : (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
            kdb,
          )
        ).rows;
    const out: Record<string, unknown[]> = {};
    for (const { name } of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (name === 'rate_limits') continue;
      const rows = (await sql`select * from ${sql.table(name)}`.execute(kdb)).rows;
      out[name] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    await own.close();
  }
}
