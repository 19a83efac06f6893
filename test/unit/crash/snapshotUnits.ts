/** The snapshot the snapshot kill-point child loads (and the parent loads again to resume). */
import type { SnapshotSource } from '../../../src/core/sync/snapshotLoad';
import type { BrandSnapshot, OwnSnapshot, TaskView } from '../../../src/shared/protocol';
import { taskTable } from '../../../src/shared/snapshotRows';
import { testPayoutRules } from '../../support/taskViews';
import { pageTask, T0 } from './units';

export const SNAPSHOT_TASKS = 400;
export const SNAPSHOT_FIRST_PAGE = 50;
export const SNAPSHOT_CURSOR = '4242';
/** The cursor of the snapshots read again later (`snapshotSource('changed')`). */
export const CHANGED_CURSOR = '4343';

/** The feed's default order, as the server's first-page read sorts. */
const feedOrder = (a: TaskView, b: TaskView) =>
  b.complexity - a.complexity || b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);

/**
 * The advocate's own snapshot, the brand's first page (its first `SNAPSHOT_FIRST_PAGE` tasks in
 * feed order) and the brand snapshot. `changed`: the same read again after the top task of the
 * first page was taken by someone else, another of it edited and a new one pushed (still
 * `SNAPSHOT_TASKS` tasks).
 */
export function snapshotSource(variant: 'as-killed' | 'changed' = 'as-killed'): SnapshotSource {
  const cursor = variant === 'changed' ? CHANGED_CURSOR : SNAPSHOT_CURSOR;
  let tasks = Array.from({ length: SNAPSHOT_TASKS }, (_, n) => pageTask(1, n));
  if (variant === 'changed') {
    const [gone, edited] = [...tasks].sort(feedOrder);
    tasks = tasks
      .filter((t) => t.id !== gone!.id)
      .map((t) => (t.id === edited!.id ? { ...t, subject: 'Edited meanwhile' } : t));
    tasks.push(pageTask(1, SNAPSHOT_TASKS + 4));
  }
  const own: OwnSnapshot = {
    cursor,
    memberships: [{ brandId: 'brand-1', tier: 1, skills: [], suspended: false }],
    tasks: taskTable([]),
    ledger: [],
    ratings: [],
  };
  const brand: BrandSnapshot = {
    brandId: 'brand-1',
    tier: 1,
    cursor,
    builtAt: T0,
    brand: { id: 'brand-1', name: 'Brand', currency: 'EUR', leaseMinutes: 30 },
    payoutRules: [{ version: 1, rules: testPayoutRules, effectiveAt: 0 }],
    articles: [],
    macros: [],
    tasks: taskTable(tasks),
  };
  return {
    own: async () => own,
    firstPage: async (brandId, limit) => ({
      brandId,
      tier: brand.tier,
      cursor,
      brand: brand.brand,
      payoutRules: brand.payoutRules,
      macros: brand.macros,
      tasks: taskTable([...tasks].sort(feedOrder).slice(0, limit)),
    }),
    brand: async () => brand,
  };
}
