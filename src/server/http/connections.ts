import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Closes a server's connections that have nothing in flight, at once when shutdown begins and
 * each one as its last answer is sent after that; a request in flight is answered first.
 * Node's own close leaves two kinds to be waited out: one idle between requests, until the
 * client's keep-alive lets go (seconds), and one opened but never used (a preconnect, a load
 * balancer's TCP health check), which Node counts as busy until its headers' timeout (a minute).
 */
export function closesIdleConnections(server: Server): {
  closeIdle(): void;
  /** Connections tracked now (open ones only). */
  tracked(): number;
} {
  const inFlight = new Map<Socket, number>();
  let closing = false;
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.once('close', () => {
      // A connection already closed is forgotten, not counted again.
      if (!inFlight.has(socket)) return;
      const left = inFlight.get(socket)! - 1;
      inFlight.set(socket, left);
      if (closing && left === 0) closeAfterFlush(socket);
    });
  });
  return {
    tracked: () => inFlight.size,
    closeIdle() {
      closing = true;
      for (const [socket, requests] of inFlight) if (requests === 0) closeAfterFlush(socket);
    },
  };
}

/**
 * Sends what is written, then closes without waiting for the client's side (an http server's
 * sockets are half-open: `end()` alone would wait for the client to end too).
 */
function closeAfterFlush(socket: Socket): void {
  socket.end(() => socket.destroy());
}
