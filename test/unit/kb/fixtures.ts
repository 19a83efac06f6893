import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type Db } from '../../../src/core';
import { applyArticleChange } from '../../../src/core/kb/apply';
import type { ArticleView } from '../../../src/shared/protocol';

let seq = 1;

export function article(id: string, fields: Partial<ArticleView> = {}): ArticleView {
  return {
    id,
    brandId: 'acme',
    externalRef: `ref-${id}`,
    title: `Article ${id}`,
    bodyMarkdown: 'Nothing to see here.',
    tags: [],
    updatedAt: Date.UTC(2026, 0, 1),
    ...fields,
  };
}

/** Writes articles through the sync write path, in one transaction as a sync page does. */
export function put(db: Db, ...articles: ArticleView[]): void {
  db.transaction(() => {
    for (const a of articles) applyArticleChange(db, { seq: seq++, kind: 'article', article: a });
  })();
}

export function remove(db: Db, id: string, brandId = 'acme'): void {
  applyArticleChange(db, { seq: seq++, kind: 'article_delete', articleId: id, brandId });
}

/** A fresh database file for each test of the calling file: `db()` is the running test's. */
export function freshDb(): () => Db {
  let dir = '';
  let db: Db | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gigdesk-kb-'));
    db = openDatabase(join(dir, 'kb.sqlite'));
  });
  afterEach(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => db!;
}
