/**
 * `gigdesk-admin` — brand administration. `gigdesk-admin --help` lists the commands
 * (adminHelp.ts); `gigdesk-admin COMMAND --help` shows one. Errors are one line on stderr.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { openStore } from '../store';
import { seedDemo } from '../demo/seed';
import { helpFor, overview } from './adminHelp';
import { callApi, fail, parseCli, runCli } from './cliSupport';

const { values, positionals } = parseCli({
  db: { type: 'string', default: process.env.GIGDESK_DB ?? process.env.DATABASE_URL },
  url: { type: 'string', default: process.env.GIGDESK_URL ?? 'http://127.0.0.1:8787' },
  key: { type: 'string', default: process.env.GIGDESK_ADMIN_KEY },
  currency: { type: 'string', default: 'EUR' },
  'lease-minutes': { type: 'string' },
  'overlap-minutes': { type: 'string' },
  email: { type: 'string' },
  name: { type: 'string' },
  skills: { type: 'string' },
  languages: { type: 'string' },
  'window-hours': { type: 'string' },
  'offer-minutes': { type: 'string' },
  'fee-bps': { type: 'string' },
  tier: { type: 'string' },
  since: { type: 'string' },
  advocates: { type: 'string' },
  role: { type: 'string' },
  brand: { type: 'string' },
  disable: { type: 'boolean' },
  enable: { type: 'boolean' },
  reconsider: { type: 'boolean' },
  status: { type: 'string' },
  q: { type: 'string' },
  kind: { type: 'string' },
  language: { type: 'string' },
  cursor: { type: 'string' },
  skill: { type: 'string' },
  channel: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  state: { type: 'string' },
  outcome: { type: 'string' },
  note: { type: 'string' },
  to: { type: 'string' },
  from: { type: 'string' },
  before: { type: 'string' },
  advocate: { type: 'string' },
  csv: { type: 'boolean' },
  events: { type: 'string' },
  'hook-url': { type: 'string' },
  'group-by': { type: 'string' },
  endpoint: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
});

const int = (name: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) fail(`--${name}: expected a whole number`, 2);
  return n;
};

async function withStore<T>(fn: (store: ReturnType<typeof openStore>) => Promise<T>): Promise<T> {
  if (!values.db) fail('--db FILE|postgres://… is required (or GIGDESK_DB / DATABASE_URL)', 2);
  const store = openStore(values.db!);
  try {
    await store.migrate(Date.now());
    return await fn(store);
  } finally {
    await store.close();
  }
}

const api = (method: string, path: string, body?: unknown, contentType?: string) =>
  callApi({ url: values.url!, key: values.key }, method, path, body, contentType);

function fileBody(file: string | undefined): { body: string; type: string } {
  if (!file) fail('a FILE argument is required', 2);
  let body: string;
  try {
    body = readFileSync(file!, 'utf8');
  } catch (err) {
    return fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return {
    body,
    type:
      /\.(nd)?jsonl?$/.test(file!) && !file!.endsWith('.json')
        ? 'application/x-ndjson'
        : 'application/json',
  };
}

const listOf = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const skillsOf = () =>
  values.skills
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `?a=1&b=2` from the flags given (undefined ones left out). */
const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

const idPath = (cmd: string, id: string | undefined) =>
  encodeURIComponent(id ?? fail(`${helpFor(cmd)?.split('\n')[0] ?? cmd}: ID is missing`, 2));

