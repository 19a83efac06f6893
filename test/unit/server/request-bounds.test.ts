/**
 * What one client can cost the server: authentication before the body, a rate limit no header
 * trick escapes, a declared oversized upload refused before it is sent, a bounded number of
 * event streams per token that end when the token is revoked, and that a client leaving (or the
 * server closing) while its stream is being opened does not keep.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { holdStoreCalls } from '../../support/heldCalls';
import { ownKysely } from '../../support/ownKysely';
import { type TestServer, testServer } from './helpers';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** Sends the head of a request declaring `declared` body bytes, then `sent` bytes; the answer's head. */
function partialUpload(url: string, path: string, token: string, declared: number, sent: number) {
  const { hostname, port } = new URL(url);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: ${hostname}\r\nauthorization: Bearer ${token}\r\n` +
          `content-type: application/json\r\ncontent-length: ${declared}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(sent, 0x20));
    });
    let head = '';
    socket.on('data', (d) => {
      head += d.toString('latin1');
      if (head.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(head);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(head));
    setTimeout(() => {
      socket.destroy();
      resolve(head);
    }, 3000);
  });
}

describe('request bounds', () => {
  it('authenticates before reading the body: a bad body without a credential is 401, not 400', async () => {
    s = await testServer();
    const r = await s.call('POST', '/v1/actions', {
      raw: '{"actions": [',
      contentType: 'application/json',
    });
    expect(r.status).toBe(401);
    const admin = await s.call('POST', '/v1/admin/tasks', {
      token: `gdk_${randomBytes(16).toString('hex')}`,
      raw: '[{',
    });
    expect(admin.status).toBe(401);
  });

  it('a random credential per request does not escape the limit: it counts against the address', async () => {
    s = await testServer({ rateLimitMax: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const token = `gdt_${randomBytes(16).toString('hex')}`;
      statuses.push((await s.call('GET', '/v1/me', { token })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('names the client by X-Forwarded-For only behind a trusted proxy', async () => {
    const statuses = async (forwardedFor: string[]) => {
      const out: number[] = [];
      for (const ip of forwardedFor)
        out.push((await s!.call('GET', '/v1/me', { headers: { 'x-forwarded-for': ip } })).status);
      return out;
    };
    s = await testServer({ rateLimitMax: 2, trustProxy: '127.0.0.1' });
    expect(await statuses(['203.0.113.7', '203.0.113.7', '198.51.100.9', '203.0.113.7'])).toEqual([
      401, 401, 401, 429,
    ]);
    await s.close();
    // Untrusted: the header is the client's own claim and changes nothing.
    s = await testServer({ rateLimitMax: 2 });
    expect(await statuses(['203.0.113.7', '198.51.100.9', '192.0.2.1'])).toEqual([401, 401, 429]);
  });

  it('a verified advocate has its own budget, whatever address or token it uses', async () => {
    s = await testServer({ rateLimitMax: 3 });
    const a = await s.advocate();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await s.call('GET', '/v1/me', { token: a.token })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Another advocate from the same address is not held back by the first one's budget.
    const b = await s.advocate();
    expect((await s.call('GET', '/v1/me', { token: b.token })).status).toBe(200);
  });

  it('answers 413 to a declared oversized upload before it is sent, before any credential lookup', async () => {
    s = await testServer({ bodyLimit: 1024 * 1024 });
    const a = await s.advocate();
    const head = await partialUpload(s.url, '/v1/actions', a.token, 20 * 1024 * 1024, 4096);
    expect(head).toMatch(/^HTTP\/1\.1 413/);
    // Its size is refused first: no database lookup for a credential, valid or not.
    const unknown = `gdt_${randomBytes(16).toString('hex')}`;
    expect(await partialUpload(s.url, '/v1/actions', unknown, 20 * 1024 * 1024, 4096)).toMatch(
      /^HTTP\/1\.1 413/,
    );
  });

  it('caps event streams per token and ends them within a heartbeat of revocation', async () => {
    s = await testServer({ heartbeatMs: 100, maxStreamsPerToken: 2 });
    const a = await s.advocate();
    const open = async () => {
      const controller = new AbortController();
      const res = await fetch(`${s!.url}/v1/events`, {
        headers: { authorization: `Bearer ${a.token}` },
        signal: controller.signal,
      });
      return { res, controller };
    };
    const first = await open();
    const second = await open();
    expect([first.res.status, second.res.status]).toEqual([200, 200]);
    const third = await open();
    expect(third.res.status).toBe(429);
    expect(await third.res.json()).toMatchObject({ error: { code: 'rate_limited' } });

    // Closing one frees its place.
    second.controller.abort();
    await new Promise((r) => setTimeout(r, 100));
    const again = await open();
    expect(again.res.status).toBe(200);

    const drain = async (res: Response) => {
      const reader = res.body!.getReader();
      for (;;) if ((await reader.read()).done) return Date.now();
    };
    const ends = [drain(first.res), drain(again.res)];
    const revokedAt = Date.now();
    const out = await s.call('POST', '/v1/auth/logout', { token: a.token });
    expect(out.status).toBe(204);
    for (const at of await Promise.all(ends)) expect(at - revokedAt).toBeLessThan(100 * 3);
  });

  const openStreams = async (server: TestServer) => {
    const own = ownKysely(server.db);
    try {
      return (await own.kdb.selectFrom('presence').select('stream_id').execute()).length;
    } finally {
      await own.close();
    }
  };

  it('does not keep a stream whose client left while it was being opened', async () => {
    s = await testServer({ heartbeatMs: 60_000, maxStreamsPerToken: 1 });
    const a = await s.advocate();
    // Held once its presence row is written, its answer not yet begun.
    const held = holdStoreCalls(s.store, 'streamOpened', 'after');
    const leaving = new AbortController();
    const first = fetch(`${s.url}/v1/events`, {
      headers: { authorization: `Bearer ${a.token}` },
      signal: leaving.signal,
    }).catch(() => null);
    await held.entered;
    leaving.abort();
    await first;
    await new Promise((r) => setTimeout(r, 100)); // the server sees the connection close
    held.release();
    await new Promise((r) => setTimeout(r, 100));

    // Its place under the token's cap (1) is free and its presence gone.
    expect(await openStreams(s)).toBe(0);
    const staying = new AbortController();
    const next = await fetch(`${s.url}/v1/events`, {
      headers: { authorization: `Bearer ${a.token}` },
      signal: staying.signal,
    });
    expect(next.status).toBe(200);
    staying.abort();
  });

  it('closes promptly while a stream is being opened, and does not keep that stream', async () => {
    s = await testServer({ heartbeatMs: 60_000 });
    const a = await s.advocate();
    // Held once its presence row is written, its answer not yet begun.
    const held = holdStoreCalls(s.store, 'streamOpened', 'after');
    const stream = fetch(`${s.url}/v1/events`, {
      headers: { authorization: `Bearer ${a.token}` },
    }).then(async (res) => {
      await res.text(); // until the server ends it
      return res.status;
    });
    await held.entered;
    const server = s;
    s = undefined;
    const closed = server.close().then(() => 'closed');
    await new Promise((r) => setTimeout(r, 50)); // the close has begun: streams were ended
    held.release();
    // Well within the client's keep-alive (fetch's: 4 s), which a close must not wait out.
    const late = new Promise((r) => setTimeout(() => r('still open after 2 s'), 2_000));
    expect(await Promise.race([closed, late])).toBe('closed');
    expect(await stream).toBe(200);
  });
});
