/**
 * `gigdesk-admin` — brand administration.
 *
 * With database access (operator):   brand create NAME [--currency EUR] [--lease-minutes 30] --db FILE
 *                                    demo seed [--advocates N] [--tier N] --db FILE
 * Over HTTP with a brand admin key (--url, --key or GIGDESK_URL, GIGDESK_ADMIN_KEY):
 *   brand show | brand lease MINUTES
 *   key rotate [--overlap-minutes 60]     (prints the new key once; the old one works for the overlap)
 *   advocate invite --email E [--name N] [--skills a,b] [--tier 0]
 *   advocate list | advocate set ID [--tier N] [--skills a,b] | advocate suspend ID | advocate unsuspend ID
 *   advocate revoke-tokens ID
 *   tasks push FILE(.json|.ndjson) | articles push FILE | articles delete REF | macros push FILE | macros delete REF
 *   payout set FILE | payout show | ratings push FILE | outcomes [--since MS] | escalations | zendesk import FILE
 *   customers push FILE | customer-events push FILE       (JSON array or NDJSON; idempotent by ref)
 *   reopen show | reopen set [--window-hours 72] [--offer-minutes 15] [--fee-bps 0] | reopens
 *   advocate invite/set also take [--languages es,en-GB]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openStore } from '../store';
import { seedDemo } from '../demo/seed';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: process.env.GIGDESK_DB ?? process.env.DATABASE_URL },
    url: { type: 'string', default: process.env.GIGDESK_URL ?? 'http://127.0.0.1:8787' },
    key: { type: 'string', default: process.env.GIGDESK_ADMIN_KEY },
    currency: { type: 'string', default: 'EUR' },
    'lease-minutes': { type: 'string' },
    'overlap-minutes': { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    skills: { type: 'string' },
    tier: { type: 'string' },
    since: { type: 'string' },
    advocates: { type: 'string' },
    languages: { type: 'string' },
    'window-hours': { type: 'string' },
    'offer-minutes': { type: 'string' },
    'fee-bps': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const usage = readFileSync(new URL(import.meta.url), 'utf8')
  .split('*/')[0]!
  .replace(/^\/\*\*|^ \* ?/gm, '');

function fail(message: string): never {
  throw new Error(message);
}

const int = (name: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) fail(`--${name}: expected a whole number`);
  return n;
};

