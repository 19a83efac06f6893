/**
 * Turns what the advocate typed into FTS5 terms over the analyzed index (analyze.ts). Every
 * term is quoted, so no input can inject FTS5 query syntax.
 */
import {
  CJK,
  fold,
  isAskingWord,
  isQuestion,
  isStopWord,
  stemVariants,
  words,
  type Language,
} from './analyze';

export interface QueryTerm {
  /** The word as typed, lower case. */
  text: string;
  /** The word still being typed: also matches any index term that starts with it. */
  prefix: boolean;
  /** The index terms it stands for (its stems; or the index's own words for a misspelling). */
  variants: string[];
  /** A function word (or, in a question, a word of the asking): the query need not match it. */
  stop: boolean;
  /** The words, folded, it literally is (the typed one, or a misspelling's corrections). */
  forms: string[];
}

/** Shorter prefixes match most of the index and are not worth a lookup (the prefix index starts at 2). */
export const MIN_PREFIX = 2;
const MAX_TERMS = 8;

/** `languages`: those the articles are in (a word's stem in any other matches nothing). */
export function term(text: string, prefix: boolean, languages?: readonly Language[]): QueryTerm {
  return {
    text,
    prefix,
    variants: stemVariants(text, languages),
    stop: isStopWord(text),
    forms: [fold(text)],
  };
}

/** The last word is a prefix unless the query ends with a space (the advocate finished it). */
export function parseQuery(text: string, languages?: readonly Language[]): QueryTerm[] {
  const list = words(text).map((w) => w.text);
  const question = isQuestion(text, list[0]);
  const typing = list.length > 0 && !/[\s\p{P}]$/u.test(text);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  list.forEach((word, i) => {
    const prefix = typing && i === list.length - 1;
    // One CJK character is a word's worth of meaning; one Latin letter is not.
    const long = word.length >= MIN_PREFIX || CJK.test(word);
    if (prefix && !long && list.length > 1) return;
    const key = `${word}${prefix ? '*' : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    terms.push(term(word, prefix && long, languages));
  });
  // In a question, words of the asking are optional too, unless they are all the topic there is
  // ("how to use works with").
  const asking = (t: QueryTerm) => question && !t.stop && isAskingWord(t.text);
  if (terms.some((t) => !t.stop && !asking(t))) for (const t of terms) if (asking(t)) t.stop = true;
  // The cap keeps the words that must match: function words only fill what room is left.
  const content = terms.filter((t) => !t.stop).slice(0, MAX_TERMS);
  const room = MAX_TERMS - content.length;
  const kept = new Set([...content, ...terms.filter((t) => t.stop).slice(0, room)]);
  return terms.filter((t) => kept.has(t));
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** One query word as an FTS5 expression: any of its forms. */
export function ftsTerm(t: QueryTerm): string {
  const forms = t.variants.map(quote);
  if (t.prefix) {
    const typed = fold(t.text);
    forms.push(`${quote(typed)}*`);
  }
  const unique = [...new Set(forms)];
  return unique.length === 1 ? unique[0]! : `(${unique.join(' OR ')})`;
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
