/**
 * fast-check generators of personal data as customers write it (e-mails with non-ASCII names,
 * phones in national and international formats, card numbers with any separators, IBANs in any
 * case), plus a list of ordinary numbers that must survive redaction untouched.
 */
import fc from 'fast-check';
import {
  type CountryCode,
  getExampleNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { PHONE_COUNTRIES } from '../../src/shared/domain/redact';

export interface Pii {
  /** As written in the text. */
  text: string;
  /** What must not survive anywhere in a tier-0 answer: the digits, or the address itself. */
  secret: string;
  kind: 'email' | 'phone' | 'card' | 'iban';
}

const fullWidth = (s: string) =>
  s.replace(/[0-9@.+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const arabicIndic = (s: string) =>
  s.replace(/[0-9]/g, (c) => String.fromCharCode(0x660 + c.charCodeAt(0) - 48));

/** Countries whose national formats the detector reads. */
const NATIONAL_COUNTRIES = PHONE_COUNTRIES;
/** Numbers in international form are found whatever the country. */
// prettier-ignore
const INTERNATIONAL_COUNTRIES: CountryCode[] = [
  ...NATIONAL_COUNTRIES, 'NG', 'KE', 'VN', 'TH', 'UA', 'GR', 'CZ', 'HU', 'RO', 'IL', 'NZ',
  'PE', 'MY', 'SG', 'PK', 'BD', 'MA', 'HK', 'TW',
];

// prettier-ignore
const localPart = fc.constantFrom(
  'anna.berg', 'jose', 'josé.garcía', 'müller+orders', 'o\'brien', '佐藤', 'ivan_petrov',
  'user.2024', 'λόγος', 'zoë-x', 'محمد',
);
// prettier-ignore
const domain = fc.constantFrom(
  'example.com', 'mail.example.co.uk', 'bücher.de', 'почта.рф', '例え.jp', 'x-y.io', 'correo.es',
);

export const email: fc.Arbitrary<Pii> = fc
  .tuple(localPart, domain, fc.constantFrom('plain', 'upper', 'fullwidth'))
  .map(([l, d, style]) => {
    const address = `${l}@${d}`;
    const text =
      style === 'upper'
        ? address.toUpperCase()
        : style === 'fullwidth'
          ? fullWidth(address)
          : address;
    return { text, secret: address.toLowerCase(), kind: 'email' as const };
  });

function phoneOf(country: CountryCode, seed: number): string | null {
  const example = getExampleNumber(country, examples);
  if (!example) return null;
  const national = String(example.nationalNumber);
  const tail = String(seed).padStart(4, '0').slice(-4);
  const candidate = national.slice(0, -4) + tail;
  const parsed = parsePhoneNumberFromString(candidate, country);
  return parsed?.isValid() ? parsed.number : null;
}

export const phone: fc.Arbitrary<Pii> = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom(...NATIONAL_COUNTRIES),
    fc.constantFrom(...INTERNATIONAL_COUNTRIES),
    fc.integer({ min: 0, max: 9999 }),
    fc.constantFrom(
      'national',
      'international',
      'e164',
      'dots',
      'dashes',
      'fullwidth',
      'arabic',
      '00',
    ),
  )
  .map(([national, nc, ic, seed, style]) => {
    const country = national ? nc : ic;
    const e164 = phoneOf(country, seed) ?? getExampleNumber(country, examples)!.number;
    const p = parsePhoneNumberFromString(e164)!;
    const intl = p.formatInternational();
    const nat = p.formatNational();
    const base = national ? nat : intl;
    const text =
      style === 'national'
        ? nat
        : style === 'international'
          ? intl
          : style === 'e164'
            ? e164
            : style === 'dots'
              ? base.replace(/ /g, '.')
              : style === 'dashes'
                ? base.replace(/ /g, '-')
                : style === 'fullwidth'
                  ? fullWidth(base)
                  : style === 'arabic'
                    ? arabicIndic(base)
                    : intl.replace(/^\+/, '00');
    // National formats of countries outside the detector's list are not promised.
    const usable = national || style !== 'national' ? text : intl;
    return { text: usable, secret: String(p.nationalNumber), kind: 'phone' as const };
  });

const luhnCheck = (partial: string): number => {
  for (let c = 0; c < 10; c++) {
    let sum = 0;
    const digits = partial + c;
    for (let i = digits.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
      let d = Number(digits[i]);
      if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return c;
  }
  return 0;
};

export const card: fc.Arbitrary<Pii> = fc
  .tuple(
    fc.constantFrom('4', '51', '55', '2221', '34', '37', '6011', '35', '62'),
    fc.integer({ min: 13, max: 19 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
    fc.constantFrom(' ', '-', '.', '', ' - ', '/', '\u00a0', '\u2011', '\u200b'),
    fc.constantFrom(4, 5, 6),
    fc.boolean(),
  )
  .map(([prefix, length, fill, sep, group, wide]) => {
    const partial = (prefix + fill.join('')).slice(0, length - 1);
    const digits = partial + luhnCheck(partial);
    const grouped = digits.replace(new RegExp(`(\\d{${group}})(?=\\d)`, 'g'), `$1${sep}`);
    return { text: wide ? fullWidth(grouped) : grouped, secret: digits, kind: 'card' as const };
  });

// prettier-ignore
const IBAN_SHAPES: [string, number][] = [
  ['DE', 18], ['GB', 18], ['FR', 23], ['ES', 20], ['NL', 14], ['NO', 11], ['IT', 23], ['CH', 17],
];

function ibanCheck(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.toUpperCase();
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return String(98 - remainder).padStart(2, '0');
}

export const iban: fc.Arbitrary<Pii> = fc
  .tuple(
    fc.constantFrom(...IBAN_SHAPES),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 30, maxLength: 30 }),
    fc.constantFrom('upper', 'lower', 'mixed'),
    fc.constantFrom(' ', '', '-', '.'),
  )
  .map(([[country, length], fill, casing, sep]) => {
    const bban = fill.join('').slice(0, length);
    const compact = country + ibanCheck(country, bban) + bban;
    const grouped = compact.replace(/(.{4})(?=.)/g, `$1${sep}`);
    const text =
      casing === 'lower'
        ? grouped.toLowerCase()
        : casing === 'mixed'
          ? grouped.slice(0, 2).toLowerCase() + grouped.slice(2)
          : grouped;
    return { text, secret: compact.slice(4), kind: 'iban' as const };
  });

export const pii: fc.Arbitrary<Pii> = fc.oneof(email, phone, card, iban);

// prettier-ignore
const fillerWord = fc.constantFrom(
  'hello', 'please', 'refund', 'my', 'card', 'call', 'me', 'at', 'thanks', 'hola', 'llámame',
  'bitte', 'anrufen', 'こんにちは', 'شكرا', 'or', 'write', 'to', 'is', ':', ',', '(', ')',
);

/** Free text with personal data inside it, and the personal data it holds. */
export const textWithPii: fc.Arbitrary<{ text: string; secrets: Pii[] }> = fc
  .array(
    fc.oneof(
      fillerWord.map((w) => ({ word: w }) as const),
      pii.map((p) => ({ p })),
    ),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .filter((parts) => parts.some((x) => 'p' in x))
  .map((parts) => ({
    // Two numbers side by side with only a space between read as one even to a person.
    text: parts
      .map((x, i) =>
        'p' in x ? (i > 0 && 'p' in parts[i - 1]! ? `, ${x.p.text}` : x.p.text) : x.word,
      )
      .join(' '),
    secrets: parts.flatMap((x) => ('p' in x ? [x.p] : [])),
  }));

/** Folds like the detector does for comparison: NFKC, digits of any script as ASCII. */
export function foldForCheck(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x660))
    .toLowerCase();
}

/** Whether `text` still shows this personal data (its address, or its digit sequence). */
export function leaks(text: string, p: Pii): boolean {
  const folded = foldForCheck(text);
  if (p.kind === 'email') return folded.includes(p.secret.normalize('NFKC'));
  return folded.replace(/[^0-9a-z]/g, '').includes(p.secret.toLowerCase());
}

/** Ordinary numbers customers and brands write: never redacted. */
export const ORDINARY = [
  'Order FH-552310 arrived on 2026-03-14',
  'Order #44172231 is late',
  'order number 912345678 has not shipped',
  'Invoice 2024-000123 is attached',
  'invoice no. 2024-000123',
  'Rechnung 2024-000123 vom 14.03.2026',
  'Pedido 100234567 enviado el 14/03/2026',
  'Tracking 1Z999AA10123456784',
  'Tracking number 9400 1118 9922 3197 4284 90',
  'Tracking 4539 1488 0343 6468 (not a valid card)',
  'It weighs 1.9 kg and costs €449',
  'Total: 1 234 567 kr',
  'You were charged $1,299.00 on 03/14/2026',
  'Version 10.4.2 of the firmware',
  'firmware v2.13.1045 build 20260314',
  'DE00 1234 5678 9012 3456 78 is not a valid IBAN',
  'Meeting at 10:30 on 2026-03-14, room 204',
  'Ticket #123456789 was merged',
  'ref 2026-03-14-0042',
  'SKU 400638133393 is out of stock',
  'Case 12345678 escalated',
  '注文番号 2024-000123',
];
