import { fold, type QueryTerm } from './query';

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

const WORD = /[\p{L}\p{N}]+/gu;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** Markdown to a single line of plain text, good enough for a result snippet. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the query's terms occur in `text`, as whole words (or word starts, for a prefix). */
function findHits(text: string, terms: readonly QueryTerm[]): Hit[] {
  if (terms.length === 0) return [];
  const hits: Hit[] = [];
  if (!NON_ASCII.test(text)) {
    // Fast path: one regex pass; ASCII case-folding keeps offsets.
    const alternatives = terms.map(
      (t) => `(${escape(t.text)}${t.prefix ? '[a-z0-9]*' : ''})(?![a-z0-9])`,
    );
    const pattern = new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})`, 'gi');
    for (const m of text.matchAll(pattern)) {
      const term = m.slice(1).findIndex((g) => g !== undefined);
      hits.push({ start: m.index, end: m.index + m[0].length, term });
    }
    return hits;
  }
  for (const m of text.matchAll(WORD)) {
    const folded = fold(m[0]);
    const term = terms.findIndex((t) => (t.prefix ? folded.startsWith(t.text) : folded === t.text));
    if (term >= 0) hits.push({ start: m.index, end: m.index + m[0].length, term });
  }
  return hits;
}

export function highlight(text: string, terms: readonly QueryTerm[]): Highlighted {
  return { text, highlights: findHits(text, terms).map((h) => [h.start, h.end]) };
}

/** Start of the stretch of about `span` characters with the most distinct terms, then hits. */
function bestAnchor(hits: readonly Hit[], span: number): number {
  let anchor = 0;
  let bestScore = -1;
  let j = 0;
  for (let i = 0; i < hits.length; i++) {
    while (j < hits.length && hits[j]!.end <= hits[i]!.start + span) j++;
    const inWindow = hits.slice(i, j);
    const score = new Set(inWindow.map((h) => h.term)).size * 1000 + inWindow.length;
    if (score > bestScore) {
      bestScore = score;
      anchor = hits[i]!.start;
    }
  }
  return anchor;
}

/**
 * About `size` characters around the stretch with the most distinct query terms (then the most
 * hits), with the ranges of those terms. Plain text out: the renderer wraps ranges in <mark>,
 * so nothing from an article is ever interpreted as markup.
 */
export function snippet(markdown: string, terms: readonly QueryTerm[], size = 200): Highlighted {
  // Pick the region on the raw markdown, and clean only that region.
  const rawAnchor = bestAnchor(findHits(markdown, terms), size * 0.8);
  const regionStart = Math.max(0, rawAnchor - size);
  const text = plainText(markdown.slice(regionStart, rawAnchor + size * 2));
  const cutBefore = regionStart > 0;
  const cutAfter = rawAnchor + size * 2 < markdown.length;
  const hits = findHits(text, terms);
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
