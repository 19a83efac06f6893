import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { Change } from '../../shared/protocol';
import { detectLanguage, indexTerms, isNumber, readable, type Language } from './analyze';

export type ArticleChange = Extract<Change, { kind: 'article' | 'article_delete' }>;

/**
 * The only writer of `articles`: the sync engine calls it inside its page transaction.
 * Upserts keep `doc_id` (the FTS rowid) stable and rewrite the article's analyzed terms in
 * `articles_terms` in the same transaction; deletes reach the index through migration 008's
 * trigger. Re-applying a change is harmless.
 */
export function applyArticleChange(db: Db, change: ArticleChange): void {
  const s = statementsFor(db);
  if (change.kind === 'article_delete') {
    s.remove.run(change.articleId);
    return;
  }
  const a = change.article;
  const language = detectLanguage(`${a.title}\n${a.bodyMarkdown}`);
  const docId = s.upsert.pluck().get({
    id: a.id,
    brandId: a.brandId,
    title: a.title,
    body: a.bodyMarkdown,
    tags: JSON.stringify(a.tags),
    updatedAt: a.updatedAt,
    externalRef: a.externalRef,
    language,
  }) as number;
  index(s, docId, { title: a.title, body: a.bodyMarkdown, tags: a.tags }, language);
}

interface Indexable {
  title: string;
  body: string;
  tags: string[];
}

function index(s: Statements, docId: number, a: Indexable, language: Language): void {
  const top = s.vocabTop.get() as number;
  if (top !== s.known.top) s.known.words.clear();
  const fresh = new Map<string, string>();
  const terms = (text: string) =>
    indexTerms(text, language, (word, term) => {
      if (word.length >= 3 && !s.known.words.has(word) && !isNumber(word)) {
        fresh.set(word, term);
      }
    }).join(' ');
  s.index.run(docId, terms(a.title), terms(readable(a.body)), terms(a.tags.join(' ')));
  if (fresh.size === 0) {
    s.known.top = top;
    return;
  }
  for (const [word, term] of fresh) s.vocab.run(word, term, word.slice(1));
  if (s.known.words.size + fresh.size > KNOWN_MAX) s.known.words.clear();
  for (const word of fresh.keys()) s.known.words.add(word);
  s.known.top = s.vocabTop.get() as number;
}

/** Words remembered as stored, per writing connection (a few MB at most). */
const KNOWN_MAX = 100_000;

/**
 * Analyzes the articles whose `language` is NULL (stored before migration 008, or marked for a
 * new analysis by 011/013), in pages, each in its own transaction. Nothing to do costs one
 * index probe.
 */
export function analyzePendingArticles(db: Db): void {
  while (analyzePendingPage(db, 500) > 0);
}

/**
 * Analyzes up to `limit` pending articles in one transaction, so a crash keeps what is done and
 * the rest is picked up next time; stops early once `budgetMs` have passed (long articles).
 * Answers how many it analyzed. An article's old index terms stay searchable until its page
 * replaces them.
 */
export function analyzePendingPage(db: Db, limit: number, budgetMs = Infinity): number {
  const s = statementsFor(db);
  const rows = db
    .prepare(
      `SELECT doc_id AS docId, title, body, tags FROM articles
       WHERE language IS NULL ORDER BY doc_id LIMIT ?`,
    )
    .all(limit) as { docId: number; title: string; body: string; tags: string }[];
  const setLanguage = db.prepare('UPDATE articles SET language = ? WHERE doc_id = ?');
  const started = performance.now();
  let done = 0;
  db.transaction(() => {
    for (const r of rows) {
      const language = detectLanguage(`${r.title}\n${r.body}`);
      setLanguage.run(language, r.docId);
      index(s, r.docId, { ...r, tags: JSON.parse(r.tags) as string[] }, language);
      done++;
      if (performance.now() - started >= budgetMs) break;
    }
  })();
  return done;
}

interface Statements {
  upsert: Statement;
  remove: Statement;
  index: Statement;
  vocab: Statement;
  vocabTop: Statement;
  /**
   * Words known to be in `kb_vocab`, valid while its largest rowid is `top`: only this writer
   * adds words and none are deleted, so any other value means a rollback took some away.
   */
  known: { words: Set<string>; top: number };
}
const cache = new WeakMap<Db, Statements>();

function statementsFor(db: Db): Statements {
  let s = cache.get(db);
  if (s) return s;
  s = {
    remove: db.prepare('DELETE FROM articles WHERE id = ?'),
    upsert: db.prepare(
      `INSERT INTO articles (id, brand_id, title, body, tags, updated_at, external_ref, language)
     VALUES (@id, @brandId, @title, @body, @tags, @updatedAt, @externalRef, @language)
     ON CONFLICT (id) DO UPDATE SET
       brand_id = excluded.brand_id, title = excluded.title, body = excluded.body,
       tags = excluded.tags, updated_at = excluded.updated_at,
       external_ref = excluded.external_ref, language = excluded.language
     RETURNING doc_id`,
    ),
    index: db.prepare(
      'INSERT OR REPLACE INTO articles_terms (rowid, title, body, tags) VALUES (?, ?, ?, ?)',
    ),
    vocab: db.prepare('INSERT OR IGNORE INTO kb_vocab (word, term, tail) VALUES (?, ?, ?)'),
    vocabTop: db.prepare('SELECT coalesce(max(id), 0) FROM kb_vocab').pluck(),
    known: { words: new Set(), top: -1 },
  };
  cache.set(db, s);
  return s;
}

/**
 * Merges the FTS5 index into one b-tree per level, which makes searches faster after a large
 * initial sync. Seconds at 100,000 articles: call it after such a sync, never per page.
 */
export function optimizeArticleIndex(db: Db): void {
  db.exec("INSERT INTO articles_terms (articles_terms) VALUES ('optimize')");
}
