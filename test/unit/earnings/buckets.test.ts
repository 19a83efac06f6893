import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earningsBuckets } from '../../../src/shared/domain/earningsBuckets';
import { formatDay, parseDay } from '../../../src/shared/domain/time';

const d = (day: string, amountMinor: number, currency = 'EUR') => ({ day, currency, amountMinor });

describe('earningsBuckets', () => {
  it('draws a bar per day up to a month, each on its own day', () => {
    const bars = earningsBuckets(
      [d('2026-12-01', 500), d('2026-12-03', 250)],
      '2026-12-01',
      '2026-12-07',
      'EUR',
    );
    expect(bars.map((b) => [b.from, b.amountMinor])).toEqual([
      ['2026-12-01', 500],
      ['2026-12-02', 0],
      ['2026-12-03', 250],
      ['2026-12-04', 0],
      ['2026-12-05', 0],
      ['2026-12-06', 0],
      ['2026-12-07', 0],
    ]);
    expect(bars.every((b) => b.size === 'day' && b.from === b.to)).toBe(true);
  });

  it('groups a quarter into Monday-to-Sunday weeks, clipped to the range', () => {
    const bars = earningsBuckets(
      [d('2026-09-02', 100), d('2026-09-06', 100), d('2026-09-07', 40), d('2026-11-30', 7)],
      '2026-09-02',
      '2026-11-30',
      'EUR',
    );
    expect(bars[0]).toEqual({
      size: 'week',
      from: '2026-09-02',
      to: '2026-09-06',
      amountMinor: 200,
    });
    expect(bars[1]).toEqual({
      size: 'week',
      from: '2026-09-07',
      to: '2026-09-13',
      amountMinor: 40,
    });
    expect(bars.at(-1)).toEqual({
      size: 'week',
      from: '2026-11-30',
      to: '2026-11-30',
      amountMinor: 7,
    });
    expect(bars).toHaveLength(14);
  });

  it('groups years into calendar months, and never adds other currencies', () => {
    const bars = earningsBuckets(
      [d('2024-01-31', 100), d('2024-02-01', 50), d('2024-02-29', 50), d('2024-02-10', 999, 'USD')],
      '2024-01-15',
      '2026-12-03',
      'EUR',
    );
    expect(bars[0]).toMatchObject({
      size: 'month',
      from: '2024-01-15',
      to: '2024-01-31',
      amountMinor: 100,
    });
    expect(bars[1]).toMatchObject({ from: '2024-02-01', to: '2024-02-29', amountMinor: 100 });
    expect(bars.at(-1)).toMatchObject({ from: '2026-12-01', to: '2026-12-03' });
    expect(bars).toHaveLength(36);
  });

  it('covers every day of any range exactly once and keeps every cent', () => {
    const day = fc.integer({ min: parseDay('2020-01-01')!, max: parseDay('2030-12-31')! });
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 1200 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 1, max: 10_000 }))),
        (start, length, amounts) => {
          const from = formatDay(start);
          const to = formatDay(start + length);
          const daily = amounts.map(([offset, amount]) =>
            d(formatDay(start + (offset % (length + 1))), amount),
          );
          const bars = earningsBuckets(daily, from, to, 'EUR');
          let next = start;
          for (const b of bars) {
            expect(parseDay(b.from)).toBe(next);
            expect(parseDay(b.to)!).toBeGreaterThanOrEqual(parseDay(b.from)!);
            next = parseDay(b.to)! + 1;
          }
          expect(next).toBe(start + length + 1);
          const sum = (xs: { amountMinor: number }[]) => xs.reduce((a, x) => a + x.amountMinor, 0);
          expect(sum(bars)).toBe(sum(daily));
          // A chart stays readable: at most a month of days, 27 weeks, or a bar per month.
          expect(bars.length).toBeLessThanOrEqual(Math.max(31, 27, Math.ceil(length / 28) + 2));
        },
      ),
    );
  });
});
