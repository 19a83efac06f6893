/**
 * A rate-limit store for @fastify/rate-limit whose counters live in the database, so replicas on
 * one PostgreSQL database share them: a client spreading its requests over replicas gets the
 * same limit as one hitting a single process. (One SQLite server keeps the in-memory store.)
 *
 * A request does not pay a statement: a replica reserves a slice of the key's window budget in
 * one upsert (store/rateLimits.ts) and spends it locally until it is used up or the window ends.
 * Every hit is counted in the database before it is spent, so a window never admits more than
 * `max` across replicas; slices other replicas hold unspent may refuse a client slightly early.
 */
import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import type { Store } from '../store';

interface Lease {
  /** When the window ends; the lease is void from then on. */
  end: number;
  /** The count the next request spent from this lease reports. */
  next: number;
  /** The last count the slice holds. */
  last: number;
  /** The window was spent when this was reserved: refuse locally until it ends. */
  refusing: boolean;
}

type Result = { current: number; ttl: number };

/** Above this many keys, a reservation first forgets leases whose window has ended. */
const PRUNE_ABOVE = 10_000;

export function sharedRateLimitStore(store: Store, now: () => number): FastifyRateLimitStoreCtor {
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly leases = new Map<string, Lease>();
    /** One reservation in flight per key; the requests that wait for it spend from it. */
    private readonly reserving = new Map<string, Promise<void>>();

    constructor(private readonly options: FastifyRateLimitOptions) {}

    incr(
      key: string,
      cb: (error: Error | null, result?: Result) => void,
      timeWindow: number,
      max: number,
    ) {
      this.hit(key, timeWindow, max).then(
        (r) => cb(null, r),
        (err: unknown) => cb(err as Error),
      );
    }

    child(routeOptions: FastifyRateLimitOptions) {
      return new SharedRateLimitStore({ ...this.options, ...routeOptions });
    }

    private async hit(key: string, windowMs: number, max: number): Promise<Result> {
      for (;;) {
        const t = now();
        const lease = this.leases.get(key);
        if (lease && t < lease.end && (lease.next <= lease.last || lease.refusing))
          return { current: lease.next++, ttl: lease.end - t };
        const pending = this.reserving.get(key) ?? this.reserve(key, windowMs, max, t);
        await pending;
      }
    }

    private reserve(key: string, windowMs: number, max: number, t: number): Promise<void> {
      const pending = store
        .rateLimitLease(key, windowMs, max, t)
        .then(({ counted, hits, windowStart }) => {
          if (this.leases.size > PRUNE_ABOVE) this.prune(t);
          this.leases.set(key, {
            end: windowStart + windowMs,
            next: counted + 1,
            last: hits,
            refusing: hits > max,
          });
        })
        .finally(() => this.reserving.delete(key));
      this.reserving.set(key, pending);
      return pending;
    }

    private prune(t: number) {
      for (const [key, lease] of this.leases) if (lease.end <= t) this.leases.delete(key);
    }
  };
}
