import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/protocol';
import { key, syncAll, T0, task, type TestServer, testServer } from './helpers';

/**
 * NUL bytes, lone surrogates and invalid UTF-8 in any string a request carries (body fields,
 * field names, query, path) answer 400 in the documented shape and store nothing, on SQLite
 * and PostgreSQL alike; so do the errors Fastify and Node raise before any route runs.
 */

const MARK = '\u0001MARK\u0001';

type Bad = 'nul' | 'high' | 'low' | 'bytes-ff' | 'bytes-surrogate' | 'bytes-overlong';
const bads: Bad[] = ['nul', 'high', 'low', 'bytes-ff', 'bytes-surrogate', 'bytes-overlong'];
const badChars: Partial<Record<Bad, string>> = { nul: '\0', high: '\ud800', low: '\udc00' };
const badBytes: Partial<Record<Bad, number[]>> = {
  'bytes-ff': [0xff],
  'bytes-surrogate': [0xed, 0xa0, 0x80],
  'bytes-overlong': [0xc0, 0x80],
};

interface Case {
  name: string;
  method: string;
  /** Where the bad text goes: in the body (a JSON value holding MARK) or the URL. */
  path: (bad: string) => string;
  body?: unknown;
  auth: 'admin' | 'advocate' | 'none';
  field: string;
}

const pushed = (over: Record<string, unknown>) => [{ ...task(1), ...over }];

const cases: Case[] = [
  {
    name: 'task subject',
    method: 'POST',
    path: () => '/v1/admin/tasks',
    auth: 'admin',
    field: 'body.0.subject',
    body: pushed({ subject: `Late ${MARK}` }),
  },
  {
    name: 'customer name',
    method: 'POST',
    path: () => '/v1/admin/tasks',
    auth: 'admin',
    field: 'body.0.customerName',
    body: pushed({ customerName: `Ingrid${MARK}` }),
  },
  {
    name: 'message body',
    method: 'POST',
    path: () => '/v1/admin/tasks',
    auth: 'admin',
    field: 'body.0.messages.0.body',
    body: pushed({ messages: [{ author: 'customer', body: `hi ${MARK}`, createdAt: T0 }] }),
  },
  {
    name: 'message author',
    method: 'POST',
    path: () => '/v1/admin/tasks',
    auth: 'admin',
    field: 'body.0.messages.0.authorName',
    body: pushed({
      messages: [{ author: 'customer', authorName: MARK, body: 'hi', createdAt: T0 }],
    }),
  },
  {
    name: 'external ref',
    method: 'POST',
    path: () => '/v1/admin/tasks',
    auth: 'admin',
    field: 'body.0.externalRef',
    body: pushed({ externalRef: `T${MARK}` }),
  },
  {
    name: 'article body',
    method: 'POST',
    path: () => '/v1/admin/articles',
    auth: 'admin',
    field: 'body.0.bodyMarkdown',
    body: [{ externalRef: 'a1', title: 'Returns', bodyMarkdown: `# Hi ${MARK}` }],
  },
  {
    name: 'article tag',
    method: 'POST',
    path: () => '/v1/admin/articles',
    auth: 'admin',
    field: 'body.0.tags.0',
    body: [{ externalRef: 'a1', title: 'Returns', bodyMarkdown: 'x', tags: [MARK] }],
  },
  {
    name: 'macro body',
    method: 'POST',
    path: () => '/v1/admin/macros',
    auth: 'admin',
    field: 'body.0.body',
    body: [{ externalRef: 'm1', title: 'Hi', body: `Hello ${MARK}` }],
  },
  {
    name: 'brand name',
    method: 'PATCH',
    path: () => '/v1/admin/brand',
    auth: 'admin',
    field: 'body.name',
    body: { name: `Acme ${MARK}` },
  },
  {
    name: 'invite name',
    method: 'POST',
    path: () => '/v1/admin/advocates',
    auth: 'admin',
    field: 'body.name',
    body: { email: 'new@example.com', name: `Ada ${MARK}`, skills: [], tier: 0 },
  },
  {
    name: 'invite e-mail',
    method: 'POST',
    path: () => '/v1/admin/advocates',
    auth: 'admin',
    field: 'body.email',
    body: { email: `new${MARK}@example.com`, skills: [], tier: 0 },
  },
  {
    name: 'rating comment',
    method: 'POST',
    path: () => '/v1/admin/ratings',
    auth: 'admin',
    field: 'body.0.comment',
    body: [{ externalRef: 'T-1', score: 5, comment: MARK }],
  },
  {
    name: 'device name',
    method: 'POST',
    path: () => '/v1/auth/redeem',
    auth: 'none',
    field: 'body.deviceName',
    body: { code: 'ABCD-EFGH-JKMN', deviceName: `Laptop ${MARK}` },
  },
  {
    name: 'reply body',
    method: 'POST',
    path: () => '/v1/actions',
    auth: 'advocate',
    field: 'body.actions.0.body',
    body: { actions: [{ key: 'k-00000001', type: 'reply', taskId: 'x', body: `Hi ${MARK}` }] },
  },
  {
    name: 'action key',
    method: 'POST',
    path: () => '/v1/actions',
    auth: 'advocate',
    field: 'body.actions.0.key',
    body: { actions: [{ key: `k-${MARK}-0001`, type: 'claim', taskId: 'x' }] },
  },
  {
    name: 'field name',
    method: 'PATCH',
    path: () => '/v1/admin/brand',
    auth: 'admin',
    field: 'body',
    body: { [`na${MARK}me`]: 'Acme' },
  },
  {
    name: 'sync cursor',
    method: 'GET',
    path: (bad) => `/v1/sync?cursor=${bad}`,
    auth: 'advocate',
    field: 'query.cursor',
  },
  {
    name: 'path parameter',
    method: 'DELETE',
    path: (bad) => `/v1/admin/articles/a${bad}`,
    auth: 'admin',
    field: 'params.externalRef',
  },
];

