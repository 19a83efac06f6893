import { sql } from 'kysely';
import type { StoreContext } from './context';

/**
 * Counts one request of `key` in its fixed window, atomically on any number of replicas: the
 * upsert starts a new window when the stored one has ended. Returns the count so far and the
 * milliseconds left in the window.
 */
export async function rateLimitHit(
  ctx: StoreContext,
  key: string,
  windowMs: number,
  now: number,
): Promise<{ current: number; ttl: number }> {
  const ended = now - windowMs;
  const row = await ctx.db
    .insertInto('rate_limits')
    .values({ key, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when rate_limits.window_start <= ${ended} then 1 else rate_limits.hits + 1 end`,
        window_start: sql`case when rate_limits.window_start <= ${ended} then ${now} else rate_limits.window_start end`,
      }),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  return { current: Number(row.hits), ttl: Math.max(0, Number(row.window_start) + windowMs - now) };
}

/** Forgets windows that ended long ago (the sweeper runs it). */
export async function expireRateLimits(ctx: StoreContext, now: number): Promise<void> {
  await ctx.db
    .deleteFrom('rate_limits')
    .where('window_start', '<', now - 24 * 60 * 60_000)
    .execute();
}
