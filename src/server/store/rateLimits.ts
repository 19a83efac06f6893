import { sql } from 'kysely';
import type { StoreContext } from './context';

/** A slice of one key's window budget, reserved in the database for one replica to spend. */
export interface RateLimitLease {
  /** Hits the window had counted before this slice. */
  counted: number;
  /** Hits it counts with this slice (`counted` + the slice). */
  hits: number;
  /** When the window started (the slice is void once it has ended). */
  windowStart: number;
}

/**
 * Reserves a slice of `key`'s budget of `max` hits per fixed window, atomically on any number of
 * replicas: the upsert starts a new window when the stored one has ended. The slice is a quarter
 * of what is left (at least 1), so a small or nearly spent budget is counted exactly, one hit at
 * a time; and since a hit is counted before it is spent, a window admits at most `max` hits
 * however many replicas hold slices. Once the window is spent the slice is 1, a refusal.
 */
export async function rateLimitLease(
  ctx: StoreContext,
  key: string,
  windowMs: number,
  max: number,
  now: number,
): Promise<RateLimitLease> {
  const ended = now - windowMs;
  const first = Math.max(1, Math.floor(max / 4));
  const slice = sql<number>`greatest(1, (${max} - rate_limits.hits) / 4)`;
  // PostgreSQL: committed without waiting for the WAL flush. Every request of a key waits for
  // its lease, so a lease behind a slow fsync held up requests that write nothing (load bench:
  // leases seen waiting on WALSync during ~1 s stalls of the disk). A crash of the database
  // loses at most its last moments of counts: a client gets a few more requests. Other
  // transactions see the row at once either way; an upsert's lock orders replicas.
  const insert =
    ctx.dialect.name === 'postgres'
      ? ctx.db
          .with('async_commit', (db) =>
            db.selectNoFrom(sql`set_config('synchronous_commit', 'off', true)`.as('set')),
          )
          .insertInto('rate_limits')
          .columns(['key', 'window_start', 'hits', 'leased'])
          .expression((eb) =>
            eb
              .selectFrom('async_commit')
              .select([
                sql<string>`${key}`.as('key'),
                sql<number>`${now}::bigint`.as('window_start'),
                sql<number>`${first}::bigint`.as('hits'),
                sql<number>`${first}::bigint`.as('leased'),
              ]),
          )
      : ctx.db
          .insertInto('rate_limits')
          .values({ key, window_start: now, hits: first, leased: first });
  const row = await insert
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when rate_limits.window_start <= ${ended} then ${first} else rate_limits.hits + ${slice} end`,
        leased: sql`case when rate_limits.window_start <= ${ended} then ${first} else ${slice} end`,
        window_start: sql`case when rate_limits.window_start <= ${ended} then ${now} else rate_limits.window_start end`,
      }),
    )
    .returning(['hits', 'leased', 'window_start'])
    .executeTakeFirstOrThrow();
  const hits = Number(row.hits);
  return { counted: hits - Number(row.leased), hits, windowStart: Number(row.window_start) };
}

/** Forgets windows that ended long ago (the sweeper runs it). */
export async function expireRateLimits(ctx: StoreContext, now: number): Promise<void> {
  await ctx.db
    .deleteFrom('rate_limits')
    .where('window_start', '<', now - 24 * 60 * 60_000)
    .execute();
}
