/**
 * Which advocates have a live event stream (`GET /v1/events`), in the database so that every
 * replica sees the streams the others hold. A stream refreshes `seen_at` at each heartbeat
 * (batched per process: `heartbeats`); a
 * replica that died leaves rows nobody refreshes, and those stop counting after `staleMs`.
 */
import { isQuietAt, type QuietHours } from '../../shared/domain/quietHours';
import type { StoreContext, Trx } from './context';

export interface StreamPresence {
  streamId: string;
  advocateId: string;
  quiet: QuietHours | null;
  timeZone: string | null;
}

export async function streamOpened(ctx: StoreContext, p: StreamPresence, now: number) {
  await ctx.db
    .insertInto('presence')
    .values({
      stream_id: p.streamId,
      advocate_id: p.advocateId,
      seen_at: now,
      quiet_start: p.quiet?.start ?? null,
      quiet_end: p.quiet?.end ?? null,
      time_zone: p.timeZone,
    })
    .execute();
}

/** Heartbeats written together if they come within this long of the first. */
export const BEAT_BATCH_MS = 1_000;
/** Streams refreshed per statement at most. */
const BEAT_BATCH_MAX = 500;

export interface Heartbeats {
  /** Resolves once `seen_at` of the stream (unless closed meanwhile) is at least `now`. */
  alive(streamId: string, now: number): Promise<void>;
  /** Writes the beats waiting now (store close). */
  flush(): Promise<void>;
}

/**
 * A process's heartbeats, one statement per `BEAT_BATCH_MS` instead of one per stream and beat
 * (500 streams beating every 15 s were ~33 statements a second per replica). A batch writes the
 * latest `now` of its beats to all its streams: a stream's `seen_at` moves up to `BEAT_BATCH_MS`
 * past its own beat, and only while it was still open within that window, far inside
 * `PRESENCE_STALE_MS` (reopen.ts). A stream closed before its batch is written stays closed
 * (the update finds no row).
 */
export function heartbeats(ctx: StoreContext, windowMs = BEAT_BATCH_MS): Heartbeats {
  let waiting = new Map<string, number>();
  let written: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void };
  let timer: ReturnType<typeof setTimeout> | null = null;
  const next = () => {
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<void>((ok, fail) => ((resolve = ok), (reject = fail)));
    // A failed batch is the callers' to see; no one waiting is not an unhandled rejection.
    promise.catch(() => {});
    written = { promise, resolve, reject };
  };
  next();
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = waiting;
    const done = written;
    waiting = new Map();
    next();
    if (batch.size === 0) return done.resolve();
    try {
      const ids = [...batch.keys()];
      const now = Math.max(...batch.values());
      for (let i = 0; i < ids.length; i += BEAT_BATCH_MAX)
        await ctx.db
          .updateTable('presence')
          .set({ seen_at: now })
          .where('stream_id', 'in', ids.slice(i, i + BEAT_BATCH_MAX))
          .execute();
      done.resolve();
    } catch (err) {
      done.reject(err);
    }
    return done.promise;
  };
  return {
    alive(streamId, now) {
      waiting.set(streamId, Math.max(now, waiting.get(streamId) ?? now));
      timer ??= setTimeout(() => void flush().catch(() => {}), windowMs);
      timer.unref?.();
      return written.promise;
    },
    flush,
  };
}

export async function streamClosed(ctx: StoreContext, streamId: string) {
  await ctx.db.deleteFrom('presence').where('stream_id', '=', streamId).execute();
}

/** Forgets streams no heartbeat refreshed for `staleMs` (their replica is gone). */
export async function expirePresence(ctx: StoreContext, now: number, staleMs: number) {
  await ctx.db
    .deleteFrom('presence')
    .where('seen_at', '<', now - staleMs)
    .execute();
}

/**
 * Connected (a stream refreshed within `staleMs`) and outside the quiet hours its app reported:
 * someone a follow-up may be offered to now.
 */
export async function reachable(
  trx: Trx,
  advocateId: string,
  now: number,
  staleMs: number,
): Promise<boolean> {
  const streams = await trx
    .selectFrom('presence')
    .selectAll()
    .where('advocate_id', '=', advocateId)
    .where('seen_at', '>=', now - staleMs)
    .execute();
  if (streams.length === 0) return false;
  return !streams.some((s) =>
    isQuietAt(
      s.quiet_start && s.quiet_end ? { start: s.quiet_start, end: s.quiet_end } : null,
      s.time_zone ?? 'UTC',
      now,
    ),
  );
}
