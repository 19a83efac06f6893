import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Action } from '../../src/shared/protocol';

/** What to do with one `POST /v1/actions` batch: pass it on, or answer it here instead. */
export type ActionsFault = (actions: Action[]) => { status: number; body: unknown } | null;

/**
 * An HTTP proxy in front of the feed server that can answer action batches itself (a 500, a 413,
 * a 400 without item indexes…) while every other request, and every batch it lets through,
 * reaches the real server; `failPulls` makes pulls fail too. Records the size of each batch it saw.
 */
export class ActionFaultProxy {
  private server: Server | null = null;
  fault: ActionsFault = () => null;
  /** Answers every pull with a 503. */
  failPulls = false;
  readonly batches: number[] = [];

  constructor(private readonly target: URL) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (this.failPulls && req.url?.startsWith('/v1/sync')) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'unavailable', message: 'Pulls are down.' } }));
      return;
    }
    if (req.method === 'POST' && req.url?.startsWith('/v1/actions')) {
      const { actions } = JSON.parse(body.toString()) as { actions: Action[] };
      this.batches.push(actions.length);
      const answer = this.fault(actions);
      if (answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
        return;
      }
    }
    const upstream = request(
      {
        host: this.target.hostname,
        port: this.target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    upstream.end(body);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