/** Percent-encoding of the bad text, as a client would put it in a URL. */
function inUrl(bad: Bad): string {
  const bytes = badBytes[bad] ?? [...Buffer.from(badChars[bad]!, 'utf16le')];
  if (bad === 'nul') return '%00';
  if (bad === 'high') return '%ED%A0%80';
  if (bad === 'low') return '%ED%B0%80';
  return bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** The request body with MARK replaced by the bad text: a JSON escape, or raw bytes. */
function bodyWith(body: unknown, bad: Bad): Buffer {
  const json = JSON.stringify(body);
  const marked = JSON.stringify(MARK).slice(1, -1);
  const chars = badChars[bad];
  if (chars !== undefined)
    return Buffer.from(json.split(marked).join(JSON.stringify(chars).slice(1, -1)));
  const [before, ...after] = json.split(marked);
  const parts = [Buffer.from(before!)];
  for (const rest of after) parts.push(Buffer.from(badBytes[bad]!), Buffer.from(rest));
  return Buffer.concat(parts);
}

describe('text hygiene', () => {
  let s: TestServer;
  let advocate: { token: string };
  beforeAll(async () => {
    s = await testServer();
    await s.pushTasks([task(1)]);
    advocate = await s.advocate();
  });
  afterAll(() => s.close());

  /** What a bad request must not change. */
  async function state() {
    const admin = (path: string) => s.call('GET', path, { token: s.adminKey }).then((r) => r.body);
    return {
      sync: (await syncAll(s, advocate.token)).changes,
      advocates: await admin('/v1/admin/advocates'),
      brand: await admin('/v1/admin/brand'),
    };
  }

  it('answers 400 naming the field for every route and every kind of bad text, storing nothing', async () => {
    const before = await state();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), fc.constantFrom(...bads), async (c, bad) => {
        const headers: Record<string, string> = {};
        if (c.auth === 'admin') headers.authorization = `Bearer ${s.adminKey}`;
        if (c.auth === 'advocate') headers.authorization = `Bearer ${advocate.token}`;
        let body: Buffer | undefined;
        if (c.body !== undefined) {
          headers['content-type'] = 'application/json';
          body = bodyWith(c.body, bad);
        }
        const res = await fetch(s.url + c.path(inUrl(bad)), { method: c.method, headers, body });
        const answer = ApiError.parse(await res.json());
        expect(res.status, `${c.name} / ${bad}: ${answer.error.message}`).toBe(400);
        expect(answer.error.code).toBe('invalid_input');
        // A path segment that is not valid UTF-8 is refused by the router, before any field.
        const where =
          c.body !== undefined && bad.startsWith('bytes')
            ? 'body'
            : c.field.startsWith('params') && bad !== 'nul'
              ? 'path'
              : c.field;
        expect(answer.error.message).toMatch(new RegExp(`^${where.replace(/\./g, '\\.')}:`));
      }),
      { numRuns: cases.length * bads.length },
    );
    expect(await state()).toEqual(before);
  });

  it('accepts the same requests with ordinary Unicode (emoji, combining marks, CJK, RTL)', async () => {
    const text = 'Olá 👋🏽 café (e\u0301) 佐藤 مرحبا';
    const r = await s.pushTasks([{ ...task(2), subject: text, customerName: text }]);
    expect(r.status).toBe(200);
    const got = (await syncAll(s, advocate.token)).changes.find(
      (c) => c.task?.externalRef === 'T-2',
    );
    expect(got.task).toMatchObject({ subject: text, customerName: text });
    const reply = await s.call('POST', '/v1/actions', {
      token: advocate.token,
      body: { actions: [{ key: key(), type: 'claim', taskId: got.task.id }] },
    });
    expect(reply.status).toBe(200);
    const withCharset = await s.call('POST', '/v1/admin/tasks', {
      token: s.adminKey,
      body: [{ ...task(3), subject: text }],
      contentType: 'application/json; charset=utf-8',
    });
    expect(withCharset.status).toBe(200);
    const ndjson = await s.call('POST', '/v1/admin/tasks', {
      token: s.adminKey,
      raw: `${JSON.stringify({ ...task(4), subject: text })}\n`,
      contentType: 'application/x-ndjson',
    });
    expect(ndjson.body).toMatchObject({ created: 1 });
  });
});

