import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core';
import { countMatchesUpTo, type Filters } from '../../../src/core/kb/articleRepo';
import { ftsTerm, term, type QueryTerm } from '../../../src/core/kb/query';
import { ArticleSearch } from '../../../src/core/kb/search';
import { searchSession } from '../../../src/core/kb/searchSession';
import { article, put, remove } from './fixtures';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-kb-suggest-'));
  db = openDatabase(join(dir, 'kb.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const VOCABULARY = ['zephyr', 'quokka', 'marmot', 'lantern', 'velvet', 'pigeon', 'harbor'];

interface Counted {
  term: QueryTerm;
  count: number;
}
/** The two ways of ranking a pool, reached past `private` (bracket access) to compare them. */
type Ranking = (terms: Counted[], filters: Filters, limit: number) => number[];
type ByCoverage = (
  terms: Counted[],
  optional: Counted[],
  filters: Filters,
  limit: number,
  exclude: number[],
) => number[];

describe('suggestions ranked from one pass over the matches', () => {
  it('rank exactly as the pool queried article by article (byCoverage) does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            other: fc.boolean(),
            title: fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 3 }),
            body: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 12 }),
          }),
          { minLength: 1, maxLength: 120 },
        ),
        fc.uniqueArray(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 5 }),
        fc.constantFrom<string | null>('acme', 'other', null),
        (articles, words, brandId) => {
          db.exec('DELETE FROM articles');
          put(
            db,
            ...articles.map((a, i) =>
              article(`a${i}`, {
                brandId: a.other ? 'other' : 'acme',
                title: a.title.join(' ') || 'note',
                bodyMarkdown: a.body.join(' '),
              }),
            ),
          );
          const search = new ArticleSearch(db);
          search.search({ query: 'zephyr', brandId: null, tag: null, limit: 1 }); // reads the totals
          const terms = words
            .map((w) => term(w, false))
            .map((t) => ({ term: t, count: countMatchesUpTo(db, ftsTerm(t), 1501) }))
            .filter((c) => c.count > 0);
          if (terms.length === 0) return;
          const filters = { brandId, tag: null };
          const suggested = (search['suggested'] as Ranking).call(search, terms, filters, 12);
          const queried = (search['byCoverage'] as ByCoverage).call(
            search,
            terms,
            [],
            filters,
            12,
            [],
          );
          expect(suggested).toEqual(queried);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps to the brand when most better matches are another brand’s', () => {
    put(
      db,
      ...Array.from({ length: 400 }, (_, i) =>
        article(`acme${i}`, { title: 'Zephyr zephyr', bodyMarkdown: 'zephyr zephyr zephyr' }),
      ),
      article('one', {
        brandId: 'other',
        bodyMarkdown: 'A long note that mentions a zephyr once among many other words here.',
      }),
      article('both', { brandId: 'other', bodyMarkdown: 'The zephyr and the quokka.' }),
    );
    const ids = new ArticleSearch(db)
      .suggest({ text: 'zephyr quokka', brandId: 'other', tag: null, limit: 5 })
      .hits.map((h) => h.id);
    expect(ids).toEqual(['both', 'one']);
  });

  it('cuts no snippet for the next-best action panel, and suggests the same articles', () => {
    put(
      db,
      article('refund', {
        title: 'Refund a damaged parcel',
        bodyMarkdown: 'Photos of the parcel.',
      }),
      article('login', { title: 'Cannot log in', bodyMarkdown: 'Reset your password.' }),
    );
    const session = searchSession(db);
    const request = { text: 'My parcel is damaged', brandId: null, tag: null, limit: 5 };
    const kb = session({ id: 1, kind: 'suggest', request }) as ReturnType<ArticleSearch['suggest']>;
    const panel = session({ id: 2, kind: 'nbaSuggest', request }) as ReturnType<
      ArticleSearch['suggest']
    >;
    expect(kb.hits.map((h) => h.id)).toEqual(['refund']);
    expect(kb.hits[0]!.snippet).toContain('parcel');
    expect(panel.hits.map((h) => [h.id, h.title, h.snippet])).toEqual([
      ['refund', 'Refund a damaged parcel', ''],
    ]);
  });

  it('forgets what it counted when articles change, from any connection, and only then', () => {
    put(db, article('one', { title: 'Parcel lost', bodyMarkdown: 'Ask the carrier.' }));
    const search = new ArticleSearch(db);
    const suggest = () =>
      search
        .suggest({ text: 'zephyr parcel', brandId: null, tag: null, limit: 5 })
        .hits.map((h) => h.id);
    expect(suggest()).toEqual(['one']); // "zephyr" is counted: in no article
    const counts = search['counts'] as Map<string, number>;
    counts.set('marker', 1);
    // Another table's write (the panel records what it showed) keeps the counts.
    db.exec("CREATE TABLE IF NOT EXISTS other_rows (x); INSERT INTO other_rows VALUES ('shown')");
    suggest();
    expect(counts.has('marker')).toBe(true);
    // An article from another connection (the app's sync, seen by the search worker's).
    const other = openDatabase(join(dir, 'kb.sqlite'));
    try {
      put(other, article('two', { title: 'Zephyr setup', bodyMarkdown: 'Zephyr pairing.' }));
    } finally {
      other.close();
    }
    expect(suggest()).toEqual(['two', 'one']);
    remove(db, 'two');
    expect(suggest()).toEqual(['one']);
  });
});
