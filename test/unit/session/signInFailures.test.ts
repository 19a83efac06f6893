import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core';
import { translate } from '../../../src/core/i18n/translate';
import { FeedClient, NetworkError } from '../../../src/core/sync/client';
import type { ErrorInfo } from '../../../src/shared/result';
import { createTestCore } from '../../support/core';

/**
 * A failed sign-in says what went wrong in the advocate's language, specifically per kind of
 * failure; the underlying English (socket codes, the server's own message) stays in `message`,
 * for logs, and never in the values the advocate's text is worded from. Real sockets throughout.
 */
let server: Server;
let base: string;
/** What the fake server answers to the next request. */
let answer: { status: number; body: string } = { status: 200, body: '{}' };

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function signIn(serverUrl: string): Promise<ErrorInfo> {
  const core = createTestCore();
  const result = await dispatch(core.handlers, 'session:connect', {
    serverUrl,
    inviteCode: 'ABCD-EFGH-JKMN',
  }).finally(() => core.close());
  if (result.ok) throw new Error('expected the sign-in to fail');
  // Never anything but strings and numbers the catalogs word; no English detail among them.
  for (const value of Object.values(result.error.text.values)) {
    expect(String(value)).not.toMatch(/ECONN|ENOTFOUND|EAI_|SSL|TLS|fetch failed|answered/i);
  }
  for (const language of ['ja', 'ar']) {
    expect(translate(language, result.error.text)).not.toBe(translate('en', result.error.text));
  }
  return result.error;
}

const closedPort = async () => {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
};

describe('sign-in failures', () => {
  it('nothing listening: the connection was refused, naming the server', async () => {
    const port = await closedPort();
    const error = await signIn(`https://127.0.0.1:${port}`);
    expect(error.code).toBe('offline');
    expect(error.text).toEqual({
      id: 'error.session.refused',
      values: { server: `127.0.0.1:${port}` },
    });
    expect(error.message).toContain('not reachable');
  });

  it('a name that does not resolve: the server was not found', async () => {
    const error = await signIn('https://gigdesk-sign-in-test.invalid');
    expect(error.code).toBe('offline');
    expect(error.text).toEqual({
      id: 'error.session.dns',
      values: { server: 'gigdesk-sign-in-test.invalid' },
    });
  });

  it('no https where https was asked for: the secure connection failed', async () => {
    const error = await signIn(base.replace('http:', 'https:'));
    expect(error.code).toBe('offline');
    expect(error.text.id).toBe('error.session.tls');
    // The TLS library's own words are kept for the log.
    expect(error.message).toMatch(/^Can’t make a secure connection .+\(.+\)$/);
  });

  it('the server refuses with a status: says which, the server’s English only in the log', async () => {
    answer = {
      status: 503,
      body: JSON.stringify({ error: { code: 'internal', message: 'Down for maintenance' } }),
    };
    const error = await signIn(base);
    expect(error.code).toBe('unavailable');
    expect(error.text).toEqual({ id: 'error.session.serverError', values: { status: 503 } });
    expect(error.message).toContain('Down for maintenance');
    expect(translate('de', error.text)).toBe(
      'Der Server konnte dich gerade nicht anmelden (er antwortete mit Fehler 503). Versuche es gleich noch einmal.',
    );
  });

  it('too many attempts, a refused invite, and an answer that is not a Gigdesk server’s', async () => {
    answer = { status: 429, body: '' };
    expect((await signIn(base)).text.id).toBe('error.session.tooMany');
    answer = { status: 401, body: '' };
    const refused = await signIn(base);
    expect([refused.code, refused.text.id]).toEqual([
      'unauthorized',
      'error.session.inviteRefused',
    ]);
    answer = { status: 200, body: '<html>Welcome to nginx</html>' };
    expect((await signIn(base)).text).toEqual({
      id: 'error.session.notGigdesk',
      values: { server: base.slice('http://'.length) },
    });
    answer = { status: 200, body: '{"hello":"world"}' };
    expect((await signIn(base)).text.id).toBe('error.session.notGigdesk');
  });

  it('no answer in time is a timeout, told apart from a dropped connection', async () => {
    const silent = createTcpServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const client = new FeedClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 });
      const error = await client.redeem('ABCD-EFGH-JKMN', 'test').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).kind).toBe('timeout');
    } finally {
      silent.close();
    }
  });
});
