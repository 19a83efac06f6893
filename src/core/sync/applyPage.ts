import type { Change, SyncResponse } from '../../shared/protocol';
import type { Db } from '../db/open';
import { applyLedgerEntry, applyRating } from '../earnings/apply';
import { applyArticleChange } from '../kb/apply';
import {
  deleteMacro,
  revokeTask,
  writeBrand,
  writeBrandEstimates,
  writeCursor,
  writeMacro,
  writeMembership,
  writePayoutRules,
  writeTask,
  type BrandEstimate,
} from './changeRepo';
import { estimateForBrand } from './estimates';

/** What a page changed, for notifications and the renderer's `feed:changed`. */
export interface PageSummary {
  changes: number;
  tasks: number;
  revoked: number;
  kinds: Set<Change['kind']>;
}

/**
 * Applies one page of changes and moves the cursor, all in ONE transaction: a crash leaves
 * either the whole page and its cursor, or neither, so the next pull neither skips nor repeats.
 * Changes are upserts of current state, so re-applying a page converges on the same rows.
 */
export function applyPage(
  db: Db,
  page: Pick<SyncResponse, 'changes' | 'cursor'>,
  now: number,
): PageSummary {
  const summary: PageSummary = {
    changes: page.changes.length,
    tasks: 0,
    revoked: 0,
    kinds: new Set(),
  };
  const estimates = new Map<string, BrandEstimate | null>();
  const estimateOf = (brandId: string) => {
    if (!estimates.has(brandId)) {
      estimates.set(brandId, estimateForBrand(db, brandId));
    }
    return estimates.get(brandId) ?? null;
  };
  db.transaction(() => {
    for (const change of page.changes) {
      summary.kinds.add(change.kind);
      applyChange(db, change, now, estimateOf, estimates, summary);
    }
    writeCursor(db, page.cursor);
  }).immediate();
  return summary;
}

function applyChange(
  db: Db,
  change: Change,
  now: number,
  estimateOf: (brandId: string) => BrandEstimate | null,
  estimates: Map<string, BrandEstimate | null>,
  summary: PageSummary,
): void {
  switch (change.kind) {
    case 'brand':
      return writeBrand(db, change.brand, now);
    case 'membership':
      return writeMembership(db, change.membership);
    case 'task':
      summary.tasks++;
      return writeTask(db, change.task, estimateOf(change.task.brandId));
    case 'revoke':
      summary.revoked++;
      return revokeTask(db, change.taskId);
    case 'article':
    case 'article_delete':
      return applyArticleChange(db, change);
    case 'macro':
      return writeMacro(db, change.macro);
    case 'macro_delete':
      return deleteMacro(db, change.macroId);
    case 'payout_rules': {
      writePayoutRules(db, change.brandId, change.version, change.rules, change.effectiveAt);
      const estimate = estimateForBrand(db, change.brandId);
      estimates.set(change.brandId, estimate);
      if (estimate) writeBrandEstimates(db, change.brandId, estimate);
      return;
    }
    case 'ledger':
      return applyLedgerEntry(db, change.entry, now);
    case 'rating':
      return applyRating(db, change.rating);
  }
}
