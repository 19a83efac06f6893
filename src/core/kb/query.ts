/**
 * Turns what the advocate typed into FTS5 terms. Tokens follow FTS5's `unicode61
 * remove_diacritics 2` tokenizer (letters and digits, case- and accent-folded), and every term
 * is quoted, so no input can inject FTS5 query syntax.
 */
export interface QueryTerm {
  text: string;
  /** The word still being typed: matches any term that starts with it. */
  prefix: boolean;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
/** Shorter prefixes match most of the index and are not worth a lookup (the prefix index starts at 2). */
export const MIN_PREFIX = 2;
const MAX_TERMS = 8;

export function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function tokenize(text: string): string[] {
  return fold(text).match(TOKEN) ?? [];
}

/** The last word is a prefix unless the query ends with a space (the advocate finished it). */
export function parseQuery(text: string): QueryTerm[] {
  const words = tokenize(text);
  const typing = words.length > 0 && !/[\s\p{P}]$/u.test(text);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  words.forEach((word, i) => {
    const prefix = typing && i === words.length - 1;
    if (prefix && word.length < MIN_PREFIX && words.length > 1) return;
    const key = `${word}${prefix ? '*' : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    terms.push({ text: word, prefix: prefix && word.length >= MIN_PREFIX });
  });
  return terms.slice(0, MAX_TERMS);
}

export function ftsTerm(term: QueryTerm): string {
  return `"${term.text.replaceAll('"', '""')}"${term.prefix ? '*' : ''}`;
}

/** All terms must match. */
export function allOf(terms: readonly QueryTerm[]): string {
  return terms.map(ftsTerm).join(' AND ');
}

export function anyOf(terms: readonly QueryTerm[]): string {
  return terms.map(ftsTerm).join(' OR ');
}

export function inTitle(expr: string): string {
  return `{title} : (${expr})`;
}
