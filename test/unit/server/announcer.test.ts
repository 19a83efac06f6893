import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  announcer,
  SLICE_MS,
  STREAMS_PER_SECOND,
  STREAMS_PER_TURN,
} from '../../../src/server/events/announcer';
import { localNotifier } from '../../../src/server/notifier';
import type { ChangeNotice } from '../../../src/shared/protocol';

describe('change events (announcer)', () => {
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    vi.useFakeTimers();
    const notifier = localNotifier();
    const a = announcer(notifier, 1000);
    const heard = new Map<string, ChangeNotice[]>();
    const listen = (advocateId: string, brands: string[]) => {
      heard.set(advocateId, []);
      a.listen({
        advocateId,
        brandIds: new Set(brands),
        send: (n) => heard.get(advocateId)!.push(n),
      });
    };
    return { notifier, a, heard, listen };
  };

  it('tell each stream of a brand at most once per interval, with the newest cursor', () => {
    const { notifier, heard, listen } = setup();
    listen('ann', ['b1']);
    listen('bob', ['b1', 'b2']);
    notifier.publish([{ brandId: 'b1', cursor: '10.1' }]);
    expect(heard.get('ann')).toEqual([{ brandId: 'b1', cursor: '10.1' }]); // the first at once
    for (let i = 2; i <= 50; i++) notifier.publish([{ brandId: 'b1', cursor: `10.${i}` }]);
    notifier.publish([{ brandId: 'b1', cursor: '9.99' }]); // an older position arriving late
    vi.advanceTimersByTime(999);
    expect(heard.get('ann')).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(heard.get('ann')).toEqual([
      { brandId: 'b1', cursor: '10.1' },
      { brandId: 'b1', cursor: '10.50' },
    ]);
    expect(heard.get('bob')).toEqual(heard.get('ann'));
    vi.advanceTimersByTime(5000);
    expect(heard.get('ann')).toHaveLength(2); // nothing new, nothing sent
  });

  it('keep brands apart and announce an advocate’s private rows to that advocate only', () => {
    const { notifier, heard, listen } = setup();
    listen('ann', ['b1']);
    listen('bob', ['b1', 'b2']);
    notifier.publish([{ brandId: 'b2', cursor: '5' }]);
    notifier.publish([{ brandId: 'b1', cursor: '6', advocateId: 'bob' }]);
    expect(heard.get('ann')).toEqual([]);
    expect(heard.get('bob')).toEqual([
      { brandId: 'b2', cursor: '5' },
      { brandId: 'b1', cursor: '6' },
    ]);
    // a private announcement does not hold back the brand's own
    notifier.publish([{ brandId: 'b1', cursor: '7' }]);
    expect(heard.get('ann')).toEqual([{ brandId: 'b1', cursor: '7' }]);
  });

  it('tell a brand’s many streams at a steady pace, skipping streams closed meanwhile', () => {
    const { notifier, a, heard, listen } = setup();
    const n = 500;
    for (let i = 0; i < n; i++) listen(`adv${i}`, ['b1']);
    const told = () => [...heard.values()].filter((h) => h.length > 0).length;
    notifier.publish([{ brandId: 'b1', cursor: '3' }]);
    const first = told();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual((STREAMS_PER_SECOND * SLICE_MS) / 1000);
    // At any time, about as many told as the pace allows: neither a herd nor a trickle.
    for (let t = 100; t <= 400; t += 100) {
      vi.advanceTimersByTime(100);
      expect(told()).toBeGreaterThanOrEqual((STREAMS_PER_SECOND * (t - SLICE_MS)) / 1000);
      expect(told()).toBeLessThanOrEqual((STREAMS_PER_SECOND * (t + SLICE_MS)) / 1000);
    }
    a.close(); // every stream ends before the next slice
    const before = told();
    vi.advanceTimersByTime(1000);
    expect(told()).toBe(before);
  });

  it('tell every stream of the brand once, within the interval however many there are', () => {
    const { notifier, heard, listen } = setup();
    const n = STREAMS_PER_TURN * 30 + 7;
    for (let i = 0; i < n; i++) listen(`adv${i}`, ['b1']);
    notifier.publish([{ brandId: 'b1', cursor: '3' }]);
    vi.advanceTimersByTime(1000);
    for (const h of heard.values()) expect(h).toEqual([{ brandId: 'b1', cursor: '3' }]);
  });

  it('tell a brand’s streams in a new order each time, so no advocate is always told first', () => {
    const { notifier, heard, listen } = setup();
    const n = 200;
    for (let i = 0; i < n; i++) listen(`adv${i}`, ['b1']);
    const firstTold = (cursor: string) =>
      [...heard].filter(([, h]) => h.at(-1)?.cursor === cursor).map(([id]) => id);
    notifier.publish([{ brandId: 'b1', cursor: '3' }]);
    const once = firstTold('3');
    vi.advanceTimersByTime(1000);
    notifier.publish([{ brandId: 'b1', cursor: '4' }]);
    const twice = firstTold('4');
    expect(once.length).toBeGreaterThan(0);
    expect(once.length).toBeLessThan(n);
    expect(twice).not.toEqual(once);
    vi.advanceTimersByTime(1000);
    for (const h of heard.values()) expect(h.map((x) => x.cursor)).toEqual(['3', '4']);
  });
});
