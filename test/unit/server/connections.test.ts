/**
 * The shutdown's connection tracking (http/connections.ts) on a plain Node server: it forgets
 * every connection that closes, also one whose client left while its request was in flight, so
 * a long-running server does not collect closed connections.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { closesIdleConnections } from '../../../src/server/http/connections';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

it('forgets connections whose clients left, before or after their answer', async () => {
  const answers: ServerResponse[] = [];
  const server = createServer((_request, response) => void answers.push(response));
  servers.push(server);
  const tracking = closesIdleConnections(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  const leave = async (answered: boolean) => {
    const socket = connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write('GET / HTTP/1.1\r\nhost: localhost\r\n\r\n');
    while (answers.length === 0) await new Promise((r) => setTimeout(r, 5));
    const response = answers.shift()!;
    if (answered) response.end('ok');
    socket.destroy();
    await new Promise((r) => response.once('close', r).once('error', r));
    await new Promise((r) => setTimeout(r, 20));
  };
  for (let i = 0; i < 5; i++) await leave(false);
  for (let i = 0; i < 5; i++) await leave(true);
  expect(tracking.tracked()).toBe(0);
});
