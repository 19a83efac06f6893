/**
 * Queries for the KB quality benchmark, each with its one right answer fixed by a rule over the
 * documentation corpus (kbDocs.ts) before any engine runs, so no engine's behaviour shapes them.
 * Two kinds of source text, both written by the docs' authors:
 * - a heading: its section is the answer (only headings that occur once in the corpus);
 * - a link's text: the section it points at is the answer (only texts that always point at the
 *   same section). Prose that is no section's heading is the authors describing a section in
 *   other words; code (`reply.send()`) is an API name pointing at its reference section.
 * From those, seeded:
 * - keyword: a heading's content words (3+ letters) in a random order, or an API name;
 * - question: a heading or link text put into a question template ("how do i …?");
 * - misspelled: a keyword or link-text query with a seeded typo model applied (one word of 4+
 *   letters always, other long words sometimes: a QWERTY neighbour struck, a letter dropped,
 *   doubled or added, two neighbours swapped; rarely the first letter);
 * - paraphrased: a link text that differs from its target's heading;
 * - prefix: a heading or link text with its last word cut, as while typing.
 * Each query belongs to the `dev` or `held-out` half by a hash of its answer, so anything tuned
 * on one half is judged on the other.
 */
import type { DocArticle, DocLink, DocsCorpus } from './kbDocs';
import { rng } from './kbCorpus';

export type QueryKind = 'keyword' | 'question' | 'misspelled' | 'paraphrased' | 'prefix';
export const QUERY_KINDS: readonly QueryKind[] = [
  'keyword',
  'question',
  'misspelled',
  'paraphrased',
  'prefix',
];
export type Half = 'dev' | 'held-out';

export interface DocQuery {
  kind: QueryKind;
  text: string;
  answer: string;
  half: Half;
}

/** Queries of each kind made from headings, and from link texts. */
const FROM_HEADINGS = 250;
const FROM_LINKS = 100;

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const contentWords = (text: string) =>
  norm(text)
    .split(' ')
    .filter((w) => w.length >= 3);

const QUESTIONS = [
  (t: string) => `how do i ${t}?`,
  (t: string) => `what is ${t}?`,
  (t: string) => `how does ${t} work?`,
  (t: string) => `where can i read about ${t}?`,
  (t: string) => `can you explain ${t} to me`,
  (t: string) => `what should i know about ${t}?`,
  (t: string) => `how to use ${t}`,
  (t: string) => `why ${t}?`,
];
const GENERIC = new Set(['here', 'this', 'docs', 'documentation', 'link', 'see', 'this page']);

