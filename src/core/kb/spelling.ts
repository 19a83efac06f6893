/**
 * Spelling correction from the index's own vocabulary (`kb_vocab`): the terms closest to a
 * misspelled word by edit distance (adjacent transpositions count as one edit). Candidates come
 * from small ranges of the sorted vocabulary: terms that share the word's first two letters,
 * or have them swapped, so a lookup reads a sliver of the vocabulary, not all of it.
 */
import type { Db } from '../db/open';
import { vocabularyRange } from './articleRepo';
import { fold } from './analyze';

/** Words shorter than this are not corrected: too many words are one edit away. */
export const MIN_CORRECTED = 4;

export function maxEdits(length: number): number {
  return length <= 5 ? 1 : 2;
}

/** Optimal-string-alignment distance, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

const next = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);

/**
 * Index terms nearest to `forms` (a misspelled word, folded, and its stems), best first:
 * fewest edits, then most articles (`count`). Only terms that some article holds.
 */
export function corrections(
  db: Db,
  forms: readonly string[],
  count: (term: string) => number,
  take = 2,
): string[] {
  const sources = [...new Set(forms.map(fold))].filter((f) => f.length >= MIN_CORRECTED);
  const best = new Map<string, number>();
  for (const source of sources) {
    const max = maxEdits(source.length);
    const prefixes = new Set([source.slice(0, 2), source[1]! + source[0]!]);
    for (const prefix of prefixes) {
      const range = vocabularyRange(
        db,
        prefix,
        next(prefix),
        source.length - max,
        source.length + max,
      );
      for (const term of range) {
        const d = editDistance(source, term, max);
        if (d <= max && d < (best.get(term) ?? Infinity)) best.set(term, d);
      }
    }
  }
  const held = [...best]
    .sort((a, b) => a[1] - b[1])
    .slice(0, 24)
    .map(([term, d]) => ({ term, d, n: count(term) }))
    .filter((c) => c.n > 0);
  const lowest = held[0]?.d;
  return held
    .filter((c) => c.d === lowest)
    .sort((a, b) => b.n - a.n)
    .slice(0, take)
    .map((c) => c.term);
}
