import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { Language } from './analyze';

export interface ArticleRow {
  docId: number;
  id: string;
  brandId: string;
  title: string;
  body: string;
  tags: string[];
  updatedAt: number;
  language: Language;
}

export interface Filters {
  brandId: string | null;
  tag: string | null;
}

interface RawArticle {
  docId: number;
  id: string;
  brandId: string;
  title: string;
  body: string;
  tags: string;
  updatedAt: number;
  language: Language;
}

const COLUMNS =
  "doc_id AS docId, id, brand_id AS brandId, title, body, tags, updated_at AS updatedAt, coalesce(language, 'en') AS language";
// Column weights for bm25(): title, body, tags.
const BM25 = 'bm25(articles_terms, 10.0, 1.0, 3.0)';
const FILTERS = `(@brandId IS NULL OR a.brand_id = @brandId)
  AND (@tag IS NULL OR EXISTS (SELECT 1 FROM json_each(a.tags) WHERE value = @tag))`;

const toRow = (r: RawArticle): ArticleRow => ({ ...r, tags: JSON.parse(r.tags) as string[] });

/** Prepared statements per connection (the app's, or the search worker's read-only one). */
function statements(db: Db) {
  const prepared = new Map<string, Statement>();
  return (sql: string): Statement => {
    let s = prepared.get(sql);
    if (!s) {
      s = db.prepare(sql);
      prepared.set(sql, s);
    }
    return s;
  };
}
const perDb = new WeakMap<Db, (sql: string) => Statement>();
const stmt = (db: Db, sql: string): Statement => {
  let get = perDb.get(db);
  if (!get) {
    get = statements(db);
    perDb.set(db, get);
  }
  return get(sql);
};

/** By id, or else by the brand's own reference (what `kb:` links in article bodies use). */
export function getArticle(db: Db, idOrRef: string): ArticleRow | null {
  const byId = stmt(db, `SELECT ${COLUMNS} FROM articles WHERE id = ?`).get(idOrRef);
  const row = (byId ??
    stmt(
      db,
      `SELECT ${COLUMNS} FROM articles WHERE external_ref = ? ORDER BY updated_at DESC LIMIT 1`,
    ).get(idOrRef)) as RawArticle | undefined;
  return row ? toRow(row) : null;
}

export function articlesByDocIds(db: Db, docIds: readonly number[]): ArticleRow[] {
  if (docIds.length === 0) return [];
  const rows = stmt(
    db,
    `SELECT ${COLUMNS} FROM articles WHERE doc_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(docIds)) as RawArticle[];
  const byId = new Map(rows.map((r) => [r.docId, toRow(r)]));
  return docIds.flatMap((d) => byId.get(d) ?? []);
}

/** How many articles match `expr`, counting no further than `cap` (bounded work). */
export function countMatchesUpTo(db: Db, expr: string, cap: number): number {
  return stmt(
    db,
    'SELECT count(*) FROM (SELECT 1 FROM articles_terms WHERE articles_terms MATCH ? LIMIT ?)',
  )
    .pluck()
    .get(expr, cap) as number;
}

/**
 * Exact BM25 over every article matching `expr`, best first (ties: newest first). Without
 * filters no article row is read: the ranking stays inside the FTS index.
 */
export function rankedMatches(db: Db, expr: string, filters: Filters, limit: number): number[] {
  const filtered = filters.brandId !== null || filters.tag !== null;
  const sql = filtered
    ? `SELECT f.rowid FROM articles_terms f JOIN articles a ON a.doc_id = f.rowid
       WHERE articles_terms MATCH @expr AND ${FILTERS}
       ORDER BY ${BM25}, f.rowid DESC LIMIT @limit`
    : `SELECT rowid FROM articles_terms WHERE articles_terms MATCH @expr
       ORDER BY ${BM25}, rowid DESC LIMIT @limit`;
  const params = filtered
    ? { expr, brandId: filters.brandId, tag: filters.tag, limit }
    : { expr, limit };
  return stmt(db, sql).pluck().all(params) as number[];
}

/**
 * Matches of `expr` with the shortest titles first (ties: newest first): for a title match,
 * FTS5's BM25 weighs the whole article's length, so a long article's short title sinks.
 */
export function shortTitleMatches(db: Db, expr: string, filters: Filters, limit: number): number[] {
  return stmt(
    db,
    `SELECT f.rowid FROM articles_terms f JOIN articles a ON a.doc_id = f.rowid
     WHERE articles_terms MATCH @expr AND ${FILTERS}
     ORDER BY length(a.title), f.rowid DESC LIMIT @limit`,
  )
    .pluck()
    .all({ expr, brandId: filters.brandId, tag: filters.tag, limit }) as number[];
}

/** Every article matching `expr` (callers only ask for expressions with few matches). */
export function allMatches(db: Db, expr: string): number[] {
  return stmt(db, 'SELECT rowid FROM articles_terms WHERE articles_terms MATCH ?')
    .pluck()
    .all(expr) as number[];
}

/**
 * Newest-first matches of `expr` (among articles from `fromDocId` on): FTS5 walks its index in
 * descending rowid order and stops at `limit`, so no match is scored.
 */
export function newestMatches(
  db: Db,
  expr: string,
  filters: Filters,
  limit: number,
  fromDocId = 0,
): number[] {
  const filtered = filters.brandId !== null || filters.tag !== null;
  const sql = filtered
    ? `SELECT f.rowid FROM articles_terms f JOIN articles a ON a.doc_id = f.rowid
       WHERE articles_terms MATCH @expr AND f.rowid >= @from AND ${FILTERS}
       ORDER BY f.rowid DESC LIMIT @limit`
    : `SELECT rowid FROM articles_terms WHERE articles_terms MATCH @expr AND rowid >= @from
       ORDER BY rowid DESC LIMIT @limit`;
  const params = filtered
    ? { expr, brandId: filters.brandId, tag: filters.tag, limit, from: fromDocId }
    : { expr, limit, from: fromDocId };
  return stmt(db, sql).pluck().all(params) as number[];
}

/** Titles and languages, without reading the (possibly long) bodies. */
export function titlesByDocIds(
  db: Db,
  docIds: readonly number[],
): { docId: number; title: string; language: Language }[] {
  return stmt(
    db,
    `SELECT doc_id AS docId, title, coalesce(language, 'en') AS language FROM articles
     WHERE doc_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(docIds)) as { docId: number; title: string; language: Language }[];
}

