/**
 * Tier-0 redaction: e-mail addresses, phone numbers, card numbers and IBANs in free text are
 * replaced by a visible marker, so an advocate below tier 1 can still work the case without
 * seeing them. Ordinary numbers (orders, invoices, dates, amounts, versions) are left alone.
 *
 * Detection runs on a folded copy of the text (NFKC, every decimal digit as ASCII, dashes and
 * ideographic full stops unified, invisible format characters dropped) and replaces the matching
 * stretch of the original text, so full-width digits or a zero-width space cannot hide a number.
 * Pure; used by the server.
 */
import { type CountryCode, findNumbers } from 'libphonenumber-js/max';
import { type RedactionKind, redactionMarkers } from './redactionMarkers';

export { type RedactionKind, redactionMarkers };

export interface Redaction {
  text: string;
  /** Each kind found, once, in detection order (IBAN, card, e-mail, phone). */
  found: RedactionKind[];
}

interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
}

// ------------------------------------------------------------------ folding

interface Folded {
  text: string;
  /**
   * For each UTF-16 index of `text`, where its source character starts / ends in the original;
   * null when `text` is the original.
   */
  from: number[] | null;
  to: number[] | null;
}

const DECIMAL = /\p{Nd}/u;
const INVISIBLE = /[\p{Cf}\u00ad]/u;
const DASH = /[\u2010-\u2015\u2212\ufe58\ufe63]/;
const SPACE = /\s/;

/** Value of a decimal digit of any script: digits come in runs of ten starting at zero. */
function digitValue(cp: number): number {
  let back = 0;
  while (back < 100 && DECIMAL.test(String.fromCodePoint(cp - back - 1))) back++;
  return back % 10;
}

const PLAIN_ASCII = /^[\x20-\x7e\t\n\r]*$/;

function fold(original: string): Folded {
  // Printable ASCII folds to itself: skip the per-character work.
  if (PLAIN_ASCII.test(original)) return { text: original, from: null, to: null };
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of original) {
    const next = i + ch.length;
    if (!INVISIBLE.test(ch)) {
      for (const c of ch.normalize('NFKC')) {
        let out = c;
        if (DECIMAL.test(c) && (c < '0' || c > '9')) out = String(digitValue(c.codePointAt(0)!));
        else if (DASH.test(c)) out = '-';
        else if (c === '\u3002' || c === '\uff61') out = '.';
        else if (SPACE.test(c)) out = ' ';
        for (let k = 0; k < out.length; k++) {
          from.push(i);
          to.push(next);
        }
        text += out;
      }
    }
    i = next;
  }
  return { text, from, to };
}

