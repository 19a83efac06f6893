/**
 * A real documentation corpus for the KB quality benchmark (kbQuality.ts), and its articles.
 *
 * Corpus: Markdown documentation shipped in npm packages this project installs (nothing is
 * downloaded, the lockfile pins the versions): the `docs/` folders of fastify, pino and undici,
 * and the README of every package installed at the top of node_modules (direct dependencies
 * and those npm hoisted: ~700 READMEs; direct dependencies alone gave only ~80 paraphrased
 * queries, too few to tell two engines apart). Each section under a heading is one article:
 * the heading is its title, the text down to the next heading its body, the package its tag.
 * Sections with little text are left out.
 *
 * Alongside the articles it collects what the docs' own authors wrote about them, which the
 * queries (kbQueries.ts) are made from: every heading, and every link from one section to
 * another with the text the author gave it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface DocArticle {
  id: string;
  title: string;
  body: string;
  tag: string;
}

/** A link from one section to another, with the words its author chose for it. */
export interface DocLink {
  text: string;
  /** The link text was code (`reply.send()`): an API name. */
  code: boolean;
  target: string;
  from: string;
}

export interface DocsCorpus {
  articles: DocArticle[];
  links: DocLink[];
  versions: Record<string, string>;
}

/** Packages whose whole `docs/` folder is read (the larger documentation sets installed). */
export const DOC_FOLDERS = ['fastify', 'pino', 'undici'];
const MIN_BODY = 150;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
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

const plain = (markdown: string) =>
  markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[`*_]/g, '')
    .trim();

function version(base: string): string {
  return (JSON.parse(readFileSync(join(base, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** The Markdown files to read, per package, in a fixed order. */
function sources(root: string): { pkg: string; base: string; files: string[] }[] {
  const installed = readdirSync(root)
    .sort()
    .flatMap((name) => {
      if (name.startsWith('.')) return [];
      if (!name.startsWith('@')) return [name];
      return readdirSync(join(root, name))
        .sort()
        .map((scoped) => `${name}/${scoped}`);
    });
  const out: { pkg: string; base: string; files: string[] }[] = [];
  for (const pkg of [...new Set([...DOC_FOLDERS, ...installed])].sort()) {
    const base = join(root, pkg);
    if (!existsSync(join(base, 'package.json'))) continue;
    const files: string[] = [];
    if (DOC_FOLDERS.includes(pkg) && existsSync(join(base, 'docs'))) {
      files.push(...markdownFiles(join(base, 'docs')));
    }
    const readme = readdirSync(base).find((f) => /^readme\.md$/i.test(f));
    if (readme) files.push(join(base, readme));
    if (files.length > 0) out.push({ pkg, base, files });
  }
  return out;
}

export function docsCorpus(root = resolve(__dirname, '..', 'node_modules')): DocsCorpus {
  const articles: DocArticle[] = [];
  const rawLinks: (DocLink & { targetFile: string })[] = [];
  const anchors = new Map<string, string>(); // "file#anchor" → article id
  const versions: Record<string, string> = {};
  const taken = new Set<string>();
  for (const { pkg, base, files } of sources(root)) {
    versions[pkg] = version(base);
    for (const file of files) {
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
      const text = readFileSync(file, 'utf8');
      const definitions = new Map<string, string>(); // reference-style links: [label]: href
      for (const m of text.matchAll(/^ {0,3}\[([^\]]+)\]:\s*(\S+)/gm)) {
        definitions.set(m[1]!.toLowerCase(), m[2]!);
      }
      for (const line of text.split('\n')) {
        if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
        const heading = fenced ? null : /^(#{1,4})\s+(.*)$/.exec(line);
        const anchor = fenced ? null : /^<a (?:id|name)="([^"]+)"><\/a>\s*$/.exec(line.trim());
        if (anchor) {
          pendingAnchors.push(anchor[1]!);
          continue;
        }
        if (heading) {
          close();
          const title = plain(heading[2]!.replace(/#+\s*$/, ''));
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
        const found: (readonly [string, string | undefined])[] = [
          ...[...line.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)].map((m) => [m[1]!, m[2]] as const),
          ...[...line.matchAll(/\[([^\]]+)\]\[([^\]]*)\]/g)].map(
            (m) => [m[1]!, definitions.get((m[2] || m[1]!).toLowerCase())] as const,
          ),
          ...[...line.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map(
            (m) => [m[2]!, m[1]] as const,
          ),
        ];
        for (const [label, href] of found) {
          if (!href || /^[a-z]+:/i.test(href)) continue;
          const [path, hash] = href.split('#');
          if (!hash) continue;
          const targetFile = path ? `${pkg}/${relative(base, resolve(dirname(file), path))}` : name;
          rawLinks.push({
            text: plain(label),
            code: /^`[^`]+`$/.test(label.trim()),
            target: '',
            targetFile: `${targetFile}#${hash}`,
            from: section.id,
          });
        }
      }
      close();
    }
  }
  const ids = new Set(articles.map((a) => a.id));
  const links = rawLinks.flatMap(({ targetFile, ...l }) => {
    const target = anchors.get(targetFile);
    return target && ids.has(target) && target !== l.from ? [{ ...l, target }] : [];
  });
  return { articles, links, versions };
}