async function withStore<T>(fn: (store: ReturnType<typeof openStore>) => Promise<T>): Promise<T> {
  if (!values.db) fail('--db FILE|postgres://… is required (or GIGDESK_DB / DATABASE_URL)');
  const store = openStore(values.db);
  try {
    await store.migrate(Date.now());
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function api(method: string, path: string, body?: unknown, contentType = 'application/json') {
  if (!values.key) fail('--key ADMIN_KEY is required (or GIGDESK_ADMIN_KEY)');
  const res = await fetch(new URL(path, values.url), {
    method,
    headers: {
      authorization: `Bearer ${values.key}`,
      ...(body === undefined ? {} : { 'content-type': contentType }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = (data as { error?: { message?: string; issues?: unknown[] } } | null)?.error;
    console.error(JSON.stringify(e?.issues ?? [], null, 2));
    fail(`${res.status}: ${e?.message ?? res.statusText}`);
  }
  return data;
}

function fileBody(file: string | undefined): { body: string; type: string } {
  if (!file) fail('a FILE argument is required');
  const body = readFileSync(file, 'utf8');
  return {
    body,
    type:
      /\.(nd)?jsonl?$/.test(file) && !file.endsWith('.json')
        ? 'application/x-ndjson'
        : 'application/json',
  };
}

const listOf = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const skillsOf = () => listOf(values.skills);
const languagesOf = () => listOf(values.languages);

async function run(): Promise<unknown> {
  const [group, verb, arg] = positionals;
  const cmd = `${group ?? ''} ${verb ?? ''}`.trim();
  switch (cmd) {
    case 'brand create': {
      const name = arg ?? fail('brand create NAME');
      const r = await withStore((s) =>
        s.createBrand(
          {
            name,
            currency: values.currency,
            leaseMinutes: int('lease-minutes', values['lease-minutes']),
          },
          Date.now(),
        ),
      );
      console.error('Store the admin key now: it is shown only once.');
      return { brandId: r.brand.id, name: r.brand.name, adminKey: r.adminKey };
    }
    case 'demo seed':
      return withStore((s) =>
        seedDemo(s, {
          advocates: int('advocates', values.advocates),
          tier: int('tier', values.tier),
        }),
      );
    case 'brand show':
      return api('GET', '/v1/admin/brand');
    case 'brand lease':
      return api('PATCH', '/v1/admin/brand', { leaseMinutes: int('MINUTES', arg) });
    case 'key rotate':
      return api('POST', '/v1/admin/keys/rotate', {
        overlapMinutes: int('overlap-minutes', values['overlap-minutes']) ?? 60,
      });
    case 'advocate invite':
      return api('POST', '/v1/admin/advocates', {
        email: values.email ?? fail('--email is required'),
        ...(values.name ? { name: values.name } : {}),
        skills: skillsOf() ?? [],
        tier: int('tier', values.tier) ?? 0,
        ...(values.languages !== undefined ? { languages: languagesOf() } : {}),
      });
    case 'advocate list':
      return api('GET', '/v1/admin/advocates');
    case 'advocate set':
      return api(
        'PATCH',
        `/v1/admin/advocates/${encodeURIComponent(arg ?? fail('advocate set ID'))}`,
        {
          ...(values.tier !== undefined ? { tier: int('tier', values.tier) } : {}),
          ...(values.skills !== undefined ? { skills: skillsOf() } : {}),
          ...(values.languages !== undefined ? { languages: languagesOf() } : {}),
        },
      );
    case 'advocate suspend':
    case 'advocate unsuspend':
      return api('PATCH', `/v1/admin/advocates/${encodeURIComponent(arg ?? fail(`${cmd} ID`))}`, {
        suspended: verb === 'suspend',
      });
    case 'advocate revoke-tokens':
      return api(
        'POST',
        `/v1/admin/advocates/${encodeURIComponent(arg ?? fail(`${cmd} ID`))}/revoke-tokens`,
      );
    case 'tasks push':
    case 'articles push':
    case 'macros push':
    case 'ratings push':
    case 'customers push':
    case 'customer-events push': {
      const { body, type } = fileBody(arg);
      return api('POST', `/v1/admin/${group}`, body, type);
    }
    case 'articles delete':
    case 'macros delete':
      return api('DELETE', `/v1/admin/${group}/${encodeURIComponent(arg ?? fail(`${cmd} REF`))}`);
    case 'payout set':
      return api('PUT', '/v1/admin/payout-rules', fileBody(arg).body);
    case 'payout show':
      return api('GET', '/v1/admin/payout-rules');
    case 'outcomes':
      return api(
        'GET',
        `/v1/admin/outcomes${values.since ? `?since=${int('since', values.since)}` : ''}`,
      );
    case 'escalations':
      return api('GET', '/v1/admin/escalations');
    case 'reopen show':
      return api('GET', '/v1/admin/reopen-settings');
    case 'reopen set': {
      const current = (await api('GET', '/v1/admin/reopen-settings')) as Record<string, number>;
      return api('PUT', '/v1/admin/reopen-settings', {
        reopenWindowHours: int('window-hours', values['window-hours']) ?? current.reopenWindowHours,
        followUpOfferMinutes:
          int('offer-minutes', values['offer-minutes']) ?? current.followUpOfferMinutes,
        reopenFeeBps: int('fee-bps', values['fee-bps']) ?? current.reopenFeeBps,
      });
    }
    case 'reopens':
      return api('GET', '/v1/admin/reopens');
    case 'zendesk import':
      return api('POST', '/v1/admin/import/zendesk', fileBody(arg).body);
    default:
      console.log(usage);
      if (!values.help && cmd) fail(`unknown command: ${cmd}`);
      return undefined;
  }
}

run().then(
  (out) => {
    if (out !== undefined) console.log(JSON.stringify(out, null, 2));
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
