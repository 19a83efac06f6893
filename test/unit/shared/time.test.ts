import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  dayNumberAt,
  daysFromCivil,
  firstDayOfRegion,
  firstDayOfWeek,
  formatDay,
  isoWeekday,
  parseDay,
  periodContaining,
  startOfDayMs,
  zoneOffsetMs,
} from '../../../src/shared/domain/time';

const HOUR = 3_600_000;

/** The local date by Intl alone, as an independent oracle. */
function intlDay(utcMs: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(utcMs);
}

const zones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago', // DST changes at midnight: some days start at 01:00
  'Asia/Beirut',
  'Australia/Lord_Howe', // 30-minute DST shift
  'Asia/Kathmandu', // +05:45
  'Pacific/Apia', // skipped 30 Dec 2011 entirely
  'Pacific/Kiritimati', // +14
  'Pacific/Pago_Pago', // -11
];

describe('civil day numbers', () => {
  it('round-trip dates and match the Date calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (n) => {
        const civil = civilFromDays(n);
        expect(daysFromCivil(civil)).toBe(n);
        const date = new Date(0);
        date.setUTCFullYear(civil.year, civil.month - 1, civil.day);
        expect(date.getTime()).toBe(n * 86_400_000);
        if (civil.year >= 1000 && civil.year <= 9999) expect(parseDay(formatDay(n))).toBe(n);
      }),
    );
  });

  it('rejects dates that do not exist', () => {
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2024-02-29')).toBe(daysFromCivil({ year: 2024, month: 2, day: 29 }));
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('26-01-01')).toBeNull();
  });

  it('knows the weekday', () => {
    expect(isoWeekday(0)).toBe(4); // 1970-01-01 was a Thursday
    expect(isoWeekday(parseDay('2026-03-30')!)).toBe(1);
    expect(isoWeekday(parseDay('2026-03-29')!)).toBe(7);
  });
});

describe('local days in a zone', () => {
  it('agree with Intl, and each day starts at its first instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, t) => {
          const day = dayNumberAt(t, zone);
          expect(formatDay(day)).toBe(intlDay(t, zone));
          const start = startOfDayMs(day, zone);
          const next = startOfDayMs(day + 1, zone);
          expect(start).toBeLessThanOrEqual(t);
          expect(t).toBeLessThan(next);
          expect(dayNumberAt(start, zone)).toBe(day);
          expect(dayNumberAt(start - 1, zone)).toBeLessThan(day);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('has 23- and 25-hour days at the DST changes', () => {
    const berlin = 'Europe/Berlin';
    const spring = parseDay('2026-03-29')!;
    const autumn = parseDay('2026-10-25')!;
    expect(startOfDayMs(spring + 1, berlin) - startOfDayMs(spring, berlin)).toBe(23 * HOUR);
    expect(startOfDayMs(autumn + 1, berlin) - startOfDayMs(autumn, berlin)).toBe(25 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 2, 29, 0, 59), berlin)).toBe(HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 2, 29, 1, 0), berlin)).toBe(2 * HOUR);
  });

  it('starts a day whose midnight was skipped at the first instant that exists', () => {
    // Santiago moved clocks from 24:00 to 01:00 on 2026-09-06.
    const day = parseDay('2026-09-06')!;
    const start = startOfDayMs(day, 'America/Santiago');
    expect(new Date(start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(formatDay(dayNumberAt(start, 'America/Santiago'))).toBe('2026-09-06');
  });
});

