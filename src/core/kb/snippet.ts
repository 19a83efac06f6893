import { CJK, fold, stem, type Language } from './analyze';
import { markdownPlainText } from '../../shared/markdown/plainText';
import type { QueryTerm } from './query';

/** Character ranges `[start, end)` of matched words in a piece of plain text. */
export type Highlights = [number, number][];

export interface Highlighted {
  text: string;
  highlights: Highlights;
}

interface Hit {
  start: number;
  end: number;
  term: number;
}

/**
 * Work on a long article stays bounded: a regular expression finds candidate words (those
 * starting like a query term's stem) in the first `SCAN` characters, at most `MAX_CANDIDATES`
 * of them are analyzed, and the snippet window is chosen among the matches within `NEAR`
 * characters of the first one.
 */
const SCAN = 50_000;
const NEAR = 2_000;
const MAX_CANDIDATES = 200;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
const LATIN_START = /^[\p{Script=Latin}\p{N}]/u;

/** What a word must start with to possibly be a form of `form` (stems drop a word's ending). */
const root = (form: string) => (form.length > 4 ? form.slice(0, -1) : form);

export interface Highlighter {
  highlight(text: string, language: Language): Highlighted;
  snippet(markdown: string, language: Language, size?: number): Highlighted;
}

/** Highlights and snippets for one query's terms, matched as the index matched them. */
export function highlighter(terms: readonly QueryTerm[]): Highlighter {
  const roots = new Set<string>();
  for (const t of terms) {
    for (const v of t.variants) roots.add(root(v));
    if (t.prefix) roots.add(fold(t.text));
  }
  const alternatives = [...roots]
    .filter((r) => r.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((r) => {
      const e = escape(r);
      if (CJK.test(r)) return e; // CJK words are not space-separated: the form itself
      if (LATIN_START.test(r)) return `(?<![\\p{L}\\p{N}\\p{M}])${e}[\\p{L}\\p{N}\\p{M}]*`;
      return `[\\p{L}\\p{M}]*${e}[\\p{L}\\p{N}\\p{M}]*`; // e.g. Arabic: prefixes before the stem
    });
  const source = alternatives.join('|');
  // Built when first needed: a pattern with Unicode classes costs a millisecond or more to
  // build. On lower-cased text the search needs no case folding; on ASCII text, no Unicode.
  let pattern: RegExp | undefined;
  let lowerPattern: RegExp | undefined;
  const asciiRoots = [...roots].filter((r) => r.length > 0 && ASCII.test(r));
  const asciiPattern =
    asciiRoots.length > 0
      ? new RegExp(`(?<![a-z0-9])(?:${asciiRoots.map(escape).join('|')})[a-z0-9]*`, 'g')
      : null;
  const patternFor = (text: string): [RegExp | null, string] => {
    if (alternatives.length === 0) return [null, text];
    const lower = text.toLowerCase();
    if (lower.length !== text.length) return [(pattern ??= new RegExp(source, 'giu')), text];
    if (ASCII.test(lower)) return [asciiPattern, lower];
    return [(lowerPattern ??= new RegExp(source, 'gu')), lower];
  };

  const seen = new Map<string, number>();
  const termOf = (word: string, language: Language): number => {
    const key = `${language}:${word}`;
    let term = seen.get(key);
    if (term === undefined) {
      term = termOfWord(word, language);
      if (seen.size > 10_000) seen.clear();
      seen.set(key, term);
    }
    return term;
  };
  const termOfWord = (word: string, language: Language): number => {
    const folded = fold(word);
    const key = CJK.test(word) ? folded : stem(word.toLowerCase(), language);
    return terms.findIndex(
      (t) =>
        t.variants.includes(key) ||
        (CJK.test(word) && t.variants.some((v) => v === folded)) ||
        (t.prefix && (folded.startsWith(fold(t.text)) || key.startsWith(fold(t.text)))),
    );
  };

  /** Matches in `text`, in order; `bounded`: only near the first, within the first `SCAN`. */
  const find = (whole: string, language: Language, bounded: boolean): Hit[] => {
    const [pattern, text] = patternFor(bounded ? whole.slice(0, SCAN) : whole);
    if (!pattern) return [];
    const hits: Hit[] = [];
    let candidates = 0;
    let end = Infinity;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m && m.index < end; m = pattern.exec(text)) {
      if (bounded && ++candidates > MAX_CANDIDATES) break;
      const term = termOf(m[0], language);
      if (term < 0) continue;
      if (hits.length === 0 && bounded) end = m.index + NEAR;
      hits.push({ start: m.index, end: m.index + m[0].length, term });
    }
    return hits;
  };

  return {
    highlight: (text, language) => ({
      text,
      highlights: find(text, language, false).map((h) => [h.start, h.end]),
    }),
    snippet: (markdown, language, size = 200) =>
      snippetOf(markdown, size, (t) => find(t, language, true)),
  };
}

/** Start of the stretch of about `span` characters with the most distinct terms, then hits. */
function bestAnchor(hits: readonly Hit[], span: number): number {
  let anchor = 0;
  let bestScore = -1;
  const inWindow = new Map<number, number>();
  let j = 0;
  for (let i = 0; i < hits.length; i++) {
    while (j < hits.length && hits[j]!.end <= hits[i]!.start + span) {
      inWindow.set(hits[j]!.term, (inWindow.get(hits[j]!.term) ?? 0) + 1);
      j++;
    }
    const score = inWindow.size * 1000 + (j - i);
    if (score > bestScore) {
      bestScore = score;
      anchor = hits[i]!.start;
    }
    const left = inWindow.get(hits[i]!.term)! - 1;
    if (left === 0) inWindow.delete(hits[i]!.term);
    else inWindow.set(hits[i]!.term, left);
  }
  return anchor;
}

/**
 * About `size` characters around the stretch with the most distinct query terms (then the most
 * hits), with the ranges of those terms. Plain text out: the renderer wraps ranges in <mark>,
 * so nothing from an article is ever interpreted as markup.
 */
function snippetOf(markdown: string, size: number, find: (text: string) => Hit[]): Highlighted {
  // Pick the region on the raw markdown, and clean only that region.
  const rawAnchor = bestAnchor(find(markdown), size * 0.8);
  const regionStart = Math.max(0, rawAnchor - size);
  const text = markdownPlainText(markdown.slice(regionStart, rawAnchor + size * 2));
  const cutBefore = regionStart > 0;
  const cutAfter = rawAnchor + size * 2 < markdown.length;
  const hits = find(text);
  const anchor = cutBefore && hits.length === 0 ? 0 : bestAnchor(hits, size * 0.8);
  let from = Math.max(0, anchor - Math.round(size * 0.2));
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < anchor ? space + 1 : anchor;
  }
  let to = Math.min(text.length, from + size);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from) to = space;
  }
  const lead = from > 0 || cutBefore ? '… ' : '';
  const offset = lead.length - from;
  return {
    text: lead + text.slice(from, to) + (to < text.length || cutAfter ? ' …' : ''),
    highlights: hits
      .filter((h) => h.start >= from && h.end <= to)
      .map((h) => [h.start + offset, h.end + offset]),
  };
}
