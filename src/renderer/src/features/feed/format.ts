import { formatMoney } from '../../../../shared/domain/money';

export function payoutLabel(amountMinor: number | null, currency: string | null): string {
  if (amountMinor === null || currency === null) return 'No payout rules yet';
  return formatMoney(amountMinor, currency);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "due in 3 hours", "overdue by 20 minutes", or "no SLA". */
export function dueLabel(dueAt: number | null, now: number): string {
  if (dueAt === null) return 'No SLA';
  const minutes = Math.round((dueAt - now) / 60_000);
  const abs = Math.abs(minutes);
  const text =
    abs < 60
      ? relative.format(minutes, 'minute')
      : abs < 48 * 60
        ? relative.format(Math.round(minutes / 60), 'hour')
        : relative.format(Math.round(minutes / 1440), 'day');
  return minutes < 0 ? `Overdue (${text})` : `Due ${text}`;
}

export const channelLabel: Record<string, string> = {
  email: 'Email',
  chat: 'Chat',
  social: 'Social',
};
