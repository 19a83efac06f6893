/**
 * Spelling correction from the articles' own words (`kb_vocab`): the words closest to a
 * misspelled one by edit distance (a swap of neighbours counts as one edit), answered as their
 * index terms. Candidates come from narrow ranges of two sorted indexes (by word, and by word
 * without its first letter) chosen so that one edit anywhere, the first two letters included,
 * is found without reading the whole vocabulary; only a miss there widens to the first letter.
 */
import type { Db } from '../db/open';
import { prefixEnd, vocabularyRange, type VocabularyEntry } from './articleRepo';

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

export interface Correction {
  /** Index terms, best first. */
  terms: string[];
  /** The vocabulary words behind them, as written in the articles (folded). */
  words: string[];
  /** Those of `words` whose index term is one of `terms`. */
  chosen: string[];
}

/**
 * Index terms of the words nearest to `word` (folded), best first: fewest edits, then most
 * articles (`count`). Only terms that some article holds now.
 */
export function corrections(
  db: Db,
  word: string,
  count: (term: string) => number,
  take = 2,
): Correction {
  if (word.length < MIN_CORRECTED) return { terms: [], words: [], chosen: [] };
  const max = maxEdits(word.length);
  const w = [...word];
  const lookups: ['word' | 'tail', string][] = [
    ['word', w[0]! + w[1]!], // an edit after the second letter
    ['word', w[1]! + w[0]!], // the first two swapped
    ['word', w[1]! + w[2]!], // a letter added in front
    ['word', w[0]! + w[2]!], // a letter added or swapped second
    ['tail', w[0]! + w[1]!], // the first letter dropped
    ['tail', w[1]! + w[2]!], // the first letter wrong
  ];
  const best = new Map<string, number>(); // term → fewest edits
  const nearest = new Map<string, { d: number; term: string }>(); // word → edits, its term
  const consider = (entries: VocabularyEntry[]) => {
    for (const e of entries) {
      const d = editDistance(word, e.word, max);
      if (d > max) continue;
      nearest.set(e.word, { d, term: e.term });
      if (d < (best.get(e.term) ?? Infinity)) best.set(e.term, d);
    }
  };
  const lo = word.length - max;
  const hi = word.length + max;
  for (const [column, prefix] of lookups) {
    consider(vocabularyRange(db, column, prefix, prefixEnd(prefix), lo, hi));
  }
  if (best.size === 0) consider(vocabularyRange(db, 'word', w[0]!, prefixEnd(w[0]!), lo, hi));
  const held = [...best]
    .sort((a, b) => a[1] - b[1])
    .slice(0, 24)
    .map(([term, d]) => ({ term, d, n: count(term) }))
    .filter((c) => c.n > 0);
  const lowest = held[0]?.d;
  const terms = held
    .filter((c) => c.d === lowest)
    .sort((a, b) => b.n - a.n)
    .slice(0, take)
    .map((c) => c.term);
  const closest = [...nearest].filter(([, n]) => n.d === lowest);
  return {
    terms,
    words: closest.map(([w]) => w),
    chosen: closest.filter(([, n]) => terms.includes(n.term)).map(([w]) => w),
  };
}
