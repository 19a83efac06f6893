/**
 * Which advocates have a live event stream (`GET /v1/events`), in the database so that every
 * replica sees the streams the others hold. A stream refreshes `seen_at` at each heartbeat; a
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

export async function streamAlive(ctx: StoreContext, streamId: string, now: number) {
  await ctx.db
    .updateTable('presence')
    .set({ seen_at: now })
    .where('stream_id', '=', streamId)
    .execute();
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
