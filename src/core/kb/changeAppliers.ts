import type { Db } from '../db/open';
import { applyArticleChange, type ArticleChange } from './apply';

/**
 * The change kinds the knowledge base owns: articles. Typed without core/sync's registry type:
 * services.ts names kb's worker entry, so kb → sync (→ services) would close a cycle.
 */
export function kbChangeAppliers(db: Db): {
  [K in ArticleChange['kind']]: (change: Extract<ArticleChange, { kind: K }>) => void;
} {
  return {
    article: (c) => applyArticleChange(db, c),
    article_delete: (c) => applyArticleChange(db, c),
  };
}
