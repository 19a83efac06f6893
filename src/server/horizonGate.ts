import { parseCursor } from '../shared/domain/syncCursor';
import type { ChangeNotifier, LogNotice } from './notifier';

/** How often the horizon is read while notices wait for it. */
const POLL_MS = 20;

/**
 * A change is announced only once a reader can read it. On PostgreSQL a committed row is read
 * only when its transaction id is below the horizon, the oldest transaction still running
 * (store/changeLog.ts), which may be a while after its own commit; an app told "pull to X"
 * before then would pull, get nothing, and hold a cursor short of X. So notices wait here, and a
 * loop reads the horizon while any wait, releasing those below it in order. Invalidations and
 * subscriptions pass straight through.
 */
export function horizonGated(
  inner: ChangeNotifier,
  readHorizon: () => Promise<bigint>,
): ChangeNotifier & { flush(): Promise<void> } {
  let waiting: { xid: bigint; notice: LogNotice }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;

  const poll = async () => {
    let horizon: bigint;
    try {
      horizon = await readHorizon();
    } catch {
      return; // the database is unreachable for now: try again at the next tick
    }
    const ready = waiting.filter((w) => w.xid < horizon);
    if (ready.length === 0) return;
    waiting = waiting.filter((w) => w.xid >= horizon);
    inner.publish(ready.map((w) => w.notice));
  };
  const schedule = (delay = POLL_MS) => {
    if (timer || waiting.length === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      polling = poll().finally(() => {
        polling = undefined;
        schedule();
      });
    }, delay);
    timer.unref();
  };

  return {
    publish(notices) {
      for (const notice of notices)
        waiting.push({ xid: parseCursor(notice.cursor)?.xid ?? 0n, notice });
      // Usually nothing older is running and the first look releases it.
      schedule(polling ? POLL_MS : 0);
    },
    subscribe: (listener) => inner.subscribe(listener),
    invalidate: (ids) => inner.invalidate(ids),
    onInvalidate: (listener) => inner.onInvalidate(listener),
    /** Waits for the current poll (on close). */
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await polling;
    },
  };
}
