import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core';
import { ArticleSearch, type SearchRequest } from '../../../src/core/kb/search';
import { article, put, remove } from './fixtures';

let dir: string;
let db: Db;
const q = (query: string, more: Partial<SearchRequest> = {}): SearchRequest => ({
  query,
  brandId: null,
  tag: null,
  limit: 20,
  ...more,
});
const ids = (search: ArticleSearch, query: string, more: Partial<SearchRequest> = {}) =>
  search.search(q(query, more)).hits.map((h) => h.id);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-kb-'));
  db = openDatabase(join(dir, 'kb.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('article changes from sync', () => {
  it('upserts by id, keeps the index current, and deletes on a tombstone', () => {
    const search = new ArticleSearch(db);
    put(db, article('a1', { title: 'Refund a parcel', bodyMarkdown: 'Open the order page.' }));
    expect(ids(search, 'refund ')).toEqual(['a1']);
    const docId = db.prepare("SELECT doc_id FROM articles WHERE id = 'a1'").pluck().get();

    put(db, article('a1', { title: 'Return a parcel', updatedAt: Date.UTC(2026, 1, 1) }));
    expect(db.prepare("SELECT doc_id FROM articles WHERE id = 'a1'").pluck().get()).toBe(docId);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
    expect(ids(search, 'refund ')).toEqual([]);
    expect(ids(search, 'return ')).toEqual(['a1']);

    remove(db, 'a1');
    remove(db, 'a1'); // a repeated tombstone is harmless
    expect(ids(search, 'return ')).toEqual([]);
    expect(ids(search, 'parcel ')).toEqual([]);
    expect(
      db
        .prepare("SELECT count(*) FROM articles_terms WHERE articles_terms MATCH 'parcel'")
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('rolls back with the sync page transaction', () => {
    const search = new ArticleSearch(db);
    expect(() =>
      db.transaction(() => {
        put(db, article('a1', { title: 'Shipping times' }));
        throw new Error('page failed');
      })(),
    ).toThrow('page failed');
    expect(ids(search, 'shipping ')).toEqual([]);
  });
});

describe('ranking', () => {
  beforeEach(() => {
    put(
      db,
      article('body', {
        title: 'Account settings',
        bodyMarkdown: 'To get a refund for a damaged item, contact us. Refund times vary.',
      }),
      article('title', { title: 'Refund policy', bodyMarkdown: 'How we handle returns.' }),
      article('tagged', { title: 'Returns', bodyMarkdown: 'Send it back.', tags: ['refund'] }),
      article('other', { title: 'Password reset', bodyMarkdown: 'Use the reset link.' }),
    );
  });

  it('puts a title match above a tag match above a body-only match', () => {
    expect(ids(new ArticleSearch(db), 'refund ')).toEqual(['title', 'tagged', 'body']);
  });

  it('ranks articles with every word of the query above those with some', () => {
    const search = new ArticleSearch(db);
    expect(ids(search, 'refund damaged ')).toEqual(['body', 'title', 'tagged']);
    expect(ids(search, 'password reset link ')).toEqual(['other']);
    expect(ids(search, 'refund password ').sort()).toEqual(['body', 'other', 'tagged', 'title']);
  });

  it('treats the word being typed as a prefix, a finished word as a word', () => {
    const search = new ArticleSearch(db);
    expect(ids(search, 'passw')).toEqual(['other']);
    expect(ids(search, 'passw ')).toEqual([]);
    expect(ids(search, 'ref').sort()).toEqual(['body', 'tagged', 'title']);
  });

  it('folds case and accents, and never lets the query inject FTS5 syntax', () => {
    const search = new ArticleSearch(db);
    expect(ids(search, 'RÉFUND ')).toEqual(['title', 'tagged', 'body']);
    for (const hostile of ['"', 'refund OR password', 'NEAR(a b)', 'title:refund', '*', '-x ^y']) {
      expect(() => search.search(q(hostile))).not.toThrow();
    }
    // "OR" is no operator, only a function word.
    expect(ids(search, 'refund OR password ')).toEqual(ids(search, 'refund password '));
  });

  it('filters by brand and tag', () => {
    put(db, article('other-brand', { brandId: 'globex', title: 'Refund rules' }));
    const search = new ArticleSearch(db);
    expect(ids(search, 'refund ', { brandId: 'globex' })).toEqual(['other-brand']);
    expect(ids(search, 'refund ', { tag: 'refund' })).toEqual(['tagged']);
    expect(ids(search, 'refund ', { brandId: 'acme' })).not.toContain('other-brand');
  });

  it('highlights the matched words in the title and a snippet of plain text', () => {
    put(
      db,
      article('md', {
        title: 'Refunds',
        bodyMarkdown: '# Heading\n\nSee <b>this</b> and [the refund form](https://x.test) **now**.',
      }),
    );
    const hit = new ArticleSearch(db).search(q('refund form ')).hits[0]!;
    expect(hit.id).toBe('md');
    expect(hit.snippet).toBe('Heading See this and the refund form now.');
    const marked = hit.snippetHighlights.map(([s, e]) => hit.snippet.slice(s, e));
    expect(marked).toEqual(['refund', 'form']);
    put(
      db,
      article('table', {
        title: 'Sizes',
        bodyMarkdown: '| Size | Waist |\n|---|---|\n| M | 81 |\n\nWaistbands **stretch**.',
      }),
    );
    const sized = new ArticleSearch(db).search(q('waist ')).hits.find((h) => h.id === 'table')!;
    expect(sized.snippet).toBe('Size Waist M 81 Waistbands stretch.');
    const prefixHit = new ArticleSearch(db).search(q('refu')).hits.find((h) => h.id === 'title')!;
    expect(prefixHit.titleHighlights.map(([s, e]) => prefixHit.title.slice(s, e))).toEqual([
      'Refund',
    ]);
  });
});

describe('common words (bounded work)', () => {
  it('answers newest title matches first without scoring every match', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      article(`c${i}`, {
        title: i % 10 === 0 ? `Order status ${i}` : `Item ${i}`,
        bodyMarkdown: `Your order number ${i} is here. rare${i}`,
      }),
    );
    put(db, ...many);
    const search = new ArticleSearch(db, { commonCap: 5 });
    const outcome = search.search(q('order ', { limit: 5 }));
    expect(outcome.mode).toBe('bounded');
    expect(outcome.hits.map((h) => h.id)).toEqual(['c20', 'c10', 'c0', 'c29', 'c28']);
    // A rare word with a common one: ranked on the rare word, and the common word must match.
    const mixed = search.search(q('order rare7 '));
    expect(mixed.mode).toBe('ranked');
    expect(mixed.hits.map((h) => h.id)).toEqual(['c7']);
    // A word no article holds (nor anything spelled like it) does not empty the results.
    expect(ids(search, 'password rare7 ')).toEqual(['c7']);
  });
});

describe('suggestions for a ticket', () => {
  it('finds articles from the rarer words of the subject and message', () => {
    put(
      db,
      article('refund', { title: 'Refund a damaged parcel', bodyMarkdown: 'Photos help.' }),
      article('login', { title: 'Cannot log in', bodyMarkdown: 'Reset your password.' }),
    );
    const outcome = new ArticleSearch(db).suggest({
      text: 'Parcel arrived damaged\n\nHi, the parcel I got was damaged, can I get my money back?',
      brandId: null,
      tag: null,
      limit: 5,
    });
    expect(outcome.hits.map((h) => h.id)).toEqual(['refund']);
  });
});
