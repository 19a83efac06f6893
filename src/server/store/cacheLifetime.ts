/**
 * How long one cached entry lives: a random part of `maxMs`, between half and all of it.
 * Entries cached in one burst (every advocate of a brand pulling after the same event, or all
 * apps reconnecting after a restart) would otherwise lapse in one burst too, and their re-reads
 * queue the connection pool together, once per lifetime, for as long as the process runs.
 */
export const cacheLifetime = (maxMs: number, random: () => number = Math.random): number =>
  maxMs * (0.5 + 0.5 * random());
