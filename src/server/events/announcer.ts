import { laterCursor } from '../../shared/domain/syncCursor';
import type { ChangeNotice } from '../../shared/protocol';
import type { ChangeNotifier, LogNotice } from '../notifier';

/**
 * Streams told per turn of the event loop: writing to a brand's thousand streams at once holds
 * every request up for tens of milliseconds (~30 µs a write).
 */
export const STREAMS_PER_TURN = 100;
/**
 * How fast one process tells a brand's streams of a change. Every stream told pulls within its
 * app's jitter (0.5 s): told all at once, a brand's thousand advocates pull as one herd, which
 * queues behind itself for as long as it takes to serve (load bench, PostgreSQL, the seconds
 * after a quiet brand changes: pulls' p95 0.2–0.7 s told at once, up to 0.5 s at 1,000 streams
 * a second, 29–87 ms at 500). So a brand with many streams here is told over
 * `n / STREAMS_PER_SECOND` (at most the coalescing interval), in a new random order each time,
 * so no advocate is always told first (first told, first to claim).
 */
export const STREAMS_PER_SECOND = 500;
/** A paced announcement tells a slice of its streams every this many ms. */
export const SLICE_MS = 20;

export interface Listener {
  brandIds: ReadonlySet<string>;
  advocateId: string;
  send(notice: ChangeNotice): void;
}

/**
 * One process's change events, coalesced: per brand at most one `change` event per
 * `intervalMs`, carrying the newest cursor announced meanwhile, to every stream of that brand;
 * rows meant for one advocate (renewals, ledger entries, tier re-renders, a holder's own work on
 * a claimed task) likewise per (brand, advocate), to that advocate's streams only. The first
 * change after a quiet interval goes out at once (paced over a brand's many streams: above);
 * later ones wait for the interval's end. So however fast a brand changes, each advocate is told
 * to pull at most once or twice per interval, and never because of another advocate's private
 * rows.
 */
export function announcer(notifier: ChangeNotifier, intervalMs: number) {
  const listeners = new Set<Listener>();
  let closed = false;
  const slots = new Map<
    string,
    {
      brandId: string;
      advocateId?: string;
      cursor: string | null;
      sentAt: number;
      timer?: NodeJS.Timeout;
    }
  >();

  const deliver = (key: string) => {
    const slot = slots.get(key)!;
    slot.timer = undefined;
    if (slot.cursor === null) return;
    const notice: ChangeNotice = { brandId: slot.brandId, cursor: slot.cursor };
    slot.cursor = null;
    slot.sentAt = Date.now();
    const to = shuffled(
      [...listeners].filter(
        (l) =>
          l.brandIds.has(slot.brandId) &&
          (slot.advocateId === undefined || slot.advocateId === l.advocateId),
      ),
    );
    const spreadMs = Math.min(intervalMs, (to.length / STREAMS_PER_SECOND) * 1000);
    const slices = Math.max(1, Math.floor(spreadMs / SLICE_MS));
    sendInSlices(to, notice, 0, Math.min(STREAMS_PER_TURN, Math.ceil(to.length / slices)));
  };

  /** `perSlice` now, the next slice `SLICE_MS` later (to streams still listening then). */
  const sendInSlices = (to: Listener[], notice: ChangeNotice, from: number, perSlice: number) => {
    const end = Math.min(to.length, from + perSlice);
    for (let i = from; i < end; i++) if (listeners.has(to[i]!)) to[i]!.send(notice);
    if (end < to.length && !closed)
      setTimeout(() => sendInSlices(to, notice, end, perSlice), SLICE_MS).unref();
  };

  const hear = (n: LogNotice) => {
    const key = n.advocateId ? `${n.brandId}/${n.advocateId}` : n.brandId;
    let slot = slots.get(key);
    if (!slot) {
      slot = {
        brandId: n.brandId,
        cursor: null,
        sentAt: 0,
        ...(n.advocateId ? { advocateId: n.advocateId } : {}),
      };
      slots.set(key, slot);
    }
    slot.cursor = laterCursor(slot.cursor, n.cursor);
    if (slot.timer) return;
    const wait = slot.sentAt + intervalMs - Date.now();
    if (wait <= 0) deliver(key);
    else {
      slot.timer = setTimeout(() => deliver(key), wait);
      slot.timer.unref();
    }
  };
  const unsubscribe = notifier.subscribe(hear);

  // Quiet slots are forgotten, so the map holds only recently active brands and advocates.
  const sweep = setInterval(
    () => {
      const old = Date.now() - 2 * intervalMs;
      for (const [key, slot] of slots) if (!slot.timer && slot.sentAt < old) slots.delete(key);
    },
    Math.max(10_000, intervalMs),
  );
  sweep.unref();

  return {
    listen(l: Listener): () => void {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    close() {
      closed = true;
      unsubscribe();
      clearInterval(sweep);
      for (const slot of slots.values()) if (slot.timer) clearTimeout(slot.timer);
      slots.clear();
      listeners.clear();
    },
  };
}

export type Announcer = ReturnType<typeof announcer>;

function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