async function run(): Promise<unknown> {
  const [group, verb, arg] = positionals;
  // A two-word command (`promotion approve`) or a one-word one (`promotions`, `outcomes`).
  const pair = verb !== undefined && helpFor(`${group} ${verb}`) !== undefined;
  const cmd = pair ? `${group} ${verb}` : (group ?? '');
  const argOf = pair ? arg : verb;
  if (values.help || !group) return helpFor(cmd) ?? overview();
  switch (cmd) {
    case 'brand create': {
      const name = argOf ?? fail('brand create NAME: NAME is missing', 2);
      const r = await withStore(async (s) => {
        const existing = await s.findBrandByName(name.trim());
        if (existing)
          fail(
            `a brand named "${existing.name}" already exists (id ${existing.id}); choose another name`,
          );
        return s.createBrand(
          {
            name,
            currency: values.currency!,
            leaseMinutes: int('lease-minutes', values['lease-minutes']),
          },
          Date.now(),
        );
      });
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
    case 'account invite': {
      const body = {
        email: values.email ?? fail('--email is required', 2),
        ...(values.name ? { name: values.name } : {}),
        role: values.role ?? 'admin',
      };
      if (!values.brand) return api('POST', '/v1/admin/accounts', body);
      return withStore(async (s) => {
        const brand =
          (await s.findBrandByName(values.brand!)) ??
          (await s.getBrand(values.brand!).catch(() => undefined));
        if (!brand) fail(`no brand named or with id "${values.brand}"`);
        const role = body.role;
        if (role !== 'owner' && role !== 'admin' && role !== 'analyst')
          fail('--role: expected owner, admin or analyst', 2);
        const inv = await s.console.inviteAccount(
          brand!.id,
          { ...body, role: role as 'owner' },
          Date.now(),
        );
        await s.console.appendAudit(
          {
            brandId: brand!.id,
            actorKind: 'operator',
            actorId: userInfo().username,
            actorLabel: `operator ${userInfo().username} (CLI with database access)`,
            action: 'account invite',
            detail: { accountId: inv.accountId, role },
            status: 201,
          },
          Date.now(),
        );
        const link = new URL(
          `/console/#/accept?token=${encodeURIComponent(inv.token)}`,
          values.url,
        ).toString();
        console.error('Send this link to the invitee: it works once and is shown only once.');
        return { accountId: inv.accountId, inviteUrl: link, expiresAt: inv.expiresAt };
      });
    }
    case 'account list':
      return api('GET', '/v1/admin/accounts');
    case 'account set':
      return api('PATCH', `/v1/admin/accounts/${idPath(cmd, argOf)}`, {
        ...(values.role ? { role: values.role } : {}),
        ...(values.disable ? { disabled: true } : values.enable ? { disabled: false } : {}),
      });
    case 'audit':
      return api(
        'GET',
        `/v1/admin/audit${query({ since: int('since', values.since), limit: int('limit', values.limit) })}`,
      );
    case 'brand show':
      return api('GET', '/v1/admin/brand');
    case 'brand lease':
      return api('PATCH', '/v1/admin/brand', { leaseMinutes: int('MINUTES', argOf) });
    case 'key rotate':
      return api('POST', '/v1/admin/keys/rotate', {
        overlapMinutes: int('overlap-minutes', values['overlap-minutes']) ?? 60,
      });
    case 'advocate invite':
      return api('POST', '/v1/admin/advocates', {
        email: values.email ?? fail('--email is required', 2),
        ...(values.name ? { name: values.name } : {}),
        skills: skillsOf() ?? [],
        languages: listOf(values.languages) ?? [],
        tier: int('tier', values.tier) ?? 0,
      });
    case 'advocate list':
      return api('GET', '/v1/admin/advocates');
    case 'advocate set':
      return api('PATCH', `/v1/admin/advocates/${idPath(cmd, argOf)}`, {
        ...(values.tier !== undefined ? { tier: int('tier', values.tier) } : {}),
        ...(values.skills !== undefined ? { skills: skillsOf() } : {}),
        ...(values.languages !== undefined ? { languages: listOf(values.languages) } : {}),
      });
    case 'advocate suspend':
    case 'advocate unsuspend':
      return api('PATCH', `/v1/admin/advocates/${idPath(cmd, argOf)}`, {
        suspended: verb === 'suspend',
      });
    case 'advocate revoke-tokens':
      return api('POST', `/v1/admin/advocates/${idPath(cmd, argOf)}/revoke-tokens`);
    case 'advocate figures':
      return api('GET', `/v1/admin/advocates/${idPath(cmd, argOf)}/figures`);
    case 'tasks push':
    case 'articles push':
    case 'macros push':
    case 'ratings push':
    case 'customers push':
    case 'customer-events push': {
      const { body, type } = fileBody(argOf);
      return api('POST', `/v1/admin/${group}`, body, type);
    }
    case 'tasks list':
      return api(
        'GET',
        `/v1/admin/tasks${query({
          status: values.status,
          q: values.q,
          skill: values.skill,
          channel: values.channel,
          limit: int('limit', values.limit),
          offset: int('offset', values.offset),
        })}`,
      );
    case 'content list':
      return api(
        'GET',
        `/v1/admin/content${query({
          kind: values.kind,
          q: values.q,
          language: values.language,
          cursor: values.cursor,
          limit: int('limit', values.limit),
        })}`,
      );
    case 'tasks withdraw':
    case 'tasks close':
      return api('POST', `/v1/admin/tasks/${idPath(cmd, argOf)}/${verb}`, {});
    case 'articles delete':
    case 'macros delete':
      return api('DELETE', `/v1/admin/${group}/${idPath(cmd, argOf)}`);
    case 'payout set':
      return api('PUT', '/v1/admin/payout-rules', fileBody(argOf).body);
    case 'payout show':
      return api('GET', '/v1/admin/payout-rules');
    case 'payout versions':
      return api('GET', '/v1/admin/payout-rules/versions');
    case 'payout diff':
      return api(
        'GET',
        `/v1/admin/payout-rules/diff${query({ from: int('from', values.from) ?? fail('--from is required', 2), to: int('to', values.to) ?? fail('--to is required', 2) })}`,
      );
    case 'payout run':
      return api('POST', '/v1/admin/payouts/runs', {
        to: values.to ?? fail('--to confirmed|paid is required', 2),
        ...(values.before ? { before: int('before', values.before) } : {}),
        ...(values.advocate ? { advocateId: values.advocate } : {}),
      });
    case 'payout statements':
      return api(
        'GET',
        `/v1/admin/payouts/statements${query({
          advocateId: values.advocate,
          from: int('from', values.from),
          to: int('to', values.to),
          format: values.csv ? 'csv' : undefined,
        })}`,
      );
    case 'outcomes':
      return api('GET', `/v1/admin/outcomes${query({ since: int('since', values.since) })}`);
    case 'escalations':
      return api('GET', `/v1/admin/escalation-queue${query({ state: values.state })}`);
    case 'escalation ack':
      return api('POST', `/v1/admin/escalations/${idPath(cmd, argOf)}/acknowledge`);
    case 'escalation close':
      return api('POST', `/v1/admin/escalations/${idPath(cmd, argOf)}/close`, {
        outcome: values.outcome ?? fail('--outcome is required', 2),
        ...(values.note ? { note: values.note } : {}),
      });
    case 'webhook add':
      return api('POST', '/v1/admin/webhooks', {
        url: values['hook-url'] ?? fail('--hook-url is required', 2),
        events: values.events?.split(',').map((e) => e.trim()) ?? fail('--events is required', 2),
      });
    case 'webhook list':
      return api('GET', '/v1/admin/webhooks');
    case 'webhook remove':
      return api('DELETE', `/v1/admin/webhooks/${idPath(cmd, argOf)}`);
    case 'webhook deliveries':
      return api('GET', `/v1/admin/webhooks/deliveries${query({ endpointId: values.endpoint })}`);
    case 'metrics':
      return api(
        'GET',
        `/v1/admin/metrics${query({
          from: int('from', values.from) ?? fail('--from MS is required', 2),
          to: int('to', values.to) ?? fail('--to MS is required', 2),
          groupBy: values['group-by'],
        })}`,
      );
    case 'settings cost':
      return api('PUT', '/v1/admin/settings', {
        contactCentreCostMinor:
          argOf === 'none' ? null : int('MINOR', argOf ?? fail('settings cost MINOR|none', 2)),
      });
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
      return api('POST', '/v1/admin/import/zendesk', fileBody(argOf).body);
    case 'ladder show':
      return api('GET', '/v1/admin/ladder');
    case 'ladder set':
      return api('PUT', '/v1/admin/ladder', fileBody(argOf).body);
    case 'promotions':
      return api('GET', '/v1/admin/promotions');
    case 'courses':
      return api('GET', '/v1/admin/courses');
    case 'course set':
      return api(
        'PUT',
        `/v1/admin/courses/${encodeURIComponent(argOf ?? fail('course set SKILL FILE', 2))}`,
        fileBody(positionals[3]).body,
      );
    case 'kb-feedback':
      return api('GET', '/v1/admin/kb-feedback');
    case 'promotion approve':
    case 'promotion decline':
      return api('POST', `/v1/admin/promotions/${idPath(cmd, argOf)}/${cmd.split(' ')[1]}`, {
        toTier: int('tier', values.tier) ?? fail('--tier N is required (the suggested tier)', 2),
        ...(values.reconsider ? { reconsider: true } : {}),
      });
    default:
      return fail(`unknown command: ${positionals.join(' ')}; see --help`, 2);
  }
}

runCli(run);
