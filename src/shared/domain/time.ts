/**
 * Calendar days, weeks and months in an IANA time zone, correct across daylight-saving changes.
 * Pure: only `Intl.DateTimeFormat`. A "day number" is the count of civil days since 1970-01-01
 * of a local calendar date (so day numbers compare and subtract like dates).
 */

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_BLOCK = 8 * MS_PER_DAY;

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/** "YYYY-MM-DD" of a day number. */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day number of "YYYY-MM-DD", or null when it is not a real date. */
export function parseDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const n = daysFromCivil(date);
  const back = civilFromDays(n);
  return back.month === date.month && back.day === date.day ? n : null;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function isValidTimeZone(zone: string): boolean {
  if (zones.has(zone)) return true;
  try {
    zoneCache(zone);
    return true;
  } catch {
    return false;
  }
}

interface ZoneCache {
  format: Intl.DateTimeFormat;
  /** 8-day UTC block index → offset valid for the whole block (blocks without a transition). */
  blocks: Map<number, number>;
  /** UTC day index → offset valid for that whole UTC day (days without a transition only). */
  days: Map<number, number>;
  /** UTC hour index → offset valid for that whole hour, on days with a transition. */
  hours: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();

function zoneCache(zone: string): ZoneCache {
  let cache = zones.get(zone);
  if (!cache) {
    cache = {
      format: new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      }),
      blocks: new Map(),
      days: new Map(),
      hours: new Map(),
    };
    zones.set(zone, cache);
  }
  return cache;
}

function exactOffset(format: Intl.DateTimeFormat, utcMs: number): number {
  const seconds = Math.floor(utcMs / 1000) * 1000;
  const fields: Record<string, string> = {};
  for (const part of format.formatToParts(seconds)) fields[part.type] = part.value;
  let year = Number(fields['year']);
  if (fields['era'] === 'BC' || fields['era'] === 'B') year = 1 - year;
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to the 1900s.
  const date = new Date(0);
  date.setUTCFullYear(year, Number(fields['month']) - 1, Number(fields['day']));
  date.setUTCHours(Number(fields['hour']), Number(fields['minute']), Number(fields['second']), 0);
  return date.getTime() - seconds;
}

/** Local time minus UTC, in ms, at instant `utcMs` in `zone`. */
export function zoneOffsetMs(utcMs: number, zone: string): number {
  const cache = zoneCache(zone);
  const block = Math.floor(utcMs / MS_PER_BLOCK);
  const blockOffset = cache.blocks.get(block);
  if (blockOffset !== undefined) return blockOffset;
  const day = Math.floor(utcMs / MS_PER_DAY);
  const daily = cache.days.get(day);
  if (daily !== undefined) return daily;
  const hour = Math.floor(utcMs / MS_PER_HOUR);
  const hourly = cache.hours.get(hour);
  if (hourly !== undefined) return hourly;
  if (cache.blocks.size + cache.days.size + cache.hours.size > 100_000) {
    cache.blocks.clear();
    cache.days.clear();
    cache.hours.clear();
  }
  // Offsets change a few times a year at most (never twice within 8 days): most lookups are
  // answered per 8-day block, the blocks with a change per day, the days with one per hour.
  const offsetAt = (t: number) => exactOffset(cache.format, t);
  const spans: [Map<number, number>, number, number][] = [
    [cache.blocks, block, MS_PER_BLOCK],
    [cache.days, day, MS_PER_DAY],
    [cache.hours, hour, MS_PER_HOUR],
  ];
  for (const [map, index, size] of spans) {
    const start = offsetAt(index * size);
    if (start === offsetAt(index * size + size - 1)) {
      map.set(index, start);
      return start;
    }
  }
  return offsetAt(utcMs);
}

/** The local calendar day (as a day number) of instant `utcMs` in `zone`. */
export function dayNumberAt(utcMs: number, zone: string): number {
  return Math.floor((utcMs + zoneOffsetMs(utcMs, zone)) / MS_PER_DAY);
}

/** The first instant (UTC ms) of local day `dayNumber` in `zone`; handles a skipped midnight. */
export function startOfDayMs(dayNumber: number, zone: string): number {
  const localMidnight = dayNumber * MS_PER_DAY;
  let guess = localMidnight - zoneOffsetMs(localMidnight, zone);
  guess = localMidnight - zoneOffsetMs(guess, zone);
  if (dayNumberAt(guess, zone) === dayNumber && dayNumberAt(guess - 1, zone) < dayNumber) {
    return guess;
  }
  // Midnight fell into a gap (or the guess straddled a change): find the first instant of the day.
  let lo = localMidnight - 15 * MS_PER_HOUR;
  let hi = localMidnight + 15 * MS_PER_HOUR;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayNumberAt(mid, zone) >= dayNumber) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export type PeriodKind = 'day' | 'week' | 'month';

/** A run of whole local days: `fromDay`..`toDay` inclusive, and the instants it spans. */
export interface DayRange {
  fromDay: number;
  toDay: number;
  /** First instant of `fromDay`. */
  startMs: number;
  /** First instant after `toDay` (exclusive end). */
  endMs: number;
}

export function dayRange(fromDay: number, toDay: number, zone: string): DayRange {
  return {
    fromDay,
    toDay,
    startMs: startOfDayMs(fromDay, zone),
    endMs: startOfDayMs(toDay + 1, zone),
  };
}

/**
 * The day, week or calendar month containing `utcMs`, in `zone`. Weeks start on ISO weekday
 * `weekStartsOn` (1 = Monday … 7 = Sunday; see `firstDayOfWeek`).
 */
export function periodContaining(
  utcMs: number,
  kind: PeriodKind,
  zone: string,
  weekStartsOn = 1,
): DayRange {
  const today = dayNumberAt(utcMs, zone);
  if (kind === 'day') return dayRange(today, today, zone);
  if (kind === 'week') {
    const first = today - ((isoWeekday(today) - weekStartsOn + 7) % 7);
    return dayRange(first, first + 6, zone);
  }
  const { year, month } = civilFromDays(today);
  const first = daysFromCivil({ year, month, day: 1 });
  const nextFirst = daysFromCivil(
    month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 },
  );
  return dayRange(first, nextFirst - 1, zone);
}

/** The locale this runtime runs in (the operating system's, in the app). */
export function systemLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

/** The zone this runtime runs in (the operating system's, in the app). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Regions whose weeks do not start on Monday (CLDR `firstDay`), for runtimes without
 * `Intl.Locale#getWeekInfo`: 7 = Sunday, 6 = Saturday.
 */
const regionFirstDay: Record<string, number> = Object.fromEntries([
  ...'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'
    .split(' ')
    .map((r) => [r, 7]),
  ...'AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' ').map((r) => [r, 6]),
  ['MV', 5],
]);

/** The first day of the week from a region alone (the fallback when Intl has no week data). */
export function firstDayOfRegion(region: string | undefined): number {
  return (region && regionFirstDay[region]) || 1;
}

interface WeekInfoLocale extends Intl.Locale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

/**
 * The ISO weekday (1 = Monday … 7 = Sunday) a locale's weeks start on: en-US Sunday, de Monday,
 * ar (Egypt) Saturday. An unknown or malformed tag counts as Monday (ISO).
 */
export function firstDayOfWeek(locale: string | null | undefined): number {
  let tag: WeekInfoLocale;
  try {
    if (!locale) return 1;
    tag = new Intl.Locale(locale).maximize() as WeekInfoLocale;
  } catch {
    return 1;
  }
  const info = tag.getWeekInfo?.() ?? tag.weekInfo;
  return info?.firstDay ?? firstDayOfRegion(tag.region);
}
