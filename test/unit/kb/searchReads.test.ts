import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../../src/core';
import { ArticleSearch } from '../../../src/core/kb/search';
import { article, put } from './fixtures';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-kb-reads-'));
  db = openDatabase(join(dir, 'kb.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every statement run on `db` from now on: its SQL and its parameters. */
function recordRuns(on: Db): { sql: string; params: unknown[] }[] {
  const runs: { sql: string; params: unknown[] }[] = [];
  const prepare = on.prepare.bind(on);
  vi.spyOn(on, 'prepare').mockImplementation(((sql: string) => {
    const statement = prepare(sql);
    const proxy: Statement = new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'all' || prop === 'get' || prop === 'iterate') {
          return (...params: unknown[]) => {
            runs.push({ sql, params });
            return (value as (...a: unknown[]) => unknown).apply(target, params);
          };
        }
        return (...args: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args);
          return out === target ? proxy : out;
        };
      },
    });
    return proxy;
  }) as typeof on.prepare);
  return runs;
}

describe('what a search reads', () => {
  it('scores a pool from one pass over the matches, never a lookup per article', () => {
    put(
      db,
      article('both', { title: 'Refund a parcel', bodyMarkdown: 'Refund the parcel.' }),
      ...Array.from({ length: 30 }, (_, i) =>
        article(`r${i}`, { title: `Refunds ${i}`, bodyMarkdown: i % 2 ? 'refund' : 'parcel' }),
      ),
    );
    const runs = recordRuns(db);
    const hits = new ArticleSearch(db).search({
      query: 'refund parcel ',
      brandId: null,
      tag: null,
      limit: 20,
    }).hits;
    expect(hits[0]!.id).toBe('both');
    // FTS5 evaluates the expression again for each rowid asked for: slower than one pass.
    const lookups = runs.filter((r) => /MATCH[\s\S]*rowid IN/.test(r.sql));
    expect(lookups).toEqual([]);
    // The partial matches and the any-word ranking share one read of the any-word matches.
    const anyWord = runs.filter((r) =>
      r.params.some((p) => typeof p === 'string' && / OR /.test(p)),
    );
    const passes = anyWord.filter(
      (r) => !r.sql.includes('LIMIT') && !r.params.some((p) => String(p).includes('{title}')),
    );
    expect(passes).toHaveLength(1);
  });
});
