/**
 * Tier-0 redaction: personal data in message bodies is replaced by a visible marker, so an
 * advocate below tier 1 can still work the case without seeing it. Pure; used by the server.
 */

export type RedactionKind = 'email' | 'phone' | 'card' | 'iban';

export const redactionMarkers: Record<RedactionKind, string> = {
  email: '[email removed]',
  phone: '[phone removed]',
  card: '[card number removed]',
  iban: '[IBAN removed]',
};

export interface Redaction {
  text: string;
  /** Each kind found, once, in the order first replaced. */
  found: RedactionKind[];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Two letters, two check digits, then 11–30 alphanumerics, optionally grouped by spaces.
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g;
// 13–19 digits, optionally grouped by single spaces or dashes; Luhn decides.
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
// A run of digits with the usual phone separators; digit count and shape decide.
const PHONE = /(?<![\w+])(?:\+|\(?0)?\d[\d ()./-]{5,}\d(?![\w])/g;

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

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanValid(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

function looksLikePhone(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  // Plain digit runs under 10 digits are more often order numbers or dates than phones.
  return (
    match.startsWith('+') || match.startsWith('(') || match.startsWith('0') || digits.length >= 10
  );
}

export function redactPersonalData(text: string): Redaction {
  const found: RedactionKind[] = [];
  const note = (kind: RedactionKind) => {
    if (!found.includes(kind)) found.push(kind);
    return redactionMarkers[kind];
  };
  let out = text.replace(IBAN, (m) => (ibanValid(m) ? note('iban') : m));
  out = out.replace(CARD, (m) => (luhnValid(m.replace(/\D/g, '')) ? note('card') : m));
  out = out.replace(EMAIL, () => note('email'));
  out = out.replace(PHONE, (m) => (looksLikePhone(m) ? note('phone') : m));
  return { text: out, found };
}