export interface VocabularyEntry {
  word: string;
  term: string;
}

/**
 * Words of the articles whose `column` (the word, or the word without its first letter) lies in
 * `[from, to)`, of the given lengths: a range of a sorted index.
 */
export function vocabularyRange(
  db: Db,
  column: 'word' | 'tail',
  from: string,
  to: string,
  minLength: number,
  maxLength: number,
): VocabularyEntry[] {
  return stmt(
    db,
    `SELECT word, term FROM kb_vocab WHERE ${column} >= ? AND ${column} < ?
     AND length(word) BETWEEN ? AND ?`,
  ).all(from, to, minLength, maxLength) as VocabularyEntry[];
}

/** The first string after every string that starts with `prefix` (a range's end). */
export const prefixEnd = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);

/** Up to `limit` words of the articles that start with `prefix` (folded), in sorted order. */
export function wordsStartingWith(db: Db, prefix: string, limit: number): string[] {
  return stmt(db, 'SELECT word FROM kb_vocab WHERE word >= ? AND word < ? ORDER BY word LIMIT ?')
    .pluck()
    .all(prefix, prefixEnd(prefix), limit) as string[];
}

/**
 * Whether an article has `word` (folded), or a word of 3+ letters that has one of `terms` as
 * its index term: a word the articles use, or a form of one.
 */
export function isKnownWord(db: Db, word: string, terms: readonly string[]): boolean {
  return (
    stmt(
      db,
      `SELECT EXISTS (SELECT 1 FROM kb_vocab WHERE word = ?)
       OR EXISTS (SELECT 1 FROM kb_vocab WHERE term IN (SELECT value FROM json_each(?)))`,
    )
      .pluck()
      .get(word, JSON.stringify(terms)) === 1
  );
}

/** Whether some article is in `language` (an index probe). */
export function hasLanguage(db: Db, language: Language): boolean {
  return stmt(db, 'SELECT 1 FROM articles WHERE language = ? LIMIT 1').get(language) !== undefined;
}

/** The newest article's doc id (0 when there is none). */
export function newestDocId(db: Db): number {
  return stmt(db, 'SELECT coalesce(max(doc_id), 0) FROM articles').pluck().get() as number;
}

export function articleCount(db: Db): number {
  return stmt(db, 'SELECT count(*) FROM articles').pluck().get() as number;
}

/**
 * Changes when the article index does (FTS5 rewrites its structure record, rowid 10 of its
 * data table, on every change to the index), whichever connection made it, and not when
 * other tables do: the next-best action panel writes what it showed on each first render.
 */
export function indexVersion(db: Db): string {
  const block = stmt(db, 'SELECT block FROM articles_terms_data WHERE id = 10').pluck().get() as
    Buffer | undefined;
  return block ? block.toString('hex') : '';
}

export interface TagCount {
  tag: string;
  count: number;
}

export function topTags(db: Db, limit: number): TagCount[] {
  return stmt(
    db,
    `SELECT t.value AS tag, count(*) AS count FROM articles a, json_each(a.tags) t
     GROUP BY t.value ORDER BY count DESC, tag LIMIT ?`,
  ).all(limit) as TagCount[];
}

export function brandNames(db: Db): { id: string; name: string }[] {
  return stmt(
    db,
    `SELECT DISTINCT a.brand_id AS id, coalesce(b.name, a.brand_id) AS name
     FROM articles a LEFT JOIN brands b ON b.id = a.brand_id ORDER BY name`,
  ).all() as { id: string; name: string }[];
}

/** The analyzed language of each of these articles (absent: not analyzed yet). */
export function articleLanguages(db: Db, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT id, language FROM articles WHERE language IS NOT NULL AND id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids) as { id: string; language: string }[];
  return new Map(rows.map((r) => [r.id, r.language]));
}

/**
 * Every article matching `expr` with its BM25 (higher is better), best first
 * (ties: newest first, as `rankedMatches`). One pass of the index, no article row read.
 */
export function scoredMatches(db: Db, expr: string): [number, number][] {
  const rows = stmt(db, `SELECT rowid, -${BM25} FROM articles_terms WHERE articles_terms MATCH ?`)
    .raw()
    .all(expr) as [number, number][];
  return rows.sort((a, b) => b[1] - a[1] || b[0] - a[0]);
}

/** Those of `docIds` that pass the filters, in the given order. */
export function passingFilters(db: Db, docIds: readonly number[], filters: Filters): number[] {
  if (filters.brandId === null && filters.tag === null) return [...docIds];
  const passing = new Set(
    stmt(
      db,
      `SELECT a.doc_id FROM articles a
       WHERE a.doc_id IN (SELECT value FROM json_each(@ids)) AND ${FILTERS}`,
    )
      .pluck()
      .all({ ids: JSON.stringify(docIds), brandId: filters.brandId, tag: filters.tag }) as number[],
  );
  return docIds.filter((id) => passing.has(id));
}
