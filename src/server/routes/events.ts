import type { FastifyInstance } from 'fastify';
import type { ChangeNotice } from '../../shared/protocol';
import { apiHeaders } from '../http/headers';
import { requireAdvocate } from '../http/auth';
import type { Store } from '../store';

export interface EventStreams {
  /** Ends every open stream (on shutdown, so `close()` does not wait for clients). */
  closeAll(): void;
}

/** `GET /v1/events`: Server-Sent Events, a `change` event per commit in the advocate's brands. */
export function eventRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => number,
  heartbeatMs: number,
): EventStreams {
  const open = new Set<() => void>();
  const auth = requireAdvocate(store, now, true);
  app.get('/v1/events', { preHandler: auth }, async (request, reply) => {
    const brands = new Set(request.advocate!.brandIds);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      ...apiHeaders,
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    res.write(`event: ready\ndata: ${JSON.stringify({ brands: [...brands] })}\n\n`);
    const unsubscribe = store.notifier.subscribe((n: ChangeNotice) => {
      if (brands.has(n.brandId)) res.write(`event: change\ndata: ${JSON.stringify(n)}\n\n`);
    });
    const beat = setInterval(
      () => res.write(`event: heartbeat\ndata: ${JSON.stringify({ time: Date.now() })}\n\n`),
      heartbeatMs,
    );
    beat.unref();
    const end = () => {
      clearInterval(beat);
      unsubscribe();
      open.delete(end);
      if (!res.writableEnded) res.end();
    };
    open.add(end);
    request.raw.on('close', end);
  });
  return {
    closeAll() {
      for (const end of [...open]) end();
    },
  };
}