describe('every error is in the documented shape', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ bodyLimit: 4096 });
  });
  afterAll(() => s.close());

  const expectShape = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = ApiError.parse(await res.json());
    expect(body.error.code).toBe(code);
  };
  const admin = () => ({ authorization: `Bearer ${s.adminKey}` });

  it('404 for an unknown route', async () => {
    await expectShape(await fetch(`${s.url}/v1/nowhere`), 404, 'not_found');
  });

  it('413 for a body over the limit', async () => {
    const body = JSON.stringify([{ ...task(1), subject: 'x'.repeat(8000) }]);
    const res = await fetch(`${s.url}/v1/admin/tasks`, {
      method: 'POST',
      headers: { ...admin(), 'content-type': 'application/json' },
      body,
    });
    await expectShape(res, 413, 'payload_too_large');
  });

  it('414 for an over-long path parameter', async () => {
    const res = await fetch(`${s.url}/v1/admin/articles/${'a'.repeat(500)}`, {
      method: 'DELETE',
      headers: admin(),
    });
    await expectShape(res, 414, 'uri_too_long');
  });

  it('431 for headers over the limit', async () => {
    const res = await fetch(`${s.url}/v1/me`, { headers: { 'x-padding': 'x'.repeat(20_000) } });
    await expectShape(res, 431, 'headers_too_large');
  });

  it('400 for a badly encoded path, malformed JSON, and 415 for another media type', async () => {
    await expectShape(
      await fetch(`${s.url}/v1/admin/articles/%E0%A4%A`, { method: 'DELETE', headers: admin() }),
      400,
      'invalid_input',
    );
    const post = (contentType: string, body: string) =>
      fetch(`${s.url}/v1/admin/tasks`, {
        method: 'POST',
        headers: { ...admin(), 'content-type': contentType },
        body,
      });
    await expectShape(await post('application/json', '[{"subject": '), 400, 'invalid_input');
    await expectShape(await post('text/plain', 'hello'), 415, 'unsupported_media_type');
  });
});
