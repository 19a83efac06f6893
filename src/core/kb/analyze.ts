/**
 * Text to search terms, the same way at index and at query time: words (CJK runs segmented
 * with `Intl.Segmenter`), folded (case, Latin accents, Arabic letter variants), then stemmed with
 * the Snowball stemmer of the article's language. The index holds these terms separated by
 * spaces, under FTS5's `ascii` tokenizer, which splits only on the spaces we put there.
 */
import { stemmer as arabicStem } from '@orama/stemmers/arabic';
import { stemmer as germanStem } from '@orama/stemmers/german';
import { stemmer as spanishStem } from '@orama/stemmers/spanish';
import { stopwords as arabicStop } from '@orama/stopwords/arabic';
import { stopwords as englishStop } from '@orama/stopwords/english';
import { stopwords as germanStop } from '@orama/stopwords/german';
import { stopwords as japaneseStop } from '@orama/stopwords/japanese';
import { stopwords as spanishStop } from '@orama/stopwords/spanish';
import { stem as englishStem } from 'porter2';

export const LANGUAGES = ['en', 'es', 'de', 'ja', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Word {
  /** Lower case (NFKC), unstemmed: stemmers want the accents, so folding comes after. */
  text: string;
  start: number;
  end: number;
}

const RUN = /[\p{L}\p{N}\p{M}]+/gu;
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const ARABIC = /\p{Script=Arabic}/u;
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

const lower = (text: string) => text.normalize('NFKC').toLowerCase();
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** Case, Latin diacritics, Arabic vowel marks and letter variants; kana keep their marks. */
export function fold(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  let w = lower(word);
  {
    w = w
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC');
    if (ARABIC.test(w)) {
      w = w
        .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
        .replace(/[أإآ]/g, 'ا')
        .replace(/ى/g, 'ي')
        .replace(/ة/g, 'ه');
    }
  }
  return w;
}

/** Words of `text` with their character ranges in it, from `from` up to `limit`. */
export function words(text: string, from = 0, limit = Infinity): Word[] {
  const out: Word[] = [];
  eachWord(text, from, limit, (word, start, end) => out.push({ text: lower(word), start, end }));
  return out;
}

function eachWord(
  text: string,
  from: number,
  limit: number,
  visit: (word: string, start: number, end: number) => void,
): void {
  const run = new RegExp(RUN.source, 'gu');
  run.lastIndex = from;
  for (let m = run.exec(text); m && m.index < limit; m = run.exec(text)) {
    if (!CJK.test(m[0])) {
      visit(m[0], m.index, m.index + m[0].length);
      continue;
    }
    for (const s of segmenter.segment(m[0])) {
      if (s.isWordLike) visit(s.segment, m.index + s.index, m.index + s.index + s.segment.length);
    }
  }
}

const stemmers: Record<Language, (word: string) => string> = {
  en: englishStem,
  es: spanishStem,
  de: germanStem,
  ja: (w) => w,
  ar: arabicStem,
};
const stemCaches = Object.fromEntries(LANGUAGES.map((l) => [l, new Map()])) as Record<
  Language,
  Map<string, string>
>;
const CACHE_MAX = 100_000;
const NUMBER = /^\p{N}+$/u;

/** All digits: a number is kept as written, and is nobody's spelling of a word. */
export const isNumber = (word: string): boolean => NUMBER.test(word);

/** The index term of a lower-case word in `language`: stemmed, then folded (memoized). */
export function stem(word: string, language: Language): string {
  const cache = stemCaches[language];
  let s = cache.get(word);
  if (s === undefined) {
    s =
      language === 'ja' || NUMBER.test(word) ? fold(word) : fold(stemmers[language](word)) || word;
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(word, s);
  }
  return s;
}

const stopLists: Record<Language, readonly string[]> = {
  en: englishStop,
  es: spanishStop,
  de: germanStop,
  ja: japaneseStop,
  ar: arabicStop,
};
const stopByLanguage = Object.fromEntries(
  LANGUAGES.map((l) => [l, new Set(stopLists[l].map(fold))]),
) as Record<Language, Set<string>>;
const anyStop = new Set(LANGUAGES.flatMap((l) => [...stopByLanguage[l]]));
/**
 * Function words that tell a Latin-script language: in one language's list only, and of two
 * letters or more (the Spanish list's "a", "s", "v"… are in every code sample and list of names).
 */
const LATIN = ['en', 'es', 'de'] as const;
const telling = new Map<string, (typeof LATIN)[number]>();
for (const l of LATIN) {
  for (const w of stopByLanguage[l]) {
    if (w.length >= 2 && LATIN.every((o) => o === l || !stopByLanguage[o].has(w)))
      telling.set(w, l);
  }
}

/** A function word in any of the languages: a query need not match it. */
export function isStopWord(word: string): boolean {
  return anyStop.has(fold(word));
}

/** Words that open a question, in each language (folded). */
const QUESTION_OPENERS = new Set(
  (
    'how what where when why which who whom can could should would is are do does did will ' +
    'como que donde cuando por cual cuales quien puedo puede se ' +
    'wie was wo wann warum welche welcher welches wer kann konnen muss ist sind'
  ).split(' '),
);
/**
 * Verbs that carry the asking, not the topic, in a question ("how does X work", "can you
 * explain X", "where can I read about X"): optional in a question-shaped query.
 */
const ASKING = new Set(
  (
    'explain explained know read learn find tell work works working mean means meaning happen ' +
    'happens understand need want help about use using ' +
    'explicar explica saber leer aprender encontrar funciona funcionan significa ayuda ' +
    'erklaren erklart wissen lesen lernen finden funktioniert bedeutet hilfe'
  ).split(' '),
);

/** Whether a query asks a question: it opens with a question word or ends with "?". */
export function isQuestion(text: string, first: string | undefined): boolean {
  return /[?？؟]\s*$/.test(text) || /^\s*[¿]/.test(text) || QUESTION_OPENERS.has(fold(first ?? ''));
}

/** A word that, in a question, carries the asking and not the topic. */
export function isAskingWord(word: string): boolean {
  return ASKING.has(fold(word));
}

/**
 * The language of an article: by script for Japanese and Arabic, else by which language's own
 * function words its first two hundred or so words use most (English when none).
 */
export function detectLanguage(text: string): Language {
  const sample = text.slice(0, 1500);
  if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(sample)) {
    const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
    const cjk = sample.match(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/gu)!.length;
    if (cjk * 3 > latin) return 'ja';
  }
  if (ARABIC.test(sample)) {
    const arabic = sample.match(/\p{Script=Arabic}/gu)!.length;
    const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
    if (arabic > latin) return 'ar';
  }
  const scores = { en: 0, es: 0, de: 0 };
  eachWord(lower(sample), 0, Infinity, (word) => {
    const l = telling.get(fold(word));
    if (l) scores[l]++;
  });
  const best = (['es', 'de'] as const).reduce<'en' | 'es' | 'de'>(
    (a, b) => (scores[b] > scores[a] ? b : a),
    'en',
  );
  return best;
}

const MARKUP = /\]\([^)\s]*\)|<[^>]*>|\bhttps?:\/\/\S+/g;

/**
 * What a reader reads of Markdown, for the index: link targets, bare URLs and HTML tags go
 * (an article full of links would otherwise match "https", "github", "com"); code stays.
 */
export function readable(markdown: string): string {
  return markdown.replace(MARKUP, ' ');
}

/**
 * The index terms of a text, in order (offsets do not matter here: lower-case it at once);
 * `seen` hears each word (folded) with its term.
 */
export function indexTerms(
  text: string,
  language: Language,
  seen?: (word: string, term: string) => void,
): string[] {
  const out: string[] = [];
  eachWord(lower(text), 0, Infinity, (word) => {
    const term = stem(word, language);
    out.push(term);
    seen?.(fold(word), term);
  });
  return out;
}

/**
 * Every form a query word can take in the index: its stem in each of `languages` (an article is
 * stemmed in its own language, the query's is unknown) and the word itself, deduplicated.
 */
export function stemVariants(word: string, languages: readonly Language[] = LANGUAGES): string[] {
  return [...new Set([...languages, 'ja' as const].map((l) => stem(word, l)))];
}
