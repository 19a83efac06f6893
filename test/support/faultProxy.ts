import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of the feed server that misbehaves on purpose:
 * - `down()` refuses new connections and cuts live ones (the network is gone), `up()` restores;
 * - `delayMs` holds each chunk in both directions;
 * - `resetAfterCommit(n, pattern)`: the next n requests whose head matches reach the server
 *   (which commits them) but the answer never reaches the client: the socket is reset instead;
 * - `cutEvery(n)`: every n-th chunk forwarded (either way) kills its connection instead.
 */
export class FaultProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private isDown = false;
  private pendingResets: { left: number; pattern: RegExp } | null = null;
  private cutEveryN = 0;
  private chunks = 0;
  delayMs = 0;
  resetsDone = 0;
  cuts = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  static forUrl(url: string): FaultProxy {
    const u = new URL(url);
    return new FaultProxy({ host: u.hostname, port: Number(u.port) });
  }

  async start(): Promise<string> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  down(): void {
    this.isDown = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  up(): void {
    this.isDown = false;
  }

  resetAfterCommit(count: number, pattern: RegExp): void {
    this.pendingResets = { left: count, pattern };
  }

  cutEvery(n: number): void {
    this.cutEveryN = n;
  }

  async close(): Promise<void> {
    this.down();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private accept(client: Socket): void {
    if (this.isDown) {
      client.destroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    this.sockets.add(client);
    this.sockets.add(upstream);
    let resetOnAnswer = false;
    const kill = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', kill);
    upstream.on('error', kill);
    client.on('close', kill);
    upstream.on('close', kill);
    const forward = (from: Socket, to: Socket, chunk: Buffer) => {
      const send = () => {
        this.chunks++;
        if (this.cutEveryN > 0 && this.chunks % this.cutEveryN === 0) {
          this.cuts++;
          kill();
          return;
        }
        if (!to.destroyed) to.write(chunk);
      };
      if (this.delayMs > 0) {
        from.pause();
        setTimeout(() => {
          send();
          from.resume();
        }, this.delayMs);
      } else send();
    };
    client.on('data', (chunk: Buffer) => {
      const rule = this.pendingResets;
      if (rule && rule.left > 0 && rule.pattern.test(chunk.toString('latin1', 0, 200))) {
        rule.left--;
        resetOnAnswer = true;
      }
      forward(client, upstream, chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (resetOnAnswer) {
        // The server has answered, so it committed: the client must never see the answer.
        this.resetsDone++;
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      forward(upstream, client, chunk);
    });
  }
}
