import type { ArticleRow } from '../src/core/kb/articleRepo';

/**
 * A seeded synthetic knowledge base: pronounceable words drawn from a Zipf-like distribution
 * (rank r has weight 1/r), titles of 4–9 words, bodies of ~300 words, a few tags.
 */
export type CorpusArticle = Omit<ArticleRow, 'docId' | 'language'>;

/** Mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const onsets = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cl',
  'st',
  'tr',
  'sh',
  'ch',
  'pl',
];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
const codas = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'ck', 'nd'];

export function vocabulary(size: number, random: () => number): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  while (words.length < size) {
    // Frequent words are short, as in real text.
    const syllables =
      words.length < 200 ? 1 : words.length < 5000 ? 2 : 2 + Math.floor(random() * 2);
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(onsets) + pick(vowels) + pick(codas);
    if (w.length < 2 || seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  return words;
}

/** A table mapping a uniform draw to a word rank with probability ∝ 1/(rank+1). */
export function zipfSampler(size: number, random: () => number, tableBits = 21): () => number {
  const n = 1 << tableBits;
  const table = new Int32Array(n);
  let h = 0;
  for (let r = 1; r <= size; r++) h += 1 / r;
  let cum = 0;
  let slot = 0;
  for (let r = 0; r < size; r++) {
    cum += 1 / (r + 1) / h;
    const end = Math.min(n, Math.round(cum * n));
    while (slot < end) table[slot++] = r;
  }
  while (slot < n) table[slot++] = size - 1;
  return () => table[(random() * n) | 0]!;
}

export interface Corpus {
  words: string[];
  nextRank: () => number;
  random: () => number;
  articles: (count: number) => Generator<CorpusArticle>;
}

export function corpus(seed: number, vocabSize = 40_000): Corpus {
  const random = rng(seed);
  const words = vocabulary(vocabSize, random);
  const nextRank = zipfSampler(vocabSize, random);
  const tagPool = [
    'billing',
    'refunds',
    'shipping',
    'account',
    'login',
    'orders',
    'returns',
    'privacy',
    'payments',
    'delivery',
    'warranty',
    'subscriptions',
  ];
  const sentence = (n: number): string => {
    const parts = new Array<string>(n);
    for (let i = 0; i < n; i++) parts[i] = words[nextRank()]!;
    return parts.join(' ');
  };
  function* articles(count: number): Generator<CorpusArticle> {
    const start = Date.UTC(2025, 0, 1);
    for (let i = 0; i < count; i++) {
      const paragraphs: string[] = [];
      let left = 270 + Math.floor(random() * 60);
      while (left > 0) {
        const n = Math.min(left, 40 + Math.floor(random() * 40));
        paragraphs.push(sentence(n) + '.');
        left -= n;
      }
      yield {
        id: `a${i}`,
        brandId: i % 10 === 0 ? 'brand-b' : 'brand-a',
        title: sentence(4 + Math.floor(random() * 6)),
        body: paragraphs.join('\n\n'),
        tags: [tagPool[i % tagPool.length]!, tagPool[(i * 7 + 3) % tagPool.length]!],
        updatedAt: start + i * 60_000,
      };
    }
  }
  return { words, nextRank, random, articles };
}

export interface BenchQueries {
  word1: string[];
  /** One-word queries of the 100 most frequent words only (the worst case). */
  common1: string[];
  word2: string[];
  prefix: string[];
}

/**
 * The same queries for every engine. Words come in equal parts from the 100 most frequent
 * words (in nearly every article), ranks 100–2,000 (common) and the rest (rare). Finished words
 * end with a space; a prefix query is the word being typed (2+ letters), alone or after a word.
 */
export function benchQueries(words: readonly string[], count: number, seed = 7): BenchQueries {
  const random = rng(seed);
  const rank = (from: number, to: number) => from + Math.floor(random() * (to - from));
  const word = () => {
    const band = Math.floor(random() * 3);
    return words[
      band === 0 ? rank(0, 100) : band === 1 ? rank(100, 2000) : rank(2000, words.length)
    ]!;
  };
  const typing = () => {
    const w = word();
    return w.slice(
      0,
      Math.max(2, Math.min(w.length - 1, 2 + Math.floor(random() * (w.length - 2)))),
    );
  };
  const list = (make: () => string) => Array.from({ length: count }, make);
  return {
    word1: list(() => `${word()} `),
    common1: list(() => `${words[rank(0, 100)]!} `),
    word2: list(() => `${word()} ${word()} `),
    prefix: list(() => (random() < 0.5 ? typing() : `${word()} ${typing()}`)),
  };
}