// ------------------------------------------------------------------ checksums

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 check, any case, separators ignored: first four characters to the end, mod 97 = 1. */
export function ibanValid(candidate: string): boolean {
  const iban = candidate.replace(/[ .-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

// ------------------------------------------------------------------ IBAN

/** IBAN length per country (ISO 13616 registry). */
// prettier-ignore
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29,
  BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29,
  ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20,
  LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19,
  MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29,
  PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24,
  SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

const IBAN_START = /(?<![\p{L}\p{N}])([A-Za-z]{2})\d{2}/gu;
const ALNUM = /[A-Za-z0-9]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function ibans(t: string): Span[] {
  const out: Span[] = [];
  for (const m of t.matchAll(IBAN_START)) {
    const length = IBAN_LENGTH[m[1]!.toUpperCase()];
    if (!length) continue;
    let chars = '';
    let j = m.index;
    while (j < t.length && chars.length < length) {
      if (ALNUM.test(t[j]!)) chars += t[j++];
      else if (/[ .-]/.test(t[j]!) && ALNUM.test(t[j + 1] ?? '')) j++;
      else break;
    }
    if (chars.length === length && !WORD_CHAR.test(t[j] ?? '') && ibanValid(chars))
      out.push({ start: m.index, end: j, kind: 'iban' });
  }
  return out;
}

// ------------------------------------------------------------------ cards

/** Digit groups joined by separators (spaces, dots, dashes, slashes, underscores). */
const DIGIT_RUN = /\d+(?:[ ._/-]{1,3}\d+)*/g;

/**
 * A whole digit run of 13–19 digits that passes Luhn, or such a run's leading groups when only
 * an expiry date or security code follows (at most 7 more digits in short groups). Stretches in
 * the middle of longer runs are tracking or reference numbers, not cards.
 */
function cards(t: string): Span[] {
  const out: Span[] = [];
  for (const run of t.matchAll(DIGIT_RUN)) {
    // No card number starts with 0, and `+…` is a phone in international form.
    if (run[0].startsWith('0') || t[run.index - 1] === '+') continue;
    const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({
      end: run.index + g.index + g[0].length,
      digits: g[0],
    }));
    const total = groups.reduce((n, g) => n + g.digits.length, 0);
    let digits = '';
    let end = -1;
    for (let j = 0; j < groups.length && digits.length <= 19; j++) {
      digits += groups[j]!.digits;
      const tail = groups.slice(j + 1);
      const plausible =
        tail.length === 0 ||
        (total - digits.length <= 7 && tail.every((g) => g.digits.length <= 4));
      if (digits.length >= 13 && digits.length <= 19 && plausible && luhnValid(digits))
        end = groups[j]!.end;
    }
    if (end >= 0) out.push({ start: run.index, end, kind: 'card' });
  }
  return out;
}

// ------------------------------------------------------------------ e-mail

const LOCAL = String.raw`[\p{L}\p{M}\p{N}._%+'-]`;
const LABEL = String.raw`[\p{L}\p{M}\p{N}-]+`;
const EMAIL = new RegExp(
  String.raw`(?<!${LOCAL})${LOCAL}+@(?:${LABEL}\.)+[\p{L}\p{M}]{2,}(?![\p{L}\p{M}\p{N}])`,
  'gu',
);

const emails = (t: string): Span[] =>
  [...t.matchAll(EMAIL)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: 'email' as const,
  }));

// ------------------------------------------------------------------ phones

/**
 * National formats are read as each of these countries would dial them; a number in
 * international form (`+…`, `00…`) is recognised whatever the country.
 */
// prettier-ignore
export const PHONE_COUNTRIES: readonly CountryCode[] = [
  'US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'NO', 'SE', 'PL', 'PT', 'BR', 'MX', 'AR', 'IN',
  'JP', 'AU', 'SA', 'AE', 'TR', 'KR', 'CN', 'RU', 'ZA', 'CH', 'AT', 'BE', 'IE', 'DK', 'FI',
  'CO', 'CL', 'PH', 'ID', 'EG',
];

/**
 * Where a phone number could be: digits with at most two dialling punctuation characters
 * between any two of them (`+1 (415) 555-2671`); a wider gap starts another stretch.
 */
