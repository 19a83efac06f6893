/**
 * A real documentation corpus and its queries, for the KB quality benchmark (kbQuality.ts).
 *
 * Corpus: the Markdown documentation that the `fastify` and `pino` npm packages ship in their
 * `docs/` folders (both are dependencies of this project, so nothing is downloaded). Each
 * section under a heading is one article: the heading is its title, the text down to the next
 * heading its body, the package its tag. Sections with little text are left out.
 *
 * Queries: each query's one right answer is fixed by a rule over the corpus, before any engine
 * runs, so no engine's behaviour can shape it:
 * - keyword: the content words of a section's heading (3+ letters), in a seeded random order;
 * - question: the heading put into a question template ("how do i …", "what is …"), seeded;
 * - misspelled: a keyword query with one word of 5+ letters changed by one seeded random edit
 *   (delete, insert, substitute or swap two neighbours, at any position);
 * - paraphrased: the text of a link in the docs themselves that points at a section, where that
 *   text differs from the section's heading: the docs' authors describing it in other words;
 * - prefix: the heading's words with the last one cut to about half, still being typed.
 * Only headings that occur once in the corpus make queries, so every answer is unambiguous.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { rng } from './kbCorpus';

export interface DocArticle {
  id: string;
  title: string;
  body: string;
  tag: string;
}

export type QueryKind = 'keyword' | 'question' | 'misspelled' | 'paraphrased' | 'prefix';
export const QUERY_KINDS: readonly QueryKind[] = [
  'keyword',
  'question',
  'misspelled',
  'paraphrased',
  'prefix',
];

export interface DocQuery {
  kind: QueryKind;
  text: string;
  answer: string;
}

const PACKAGES = ['fastify', 'pino'];
const MIN_BODY = 150;
const PER_KIND = 100;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');

const plainHeading = (heading: string) =>
  heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[`*_]/g, '')
    .trim();

interface Link {
  text: string;
  target: string;
  from: string;
}

export interface DocsCorpus {
  articles: DocArticle[];
  queries: DocQuery[];
  versions: Record<string, string>;
}

export function docsCorpus(root = resolve(__dirname, '..', 'node_modules')): DocsCorpus {
  const articles: DocArticle[] = [];
  const links: Link[] = [];
  const anchors = new Map<string, string>(); // "file#anchor" → article id
  const versions: Record<string, string> = {};
  const taken = new Set<string>();
  for (const pkg of PACKAGES) {
    const base = join(root, pkg);
    versions[pkg] = (
      JSON.parse(readFileSync(join(base, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    for (const file of markdownFiles(join(base, 'docs'))) {
      const name = `${pkg}/${relative(base, file)}`;
      let section: { id: string; title: string; lines: string[] } | null = null;
      let pendingAnchors: string[] = [];
      let fenced = false;
      const close = () => {
        if (!section) return;
        const body = section.lines.join('\n').trim();
        if (body.replace(/\s+/g, ' ').length >= MIN_BODY && section.title.length > 0) {
          articles.push({ id: section.id, title: section.title, body, tag: pkg });
        }
      };
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
        const heading = fenced ? null : /^(#{1,4})\s+(.*)$/.exec(line);
        const anchor = fenced ? null : /^<a (?:id|name)="([^"]+)"><\/a>\s*$/.exec(line.trim());
        if (anchor) {
          pendingAnchors.push(anchor[1]!);
          continue;
        }
        if (heading) {
          close();
          const title = plainHeading(heading[2]!);
          // GitHub numbers repeated headings of a file: -1, -2, …
          let id = `${name}#${slug(title)}`;
          for (let n = 1; taken.has(id); n++) id = `${name}#${slug(title)}-${n}`;
          taken.add(id);
          for (const a of [slug(title), ...pendingAnchors]) {
            if (!anchors.has(`${name}#${a}`)) anchors.set(`${name}#${a}`, id);
          }
          pendingAnchors = [];
          section = { id, title, lines: [] };
          continue;
        }
        pendingAnchors = [];
        if (!section) continue;
        section.lines.push(line);
        if (fenced) continue;
        for (const m of line.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)) {
          const href = m[2]!;
          if (/^[a-z]+:/i.test(href)) continue;
          const [path, hash] = href.split('#');
          if (!hash) continue;
          const targetFile = path ? `${pkg}/${relative(base, resolve(dirname(file), path))}` : name;
          links.push({
            text: plainHeading(m[1]!),
            target: `${targetFile}#${hash}`,
            from: section.id,
          });
        }
      }
      close();
    }
  }
  return { articles, queries: makeQueries(articles, links, anchors), versions };
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const contentWords = (title: string) =>
  norm(title)
    .split(' ')
    .filter((w) => w.length >= 3);

const QUESTIONS = [
  (t: string) => `how do i ${t}?`,
  (t: string) => `what is ${t}?`,
  (t: string) => `how does ${t} work?`,
  (t: string) => `where can i read about ${t}?`,
  (t: string) => `can you explain ${t} to me`,
  (t: string) => `what should i know about ${t}?`,
];
const GENERIC = new Set(['here', 'this', 'docs', 'documentation', 'link', 'see', 'this page']);

function makeQueries(
  articles: DocArticle[],
  links: Link[],
  anchors: Map<string, string>,
): DocQuery[] {
  const random = rng(2024);
  const byTitle = new Map<string, number>();
  for (const a of articles) byTitle.set(norm(a.title), (byTitle.get(norm(a.title)) ?? 0) + 1);
  const ids = new Set(articles.map((a) => a.id));
  const titled = articles.filter(
    (a) => byTitle.get(norm(a.title)) === 1 && contentWords(a.title).length > 0,
  );
  const pick = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  const shuffled = (words: string[]) => pick(words, words.length);
  const queries: DocQuery[] = [];

  for (const a of pick(titled, PER_KIND)) {
    queries.push({
      kind: 'keyword',
      text: `${shuffled(contentWords(a.title)).join(' ')} `,
      answer: a.id,
    });
  }
  for (const a of pick(titled, PER_KIND)) {
    const template = QUESTIONS[Math.floor(random() * QUESTIONS.length)]!;
    queries.push({ kind: 'question', text: template(norm(a.title)), answer: a.id });
  }
  const typoable = titled.filter((a) => contentWords(a.title).some((w) => w.length >= 5));
  for (const a of pick(typoable, PER_KIND)) {
    const words = shuffled(contentWords(a.title));
    const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
    const [word, at] = long[Math.floor(random() * long.length)]!;
    words[at] = typo(word, random);
    queries.push({ kind: 'misspelled', text: `${words.join(' ')} `, answer: a.id });
  }
  const seen = new Set<string>();
  const paraphrases = links.flatMap((l) => {
    const target = anchors.get(l.target);
    if (!target || !ids.has(target) || target === l.from) return [];
    const text = norm(l.text);
    const title = norm(articles.find((a) => a.id === target)!.title);
    const key = `${text}→${target}`;
    if (text === title || contentWords(text).length === 0 || GENERIC.has(text) || seen.has(key))
      return [];
    seen.add(key);
    return [{ kind: 'paraphrased' as const, text: `${text} `, answer: target }];
  });
  queries.push(...pick(paraphrases, PER_KIND));
  for (const a of pick(titled, PER_KIND)) {
    const words = norm(a.title).split(' ');
    const last = words.at(-1)!;
    words[words.length - 1] = last.slice(0, Math.max(2, Math.ceil(last.length / 2)));
    queries.push({ kind: 'prefix', text: words.join(' '), answer: a.id });
  }
  return queries;
}

/** One random edit at a random position. */
function typo(word: string, random: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const letter = () => letters[Math.floor(random() * letters.length)]!;
  for (;;) {
    const at = Math.floor(random() * word.length);
    const op = Math.floor(random() * 4);
    let out = word;
    if (op === 0) out = word.slice(0, at) + word.slice(at + 1);
    else if (op === 1) out = word.slice(0, at) + letter() + word.slice(at);
    else if (op === 2) out = word.slice(0, at) + letter() + word.slice(at + 1);
    else if (at < word.length - 1)
      out = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    if (out !== word) return out;
  }
}
