import type { FastifyInstance } from 'fastify';
import { type ChangeNotice, EventsQuery } from '../../shared/protocol';
import { announcer } from '../events/announcer';
import { ApiFailure } from '../errors';
import { credentialOf, requireAdvocate } from '../http/auth';
import { apiHeaders } from '../http/headers';
import { parseInput } from '../http/validate';
import { hashSecret, newId } from '../store/secrets';
import type { Store } from '../store';

export interface EventStreams {
  /** Ends every open stream (on shutdown, so `close()` does not wait for clients). */
  closeAll(): void;
}

/**
 * `GET /v1/events`: Server-Sent Events, `change` events for the brands the token reaches,
 * coalesced per brand and per advocate (events/announcer.ts). At most `maxPerToken` open streams per device token (per process); each heartbeat
 * re-checks the token, so a revoked or expired one's streams end within one heartbeat.
 */
export function eventRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => number,
  heartbeatMs: number,
  maxPerToken: number,
  intervalMs: number,
): EventStreams {
  const open = new Set<() => void>();
  const changes = announcer(store.notifier, intervalMs);
  const perToken = new Map<string, number>();
  const auth = requireAdvocate(store, now, true);
  app.get('/v1/events', { onRequest: auth }, async (request, reply) => {
    const token = credentialOf(request, true)!;
    const tokenKey = hashSecret(token);
    const held = perToken.get(tokenKey) ?? 0;
    if (held >= maxPerToken) {
      throw new ApiFailure(
        'rate_limited',
        `at most ${maxPerToken} event streams per device token; close one first`,
      );
    }
    const q = parseInput(EventsQuery, request.query ?? {}, 'query');
    const brands = new Set(request.advocate!.brandIds);
    // Who is connected, for follow-up offers (store/presence.ts).
    const streamId = newId();
    await store.streamOpened(
      {
        streamId,
        advocateId: request.advocate!.id,
        quiet: q.quietStart && q.quietEnd ? { start: q.quietStart, end: q.quietEnd } : null,
        timeZone: q.tz ?? null,
      },
      now(),
    );
    perToken.set(tokenKey, held + 1);
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
    const unsubscribe = changes.listen({
      brandIds: brands,
      advocateId: request.advocate!.id,
      send: (notice: ChangeNotice) =>
        res.write(`event: change\ndata: ${JSON.stringify(notice)}\n\n`),
    });
    const beat = setInterval(() => {
      store.advocateForToken(token, now()).then(
        (still) => {
          if (!still) return end();
          store.streamAlive(streamId, now()).catch(() => {});
          res.write(`event: heartbeat\ndata: ${JSON.stringify({ time: Date.now() })}\n\n`);
        },
        () => {}, // a database hiccup: try again at the next beat
      );
    }, heartbeatMs);
    beat.unref();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(beat);
      unsubscribe();
      open.delete(end);
      const left = (perToken.get(tokenKey) ?? 1) - 1;
      if (left > 0) perToken.set(tokenKey, left);
      else perToken.delete(tokenKey);
      if (!res.writableEnded) res.end();
      store.streamClosed(streamId).catch(() => {});
    };
    open.add(end);
    res.on('close', end);
    // The client may have left, or shutdown begun, while the stream was being opened (the
    // awaits above): a 'close' that came before the listener, or a `closeAll` that ran before
    // `open.add`, would otherwise keep this stream, its place under the token's cap and its
    // presence for good, and keep the server's `close()` waiting on it.
    if (closing || res.destroyed || !res.socket || res.socket.destroyed) end();
  });
  let closing = false;
  return {
    closeAll() {
      closing = true;
      for (const end of [...open]) end();
      changes.close();
    },
  };
}
