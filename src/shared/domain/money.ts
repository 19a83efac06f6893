import { z } from 'zod';

/** ISO-4217 code, upper case. */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected an ISO-4217 currency code such as EUR');

/** Integer minor units (cents). Floats never hold money. */
export const MinorUnits = z.number().int().safe();

export interface Money {
  amountMinor: number;
  currency: string;
}

/** Rounds `amount × bps / 10 000` half away from zero, in integers only. */
export function applyBasisPoints(amountMinor: number, bps: number): number {
  const product = amountMinor * bps;
  if (!Number.isSafeInteger(product)) {
    // Beyond 2^53 a float product loses cents: round in exact integer arithmetic instead.
    const exact = BigInt(amountMinor) * BigInt(bps);
    const abs = exact < 0n ? -exact : exact;
    const rounded = Number((abs + 5000n) / 10000n);
    return exact < 0n ? -rounded : rounded;
  }
  const sign = product < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(product) + 5000) / 10000);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Built once per locale and currency: building one costs far more than using it. */
function moneyFormat(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format;
}

/** Displays minor units in the advocate's locale, e.g. 1234 EUR → "€12.34". */
export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  const format = moneyFormat(currency, locale);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // Divide as a decimal string to avoid float artefacts on large amounts.
  const negative = amountMinor < 0;
  const abs = Math.abs(amountMinor)
    .toString()
    .padStart(digits + 1, '0');
  const major = digits > 0 ? `${abs.slice(0, -digits)}.${abs.slice(-digits)}` : abs;
  return format.format(Number(`${negative ? '-' : ''}${major}`));
}
