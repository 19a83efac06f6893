import { afterEach, describe, expect, it, vi } from 'vitest';
import { announcer, STREAMS_PER_TURN } from '../../../src/server/events/announcer';
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

  it('tell a brand’s streams a slice per turn of the event loop, skipping streams closed meanwhile', () => {
    const { notifier, a, heard, listen } = setup();
    const n = STREAMS_PER_TURN * 2 + 50;
    for (let i = 0; i < n; i++) listen(`adv${i}`, ['b1']);
    const told = () => [...heard.values()].filter((h) => h.length > 0).length;
    notifier.publish([{ brandId: 'b1', cursor: '3' }]);
    expect(told()).toBe(STREAMS_PER_TURN);
    a.close(); // every stream ends before the next turn
    vi.advanceTimersByTime(1);
    expect(told()).toBe(STREAMS_PER_TURN);
  });

  it('tell every stream of the brand, the later ones in later turns', () => {
    const { notifier, heard, listen } = setup();
    const n = STREAMS_PER_TURN * 2 + 50;
    for (let i = 0; i < n; i++) listen(`adv${i}`, ['b1']);
    notifier.publish([{ brandId: 'b1', cursor: '3' }]);
    vi.advanceTimersByTime(1);
    for (const h of heard.values()) expect(h).toEqual([{ brandId: 'b1', cursor: '3' }]);
  });
});