describe('a case resolved at 23:30 local on the last day of a month with a DST change', () => {
  const cases = [
    // zone, instant (23:30 local), day, week Monday..Sunday, month
    [
      'America/New_York',
      Date.UTC(2026, 3, 1, 3, 30),
      '2026-03-31',
      '2026-03-30',
      '2026-04-05',
      '2026-03-01',
      '2026-03-31',
    ],
    [
      'Europe/Berlin',
      Date.UTC(2026, 9, 31, 22, 30),
      '2026-10-31',
      '2026-10-26',
      '2026-11-01',
      '2026-10-01',
      '2026-10-31',
    ],
    [
      'Australia/Sydney',
      Date.UTC(2026, 3, 30, 13, 30),
      '2026-04-30',
      '2026-04-27',
      '2026-05-03',
      '2026-04-01',
      '2026-04-30',
    ],
  ] as const;

  for (const [zone, at, day, monday, sunday, first, last] of cases) {
    it(`lands in the right day, week and month in ${zone}`, () => {
      expect(intlDay(at, zone)).toBe(day);
      expect(formatDay(dayNumberAt(at, zone))).toBe(day);
      const d = periodContaining(at, 'day', zone);
      expect([formatDay(d.fromDay), formatDay(d.toDay)]).toEqual([day, day]);
      const w = periodContaining(at, 'week', zone);
      expect([formatDay(w.fromDay), formatDay(w.toDay)]).toEqual([monday, sunday]);
      const m = periodContaining(at, 'month', zone);
      expect([formatDay(m.fromDay), formatDay(m.toDay)]).toEqual([first, last]);
      for (const p of [d, w, m]) {
        expect(p.startMs).toBeLessThanOrEqual(at);
        expect(at).toBeLessThan(p.endMs);
      }
      // The month really spans the DST change: it is not a whole number of 24-hour days.
      expect((m.endMs - m.startMs) % (24 * HOUR)).not.toBe(0);
    });
  }
});

describe('the first day of the week, per locale', () => {
  it('starts weeks where the locale says', () => {
    expect(firstDayOfWeek('en-US')).toBe(7);
    expect(firstDayOfWeek('en')).toBe(7);
    expect(firstDayOfWeek('en-GB')).toBe(1);
    expect(firstDayOfWeek('de')).toBe(1);
    expect(firstDayOfWeek('es')).toBe(1);
    expect(firstDayOfWeek('ja')).toBe(7);
    expect(firstDayOfWeek('ar-EG')).toBe(6);
    expect(firstDayOfWeek('ar')).toBe(6);
    expect(firstDayOfWeek('ar-AE')).toBe(1);
  });

  it('counts a missing or malformed tag as Monday (ISO)', () => {
    expect(firstDayOfWeek(null)).toBe(1);
    expect(firstDayOfWeek('not a tag!')).toBe(1);
  });

  it('has a region fallback that agrees with Intl', () => {
    for (const region of ['US', 'DE', 'JP', 'EG', 'SA', 'AE', 'BR', 'GB', 'IN', 'IR', 'MX', 'FR']) {
      const tag = new Intl.Locale(`und-${region}`).maximize() as Intl.Locale & {
        getWeekInfo?: () => { firstDay: number };
      };
      const fromIntl = tag.getWeekInfo?.().firstDay;
      if (fromIntl !== undefined) expect(firstDayOfRegion(region), region).toBe(fromIntl);
    }
    expect(firstDayOfRegion(undefined)).toBe(1);
  });

  it('puts "this week" on the locale\'s first day, in the zone', () => {
    // Wednesday 2026-12-02 12:00 UTC.
    const at = Date.UTC(2026, 11, 2, 12);
    const week = (firstDay: number) => {
      const w = periodContaining(at, 'week', 'UTC', firstDay);
      return [formatDay(w.fromDay), formatDay(w.toDay)];
    };
    expect(week(1)).toEqual(['2026-11-30', '2026-12-06']); // de: Monday
    expect(week(7)).toEqual(['2026-11-29', '2026-12-05']); // en-US: Sunday
    expect(week(6)).toEqual(['2026-11-28', '2026-12-04']); // ar-EG: Saturday
    // On the first day itself the week starts that day: Saturday 2026-12-05 in Cairo.
    const saturday = periodContaining(Date.UTC(2026, 11, 5, 8), 'week', 'Africa/Cairo', 6);
    expect(formatDay(saturday.fromDay)).toBe('2026-12-05');
    // Sunday 00:30 in Tokyo is still Saturday in UTC: the zone decides the day.
    const tokyo = periodContaining(Date.UTC(2026, 11, 5, 15, 30), 'week', 'Asia/Tokyo', 7);
    expect(formatDay(tokyo.fromDay)).toBe('2026-12-06');
  });
});
