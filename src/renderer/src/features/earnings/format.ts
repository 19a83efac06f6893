import type { EntryKind, EntryStatus } from '../../../../shared/contract/earnings';
import { formatMoney } from '../../../../shared/domain/money';

export const statusLabel: Record<EntryStatus, string> = {
  estimated: 'Estimated',
  pending: 'Pending',
  confirmed: 'Confirmed',
  paid: 'Paid',
};

export const kindLabel: Record<EntryKind, string> = {
  payout: 'Case payout',
  rating_bonus: 'Rating bonus',
  tip: 'Tip',
  adjustment: 'Adjustment',
  clawback: 'Clawback',
};

export function money(amountMinor: number, currency: string, locale?: string): string {
  return formatMoney(amountMinor, currency, locale);
}

/** "+€1.50" / "−€2.00": a line of the arithmetic, with its sign always shown. */
export function signedMoney(amountMinor: number, currency: string, locale?: string): string {
  const abs = formatMoney(Math.abs(amountMinor), currency, locale);
  return amountMinor < 0 ? `−${abs}` : `+${abs}`;
}

export function dateTime(utcMs: number, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(utcMs);
}

/** "2026-03-31" → "31 Mar" in the advocate's locale (the day is already local). */
export function shortDay(day: string, locale?: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
  }).format(Date.UTC(y, m - 1, d));
}

export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}
