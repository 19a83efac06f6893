import { cursorHolds, laterCursor } from '../../shared/domain/syncCursor';

/** Pulls start at least this far apart (the server coalesces a brand's events per 1–2 s). */
export const PULL_MIN_INTERVAL_MS = 2000;
/** Each pull waits a further random 0..this, so a brand's apps do not pull in lock-step. */
export const PULL_JITTER_MS = 500;

export interface PullTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface PullThrottleOptions {
  /** Pulls start at least this far apart. */
  minIntervalMs?: number;
  /** Each pull waits a further random 0..jitterMs, so a brand's apps do not pull in lock-step. */
  jitterMs?: number;
  now: () => number;
  random: () => number;
  timers?: PullTimers;
  /** The cursor the app holds now. */
  heldCursor: () => string | null;
  /** Runs a pull: up to `cursor`, or (null) a full sync whatever the app holds. */
  pull: (cursor: string | null) => void;
}

const realTimers: PullTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * When to answer "something changed": at most one pull per `minIntervalMs` (plus jitter), all
 * requests meanwhile folded into it, and none for a change event whose head cursor the app
 * already holds (its own action's event, or one a pull already brought). Every brand's change
 * events reach every advocate of it: without this, each commit is a pull storm.
 */
export class PullThrottle {
  private timer: unknown = null;
  private lastPullAt = Number.NEGATIVE_INFINITY;
  private wanted: string | null = null;
  private wantAll = false;
  private stopped = false;
  private readonly timers: PullTimers;

  constructor(private readonly o: PullThrottleOptions) {
    this.timers = o.timers ?? realTimers;
  }

  /** A change event's head cursor, or null (reconnected, polled: sync anyway). */
  request(cursor: string | null = null): void {
    if (this.stopped) return;
    if (cursor !== null && cursorHolds(this.o.heldCursor(), cursor)) return;
    if (cursor === null) this.wantAll = true;
    else this.wanted = laterCursor(this.wanted, cursor);
    if (this.timer !== null) return;
    const interval = this.o.minIntervalMs ?? PULL_MIN_INTERVAL_MS;
    const jitter = this.o.random() * (this.o.jitterMs ?? PULL_JITTER_MS);
    const wait = Math.max(0, this.lastPullAt + interval - this.o.now()) + jitter;
    this.timer = this.timers.set(() => this.fire(), wait);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private fire(): void {
    this.timer = null;
    const upTo = this.wantAll ? null : this.wanted;
    this.wanted = null;
    this.wantAll = false;
    // A pull that ran meanwhile (the advocate's own, or the last one) may hold it already.
    if (upTo !== null && cursorHolds(this.o.heldCursor(), upTo)) return;
    this.lastPullAt = this.o.now();
    this.o.pull(upTo);
  }
}
