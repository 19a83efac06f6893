/**
 * The one date, time, number and money policy of the renderer: every figure a person reads is
 * formatted here, through `Intl`, in the advocate's locale AND time zone (Settings, else the
 * system's). Components take a `Formatters` from `useFormat()`; nothing else builds an
 * `Intl.DateTimeFormat` or `Intl.NumberFormat`.
 *
 * Two kinds of time: instants (UTC epoch ms) are shown in the advocate's zone; civil days
 * ("YYYY-MM-DD", already local, as the earnings contract sends them) are shown as they are,
 * without any zone shift.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { formatMoney } from '../../../shared/domain/money';
import { firstDayOfWeek, parseDay, civilFromDays } from '../../../shared/domain/time';

export interface Formatters {
  locale: string;
  timeZone: string;
  /** ISO weekday the locale's weeks start on (1 = Monday … 7 = Sunday). */
  firstDayOfWeek: number;
  /** "3 Dec 2026" */
  date: (utcMs: number) => string;
  /** "14:05" / "2:05 PM" */
  time: (utcMs: number) => string;
  /** "3 Dec 2026, 14:05" */
  dateTime: (utcMs: number) => string;
  /** A local calendar day "YYYY-MM-DD": `short` "3 Dec", `medium` "3 Dec 2026", `weekday` "Thu". */
  day: (day: string, style?: 'short' | 'medium' | 'weekday' | 'weekdayLong') => string;
  /** A range of local days: `medium` "2 – 8 Dec 2026", `short` "2 – 8 Dec". */
  dayRange: (from: string, to: string, style?: 'short' | 'medium') => string;
  /** A local calendar month "2026-12" (or any day "2026-12-03" in it): "Dec 2026". */
  month: (month: string) => string;
  /** Integer minor units in their currency: 1234 EUR → "€12.34" / "12,34 €". */
  money: (amountMinor: number, currency: string) => string;
  /** "+€1.50" / "−€2.00": one line of an arithmetic, its sign always shown. */
  signedMoney: (amountMinor: number, currency: string) => string;
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** 0.25 → "25%" */
  percent: (ratio: number) => string;
  /** "in 3 hours", "20 minutes ago", "tomorrow": `at` relative to `now`. */
  relative: (at: number, now: number) => string;
  /** "a, b and c" / "a、b、c": a list in the locale's words. */
  list: (items: string[]) => string;
  /** A length of time: "45 min", "2 hr 5 min". */
  duration: (ms: number) => string;
}

const MINUTE = 60_000;

function civilUtcMs(day: string): number {
  const n = parseDay(day);
  if (n === null) throw new RangeError(`not a calendar day: ${day}`);
  const { year, month, day: d } = civilFromDays(n);
  return Date.UTC(year, month - 1, d);
}

/** Formatters for one locale and zone (Intl objects built once each, on first use). */
export function createFormatters(locale: string, timeZone: string): Formatters {
  const lazy = <T>(make: () => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const dateFormat = lazy(() => new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' }));
  const timeFormat = lazy(() => new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' }));
  const dateTimeFormat = lazy(
    () => new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }),
  );
  // Civil days carry no zone: format them as the UTC midnight of that date.
  const dayFormats = {
    short: lazy(
      () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' }),
    ),
    medium: lazy(() => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' })),
    weekday: lazy(() => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' })),
    weekdayLong: lazy(() => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' })),
  };
  const monthFormat = lazy(
    () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', year: 'numeric' }),
  );
  const relativeFormat = lazy(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const percentFormat = lazy(() => new Intl.NumberFormat(locale, { style: 'percent' }));
  const unitFormat = (unit: 'minute' | 'hour') =>
    lazy(() => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }));
  const minutes = unitFormat('minute');
  const hours = unitFormat('hour');
  const list = lazy(() => new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }));
  const andList = lazy(() => new Intl.ListFormat(locale, { type: 'conjunction' }));
  return {
    locale,
    timeZone,
    firstDayOfWeek: firstDayOfWeek(locale),
    date: (utcMs) => dateFormat().format(utcMs),
    time: (utcMs) => timeFormat().format(utcMs),
    dateTime: (utcMs) => dateTimeFormat().format(utcMs),
    day: (day, style = 'short') => dayFormats[style]().format(civilUtcMs(day)),
    dayRange: (from, to, style = 'medium') =>
      dayFormats[style]().formatRange(civilUtcMs(from), civilUtcMs(to)),
    month: (month) => monthFormat().format(civilUtcMs(month.length === 7 ? `${month}-01` : month)),
    money: (amountMinor, currency) => formatMoney(amountMinor, currency, locale),
    signedMoney: (amountMinor, currency) =>
      new Intl.NumberFormat(locale, { signDisplay: 'always' })
        .formatToParts(amountMinor < 0 ? -1 : 1)
        .filter((p) => p.type === 'minusSign' || p.type === 'plusSign')
        .map((p) => p.value)
        .join('') + formatMoney(Math.abs(amountMinor), currency, locale),
    number: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    percent: (ratio) => percentFormat().format(ratio),
    relative: (at, now) => {
      const m = Math.round((at - now) / MINUTE);
      const abs = Math.abs(m);
      if (abs < 60) return relativeFormat().format(m, 'minute');
      if (abs < 48 * 60) return relativeFormat().format(Math.round(m / 60), 'hour');
      return relativeFormat().format(Math.round(m / 1440), 'day');
    },
    list: (items) => andList().format(items),
    duration: (ms) => {
      const total = Math.round(ms / MINUTE);
      if (total < 60) return minutes().format(total);
      const h = Math.floor(total / 60);
      const m = total % 60;
      return m === 0 ? hours().format(h) : list().format([hours().format(h), minutes().format(m)]);
    },
  };
}

const cache = new Map<string, Formatters>();

/**
 * The formatters of the current locale and zone (from the IntlProvider); `timeZone` overrides
 * the zone where figures were computed in another (an earnings summary names its own).
 */
export function useFormat(timeZone?: string): Formatters {
  const intl = useIntl();
  const { locale } = intl;
  const zone = timeZone ?? intl.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return useMemo(() => {
    const key = `${locale}\u0000${zone}`;
    let formatters = cache.get(key);
    if (!formatters) {
      formatters = createFormatters(locale, zone);
      cache.set(key, formatters);
    }
    return formatters;
  }, [locale, zone]);
}