/** FNV-1a: which half a query belongs to, by its answer. */
function halfOf(answer: string): Half {
  let h = 0x811c9dc5;
  for (let i = 0; i < answer.length; i++) h = Math.imul(h ^ answer.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 === 0 ? 'dev' : 'held-out';
}

interface Source {
  text: string;
  answer: string;
}

export function makeQueries({ articles, links }: Pick<DocsCorpus, 'articles' | 'links'>) {
  const random = rng(2024);
  const pick = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  const shuffled = (words: string[]) => pick(words, words.length);

  const headings = uniqueHeadings(articles);
  const { prose, api } = linkTexts(articles, links);
  const queries: DocQuery[] = [];
  const seen = new Set<string>();
  const add = (kind: QueryKind, text: string, answer: string) => {
    if (seen.has(`${kind}:${text}`)) return;
    seen.add(`${kind}:${text}`);
    queries.push({ kind, text, answer, half: halfOf(answer) });
  };
  const keywords = (s: Source) => shuffled(contentWords(s.text)).join(' ');

  for (const s of pick(headings, FROM_HEADINGS)) add('keyword', `${keywords(s)} `, s.answer);
  for (const s of pick(api, FROM_LINKS)) add('keyword', `${norm(s.text)} `, s.answer);

  for (const s of [...pick(headings, FROM_HEADINGS), ...pick(prose, FROM_LINKS)]) {
    const template = QUESTIONS[Math.floor(random() * QUESTIONS.length)]!;
    add('question', template(norm(s.text)), s.answer);
  }

  const typoable = (s: Source) => contentWords(s.text).some((w) => w.length >= 4);
  const misspell = (words: string[]) => {
    const long = words.flatMap((w, i) => (w.length >= 4 ? [i] : []));
    const must = long[Math.floor(random() * long.length)]!;
    return words
      .map((w, i) => (i === must || (w.length >= 5 && random() < 0.15) ? typo(w, random) : w))
      .join(' ');
  };
  for (const s of pick(headings.filter(typoable), FROM_HEADINGS)) {
    add('misspelled', `${misspell(shuffled(contentWords(s.text)))} `, s.answer);
  }
  for (const s of pick(prose.filter(typoable), FROM_LINKS)) {
    add('misspelled', `${misspell(norm(s.text).split(' '))} `, s.answer);
  }

  for (const s of prose) add('paraphrased', `${norm(s.text)} `, s.answer);

  for (const s of [...pick(headings, FROM_HEADINGS), ...pick(prose, FROM_LINKS)]) {
    const words = norm(s.text).split(' ');
    const last = words.at(-1)!;
    if (last.length < 3) continue;
    const cut = 2 + Math.floor(random() * (last.length - 2)); // 2 … length-1 letters typed
    words[words.length - 1] = last.slice(0, cut);
    add('prefix', words.join(' '), s.answer);
  }
  return queries;
}

function uniqueHeadings(articles: readonly DocArticle[]): Source[] {
  const byTitle = new Map<string, number>();
  for (const a of articles) byTitle.set(norm(a.title), (byTitle.get(norm(a.title)) ?? 0) + 1);
  return articles
    .filter((a) => byTitle.get(norm(a.title)) === 1 && contentWords(a.title).length > 0)
    .map((a) => ({ text: a.title, answer: a.id }));
}

/** Link texts that always point at one section: prose unlike its heading, and API names. */
function linkTexts(articles: readonly DocArticle[], links: readonly DocLink[]) {
  const titles = new Map(articles.map((a) => [a.id, norm(a.title)]));
  const headings = new Set(titles.values());
  const targets = new Map<string, Set<string>>();
  for (const l of links) {
    const key = norm(l.text);
    targets.set(key, (targets.get(key) ?? new Set()).add(l.target));
  }
  const prose = new Map<string, Source>();
  const api = new Map<string, Source>();
  for (const l of links) {
    const text = norm(l.text);
    if (targets.get(text)!.size !== 1 || contentWords(text).length === 0 || GENERIC.has(text)) {
      continue;
    }
    if (l.code) api.set(text, { text: l.text, answer: l.target });
    // Prose that is some other section's heading names that section as much as the target.
    else if (!headings.has(text)) prose.set(text, { text: l.text, answer: l.target });
  }
  return { prose: [...prose.values()], api: [...api.values()] };
}

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Letters next to `c` on a QWERTY keyboard (same row, and the rows above and below). */
function neighbours(c: string): string {
  const row = KEYBOARD.findIndex((r) => r.includes(c));
  if (row < 0) return 'abcdefghijklmnopqrstuvwxyz';
  const col = KEYBOARD[row]!.indexOf(c);
  let out = '';
  for (const r of [row - 1, row, row + 1]) {
    const keys = KEYBOARD[r];
    if (!keys) continue;
    for (const k of [col - 1, col, col + 1]) if (keys[k] && keys[k] !== c) out += keys[k];
  }
  return out;
}

/** One seeded typing error in `word` (never the word itself). */
export function typo(word: string, random: () => number): string {
  const any = (s: string) => s[Math.floor(random() * s.length)]!;
  for (;;) {
    // The first letter is rarely the one mistyped.
    const at = random() < 0.1 ? 0 : 1 + Math.floor(random() * (word.length - 1));
    const c = word[at]!;
    const r = random();
    let out: string;
    if (r < 0.4) out = word.slice(0, at) + any(neighbours(c)) + word.slice(at + 1);
    else if (r < 0.6) out = word.slice(0, at) + word.slice(at + 1);
    else if (r < 0.8)
      out = word.slice(0, at) + (random() < 0.5 ? c : any(neighbours(c))) + word.slice(at);
    else out = word.slice(0, at) + (word[at + 1] ?? '') + c + word.slice(at + 2);
    if (out !== word && out.length > 0) return out;
  }
}
