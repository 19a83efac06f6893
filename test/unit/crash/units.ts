/** The units the kill-point child writes: sync-page tasks and ledger entries. */
import type { LedgerEntryView, TaskView } from '../../../src/shared/protocol';
import { taskView } from '../../support/taskViews';

export const TASKS_PER_PAGE = 150;
export const T0 = Date.UTC(2026, 2, 14, 9, 0, 0);

export function pageTask(page: number, n: number): TaskView {
  const id = `p${page}-t${n}`;
  return taskView(n, {
    id,
    brandId: 'brand-1',
    externalRef: `ext-${id}`,
    updatedAt: T0 + page,
    messages: [0, 1].map((m) => ({
      id: `${id}-m${m}`,
      author: 'customer' as const,
      authorName: 'Ingrid Berg',
      kind: 'message' as const,
      body: `Message ${m} of ${id}: `.padEnd(400, 'x'),
      redacted: false,
      createdAt: T0 + m,
    })),
  });
}

export function ledgerEntry(n: number): LedgerEntryView {
  return {
    id: `e-${n}`,
    taskId: `task-${n}`,
    brandId: 'brand-1',
    kind: 'case',
    outcome: 'resolved',
    amountMinor: 100 + n,
    currency: 'EUR',
    status: 'pending',
    ruleVersion: 1,
    lines: [{ kind: 'base', label: 'Base', amountMinor: 100 + n }],
    occurredAt: T0 + n * 60_000,
  };
}
