import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { Change } from '../../shared/protocol';

export type ArticleChange = Extract<Change, { kind: 'article' | 'article_delete' }>;

/**
 * The only writer of `articles`: the sync engine calls it inside its page transaction.
 * Upserts keep `doc_id` (the FTS rowid) stable; the FTS5 external-content triggers of
 * migration 001 keep `articles_fts` current in the same transaction. Re-applying a change
 * is harmless.
 */
export function applyArticleChange(db: Db, change: ArticleChange): void {
  const s = statementsFor(db);
  if (change.kind === 'article_delete') {
    s.remove.run(change.articleId);
    return;
  }
  const a = change.article;
  s.upsert.run({
    id: a.id,
    brandId: a.brandId,
    title: a.title,
    body: a.bodyMarkdown,
    tags: JSON.stringify(a.tags),
    updatedAt: a.updatedAt,
    externalRef: a.externalRef,
  });
}

type Statements = { upsert: Statement; remove: Statement };
const cache = new WeakMap<Db, Statements>();

function statementsFor(db: Db): Statements {
  let s = cache.get(db);
  if (s) return s;
  s = {
    remove: db.prepare('DELETE FROM articles WHERE id = ?'),
    upsert: db.prepare(
      `INSERT INTO articles (id, brand_id, title, body, tags, updated_at, external_ref)
     VALUES (@id, @brandId, @title, @body, @tags, @updatedAt, @externalRef)
     ON CONFLICT (id) DO UPDATE SET
       brand_id = excluded.brand_id, title = excluded.title, body = excluded.body,
       tags = excluded.tags, updated_at = excluded.updated_at,
       external_ref = excluded.external_ref`,
    ),
  };
  cache.set(db, s);
  return s;
}

/**
 * Merges the FTS5 index into one b-tree per level, which makes searches faster after a large
 * initial sync. Seconds at 100,000 articles: call it after such a sync, never per page.
 */
export function optimizeArticleIndex(db: Db): void {
  db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')");
}
