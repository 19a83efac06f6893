import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of a real feed server, for tests of what the app does while
 * one answer is slow or a route is missing: it records each request's path, holds requests
 * whose path matches `hold` until `release()`, and sends requests matching `hide` to a path the
 * server does not know (its own 404, as an older server would answer).
 */
export interface HoldingProxy {
  url: string;
  /** Paths asked, in arrival order. */
  requests: string[];
  /** Settles when the first held request arrives. */
  held: Promise<void>;
  /** Whether a held request has been answered yet. */
  answered(): boolean;
  release(): void;
  close(): Promise<void>;
}

export async function holdingProxy(
  target: string,
  options: { hold?: RegExp; hide?: RegExp } = {},
): Promise<HoldingProxy> {
  const upstream = new URL(target);
  const requests: string[] = [];
  let arrived!: () => void;
  const held = new Promise<void>((done) => (arrived = done));
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  let answered = false;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const holding = options.hold?.test(path) ?? false;
    const forward = () => {
      const [route, query] = path.split('?') as [string, string | undefined];
      const sent = options.hide?.test(path)
        ? `${route}-not-here${query === undefined ? '' : `?${query}`}`
        : path;
      const up = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: sent,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          if (holding) answer.on('end', () => (answered = true));
        },
      );
      up.on('error', () => res.destroy());
      req.pipe(up);
    };
    if (!holding) return forward();
    arrived();
    void released.then(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    held,
    answered: () => answered,
    release,
    async close() {
      release();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