const PHONE_AREA = /(?<![\p{L}\p{N}])\(?\+?\(?\d(?:[ ()./-]{0,2}\d){5,}\)?/gu;

/** Words that say the number after them is an identifier, not a phone (last one or two words). */
const IDENTIFIER_WORD =
  /(?:^|[^\p{L}])(?:orders?|invoices?|inv|refs?|reference|tracking|track|shipments?|parcels?|packages?|tickets?|cases?|versions?|ver|v|builds?|sku|items?|articles?|art|receipts?|po|pedidos?|facturas?|referencia|seguimiento|rechnung|bestellung|auftrag|sendung|commande|facture|suivi|ordine|fattura|ordre|faktura|注文|請求書|伝票|طلب|فاتورة)[^\p{L}\p{N}]{0,3}(?:(?:no|nr|num|number|nummer|número|n°|id)[^\p{L}\p{N}]{0,3})?$/iu;
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
/** `2024-000123`: a year, then a serial. */
const YEAR_SERIAL = /^(?:19|20)\d\d[-./ ]\d+$/;
const MONEY_BEFORE = /[$€£¥₹₩₽]\s?$/u;
const MONEY_AFTER = /^\s?(?:[$€£¥₹₩₽%]|(?:eur|usd|gbp|nok|sek|dkk|chf|jpy|kr)(?![\p{L}]))/iu;

/** Context that says a number in national form is an identifier, a date or an amount. */
function identifierContext(t: string, start: number, end: number): boolean {
  const match = t.slice(start, end);
  const before = t.slice(Math.max(0, start - 40), start);
  return (
    /[#№]\s?$/.test(before) ||
    IDENTIFIER_WORD.test(before) ||
    DATE_LIKE.test(match) ||
    YEAR_SERIAL.test(match) ||
    MONEY_BEFORE.test(before) ||
    MONEY_AFTER.test(t.slice(end, end + 5))
  );
}

const INTERNATIONAL = /^\(?(?:\+|00)/;

function looksLikePhone(t: string, start: number, end: number): boolean {
  const match = t.slice(start, end);
  const digits = match.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 17) return false;
  // Part of a longer digit stretch (a tracking or card number): not a phone on its own.
  if (/^\d/.test(match) && /\d[ ./-]?$/.test(t.slice(Math.max(0, start - 2), start))) return false;
  if (/^[ ./-]?\d/.test(t.slice(end, end + 2))) return false;
  return INTERNATIONAL.test(match) || !identifierContext(t, start, end);
}

function phones(t: string): Span[] {
  const out: Span[] = [];
  for (const area of t.matchAll(PHONE_AREA)) {
    const areaEnd = area.index + area[0].length;
    if (area[0].replace(/\D/g, '').length < 7) continue;
    // The cheap checks first: an order number or a date needs no phone library.
    if (!INTERNATIONAL.test(area[0]) && identifierContext(t, area.index, areaEnd)) continue;
    const found: Span[] = [];
    const firstDigit = area.index + area[0].search(/\d/);
    const lastDigit = area.index + area[0].length - [...area[0]].reverse().join('').search(/\d/);
    for (const country of PHONE_COUNTRIES) {
      for (const n of findNumbers(area[0], { defaultCountry: country, v2: true })) {
        const start = area.index + n.startsAt;
        const end = area.index + n.endsAt;
        // Each country's reading is judged on its own; the accepted ones are merged.
        if (!looksLikePhone(t, start, end)) continue;
        const overlapping = found.find((f) => f.start < end && start < f.end);
        if (!overlapping) found.push({ start, end, kind: 'phone' });
        else {
          overlapping.start = Math.min(overlapping.start, start);
          overlapping.end = Math.max(overlapping.end, end);
        }
      }
      // Once one reading covers every digit, other countries cannot add to it.
      if (found.some((f) => f.start <= firstDigit && f.end >= lastDigit)) break;
    }
    out.push(...found);
  }
  return out;
}

// ------------------------------------------------------------------ redaction

const DETECTORS: ((t: string) => Span[])[] = [ibans, cards, emails, phones];

export function redactPersonalData(text: string): Redaction {
  if (text === '') return { text, found: [] };
  const folded = fold(text);
  // Every kind needs an @ or at least seven digits: most text is done here.
  if (!folded.text.includes('@') && (folded.text.match(/\d/g)?.length ?? 0) < 7)
    return { text, found: [] };
  const taken: Span[] = [];
  let rest = folded.text;
  for (const detect of DETECTORS) {
    const spans = detect(rest);
    taken.push(...spans);
    // Later detectors see what earlier ones took as line breaks, which no pattern spans.
    for (const s of spans)
      rest = rest.slice(0, s.start) + '\n'.repeat(s.end - s.start) + rest.slice(s.end);
  }
  if (taken.length === 0) return { text, found: [] };
  const found = [...new Set(taken.map((s) => s.kind))];
  taken.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of taken) {
    const start = folded.from ? folded.from[s.start]! : s.start;
    out += text.slice(at, start) + redactionMarkers[s.kind];
    at = folded.to ? folded.to[s.end - 1]! : s.end;
  }
  return { text: out + text.slice(at), found };
}
