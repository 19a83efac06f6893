/**
 * The app's answer to change events: at most one pull per 2 s (plus jitter), requests folded
 * into the next pull, and none for a head cursor the app already holds. Time and timers are
 * injected, so the schedule is exact.
 */
import { describe, expect, it } from 'vitest';
import { PullThrottle } from '../../../src/core/sync/pullThrottle';

function harness(jitter = 0) {
  let t = 0;
  const queue: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const pulls: { at: number; upTo: string | null }[] = [];
  let held: string | null = null;
  const throttle = new PullThrottle({
    now: () => t,
    random: () => jitter,
    heldCursor: () => held,
    pull: (upTo) => {
      pulls.push({ at: t, upTo });
      if (upTo !== null) held = upTo; // the pull brings the app up to the cursor
    },
    timers: {
      set: (fn, ms) => {
        const id = ++ids;
        queue.push({ at: t + ms, fn, id });
        return id;
      },
      clear: (id) => {
        const i = queue.findIndex((q) => q.id === id);
        if (i >= 0) queue.splice(i, 1);
      },
    },
  });
  /** Moves the clock to `to`, firing due timers in order. */
  const advance = (to: number) => {
    for (;;) {
      queue.sort((a, b) => a.at - b.at);
      const next = queue[0];
      if (!next || next.at > to) break;
      queue.shift();
      t = next.at;
      next.fn();
    }
    t = to;
  };
  return {
    throttle,
    pulls,
    advance,
    hold: (c: string) => (held = c),
    pending: () => queue.length,
  };
}

describe('pull throttle', () => {
  it('folds a burst of events into one pull, then at most one pull per 2 s', () => {
    const h = harness();
    for (let i = 1; i <= 50; i++) h.throttle.request(String(i));
    h.advance(0);
    expect(h.pulls).toEqual([{ at: 0, upTo: '50' }]);
    // Events keep coming every 100 ms for 10 s: one pull every 2 s, each up to the latest.
    for (let i = 1; i <= 100; i++) {
      h.advance(i * 100);
      h.throttle.request(String(50 + i));
    }
    h.advance(12_000);
    const gaps = h.pulls.slice(1).map((p, i) => p.at - h.pulls[i]!.at);
    expect(gaps.every((g) => g >= 2000)).toBe(true);
    expect(h.pulls.map((p) => p.at)).toEqual([0, 2000, 4000, 6000, 8000, 10_000, 12_000]);
    expect(h.pulls.at(-1)!.upTo).toBe('150');
  });

  it('adds jitter: the pull waits a random part of the jitter window', () => {
    const h = harness(0.5);
    h.throttle.request('1');
    h.advance(249);
    expect(h.pulls).toEqual([]);
    h.advance(250);
    expect(h.pulls).toEqual([{ at: 250, upTo: '1' }]);
    h.throttle.request('2');
    h.advance(2249);
    expect(h.pulls.length).toBe(1);
    h.advance(2500);
    expect(h.pulls.at(-1)).toEqual({ at: 2500, upTo: '2' });
  });

  it('skips an event whose head cursor the app holds, also when it came to hold it meanwhile', () => {
    const h = harness();
    h.hold('7');
    h.throttle.request('5');
    h.throttle.request('7');
    expect(h.pending()).toBe(0);
    h.advance(5000);
    expect(h.pulls).toEqual([]);
    h.throttle.request('9');
    h.hold('9'); // the advocate's own sync brought it before the timer fired
    h.advance(10_000);
    expect(h.pulls).toEqual([]);
  });

  it('a request without a cursor (reconnect, poll) pulls whatever the app holds', () => {
    const h = harness();
    h.hold('9');
    h.throttle.request('3');
    h.throttle.request(null);
    h.advance(0);
    expect(h.pulls).toEqual([{ at: 0, upTo: null }]);
  });

  it('stops: nothing fires after stop()', () => {
    const h = harness();
    h.throttle.request('1');
    h.throttle.stop();
    h.throttle.request('2');
    h.advance(10_000);
    expect(h.pulls).toEqual([]);
  });
});
