/**
 * A rate-limit store for @fastify/rate-limit whose counters live in the database, so replicas on
 * one PostgreSQL database share them: a client spreading its requests over replicas gets the
 * same limit as one hitting a single process. (One SQLite server keeps the in-memory store.)
 */
import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import type { Store } from '../store';

export function sharedRateLimitStore(store: Store, now: () => number): FastifyRateLimitStoreCtor {
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    constructor(private readonly options: FastifyRateLimitOptions) {}
    incr(
      key: string,
      cb: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      store.rateLimitHit(key, timeWindow, now()).then(
        (r) => cb(null, r),
        (err: unknown) => cb(err as Error),
      );
    }
    child(routeOptions: FastifyRateLimitOptions) {
      return new SharedRateLimitStore({ ...this.options, ...routeOptions });
    }
  };
}
