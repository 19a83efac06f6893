/**
 * The one date and time format policy: every date a person reads goes through here, in their
 * locale and time zone (undefined: the system's). Medium dates ("3 Dec 2026"), short times
 * ("20:15"), both together; days of a range ("3 Dec"), months ("Dec 2026"). Formatters are
 * built once per (locale, zone, style): constructing an Intl.DateTimeFormat costs far more than
 * formatting with one, and charts format every tick many times.
 */
export interface Zoned {
  locale?: string | undefined;
  timeZone?: string | undefined;
}

const formats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? '', options]);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** "3 Dec 2026, 20:15" */
export function formatDateTime(utcMs: number, { locale, timeZone }: Zoned = {}): string {
  return dateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
    utcMs,
  );
}

/** "3 Dec 2026" */
export function formatDate(utcMs: number, { locale, timeZone }: Zoned = {}): string {
  return dateTimeFormat(locale, { timeZone, dateStyle: 'medium' }).format(utcMs);
}

/** "20:15" */
export function formatTime(utcMs: number, { locale, timeZone }: Zoned = {}): string {
  return dateTimeFormat(locale, { timeZone, timeStyle: 'short' }).format(utcMs);
}

const civil = (day: string): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, (m ?? 1) - 1, d ?? 1);
};

/** A local calendar day "2026-03-31" → "31 Mar" (the day is already the advocate's). */
export function formatDayLabel(day: string, locale?: string): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(
    civil(day),
  );
}

/** A local calendar month "2026-03" (or any day in it) → "Mar 2026". */
export function formatMonthLabel(month: string, locale?: string): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(
    civil(month.length === 7 ? `${month}-01` : month),
  );
}
