/**
 * Sync's page and settle paths with the app's own appliers (core/handlers/changeAppliers.ts),
 * as the engine calls them: tests apply pages and answers exactly as the app does.
 */
import type { Db } from '../../src/core/db/open';
import { appAppliers } from '../../src/core/handlers/changeAppliers';
import { applyPage as applyPageWith, type PageSummary } from '../../src/core/sync/applyPage';
import { settleAction as settleActionWith } from '../../src/core/sync/outbox';
import type { OutboxRow } from '../../src/core/sync/outboxRepo';
import type { Notice } from '../../src/shared/contract/events';
import type { ActionResult, SyncResponse } from '../../src/shared/protocol';

export { appAppliers };

export const applyPage = (
  db: Db,
  page: Pick<SyncResponse, 'changes' | 'cursor'>,
  now: number,
): PageSummary => applyPageWith(db, page, now, appAppliers);

export const settleAction = (
  db: Db,
  row: OutboxRow,
  result: ActionResult,
  now: number,
): Notice | null => settleActionWith(db, row, result, now, appAppliers);
