/**
 * The server's `close()` (a deploy, a replica scaled in) is graceful and prompt: a request in
 * flight is answered, while a connection with nothing in flight — idle between requests, or opened
 * and never used, as a browser's preconnect or a load balancer's TCP health check leaves one — is
 * closed at once instead of being waited out (Node counts a fresh connection as busy until its
 * headers' timeout, a minute).
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { holdStoreCalls } from '../../support/heldCalls';
import { type TestServer, testServer } from './helpers';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

function rawConnection(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.on('error', reject);
  });
}

const closedBy = (socket: Socket) =>
  new Promise<void>((resolve) => {
    if (socket.destroyed) resolve();
    socket.once('close', () => resolve());
  });

/** Resolves to 'closed', or to what was still open when `ms` passed. */
async function closeWithin(server: TestServer, ms: number) {
  const late = new Promise((r) => setTimeout(() => r(`still open after ${ms} ms`), ms));
  return Promise.race([server.close().then(() => 'closed'), late]);
}

describe('server shutdown', () => {
  it('closes at once a connection opened and never used, and one idle between requests', async () => {
    s = await testServer();
    const unused = await rawConnection(s.url);
    const idle = await rawConnection(s.url);
    const answered = new Promise<string>((resolve) => {
      let text = '';
      idle.on('data', (d: Buffer) => {
        text += d.toString('latin1');
        if (text.includes('\r\n\r\n')) resolve(text);
      });
    });
    idle.write('GET /v1/health HTTP/1.1\r\nhost: localhost\r\nconnection: keep-alive\r\n\r\n');
    expect(await answered).toMatch(/^HTTP\/1\.1 200/);

    const server = s;
    s = undefined;
    // Well within a client's keep-alive (fetch's: 4 s) and Node's headers timeout (60 s).
    expect(await closeWithin(server, 2_000)).toBe('closed');
    await Promise.all([closedBy(unused), closedBy(idle)]);
  });

  it('answers a request in flight when the close begins, then closes its connection', async () => {
    s = await testServer();
    const a = await s.advocate();
    // A request held in flight: its sync read not yet begun.
    const held = holdStoreCalls(s.store, 'sync', 'before');
    const inFlight = fetch(`${s.url}/v1/sync`, { headers: { authorization: `Bearer ${a.token}` } });
    await held.entered;
    const server = s;
    s = undefined;
    const closing = closeWithin(server, 2_000);
    await new Promise((r) => setTimeout(r, 100));
    held.release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await closing).toBe('closed');
  });
});
