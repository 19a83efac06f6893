import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core';
import { ArticleSearch } from '../../../src/core/kb/search';
import { article, put } from './fixtures';

let dir: string;
let db: Db;
const ids = (search: ArticleSearch, query: string) =>
  search.search({ query, brandId: null, tag: null, limit: 10 }).hits.map((h) => h.id);
const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(' ');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-kb-prefix-'));
  db = openDatabase(join(dir, 'kb.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the word being typed', () => {
  it('finds a short title it completes, even past many titles holding the other words', () => {
    const others = Array.from({ length: 60 }, (_, i) =>
      article(`basic${i}`, { title: `Basic usage ${i}`, bodyMarkdown: 'basic basic setup' }),
    );
    // A long article: its title sinks in FTS5's BM25, which weighs the whole article's length.
    const demo = article('demo', { title: 'Basic Demo', bodyMarkdown: `basic ${filler(2000)}` });
    put(db, ...others, demo);
    // "de" is a function word in Spanish, but being typed it may also be "demo".
    expect(ids(new ArticleSearch(db), 'basic de')[0]).toBe('demo');
  });

  it('tells matches apart by a title completing it when it is common', () => {
    put(
      db,
      article('file', { title: 'Pino file', bodyMarkdown: `pino ${filler(50)}` }),
      ...Array.from({ length: 4 }, (_, i) =>
        article(`pino${i}`, { title: `Pino ${i}`, bodyMarkdown: 'pino pino pino: find it first' }),
      ),
      ...Array.from({ length: 6 }, (_, i) => article(`fix${i}`, { bodyMarkdown: 'a fix' })),
    );
    // "fi" matches more articles than the common cap: the ranking scores "pino" only.
    expect(ids(new ArticleSearch(db, { commonCap: 5 }), 'pino fi')[0]).toBe('file');
  });

  it('is completed by a title word as written, not by a shorter stem it shares', () => {
    put(
      db,
      // "opting" and "opts" are both indexed as "opt", which a completion of "opti" stems to.
      article('opts', { title: 'Opts', bodyMarkdown: 'opts opts opts opts opting' }),
      article('optionator', { title: 'Optionator', bodyMarkdown: `optionator ${filler(10)}` }),
    );
    expect(ids(new ArticleSearch(db), 'opti')[0]).toBe('optionator');
  });
});
