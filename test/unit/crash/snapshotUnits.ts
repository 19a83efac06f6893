/** The snapshot the snapshot kill-point child loads (and the parent loads again to resume). */
import type { SnapshotSource } from '../../../src/core/sync/snapshotLoad';
import type { BrandSnapshot, OwnSnapshot } from '../../../src/shared/protocol';
import { taskTable } from '../../../src/shared/snapshotRows';
import { testPayoutRules } from '../../support/taskViews';
import { pageTask, T0 } from './units';

export const SNAPSHOT_TASKS = 400;
export const SNAPSHOT_FIRST_PAGE = 50;
export const SNAPSHOT_CURSOR = '4242';

export function snapshotSource(): SnapshotSource {
  const own: OwnSnapshot = {
    cursor: SNAPSHOT_CURSOR,
    memberships: [{ brandId: 'brand-1', tier: 1, skills: [], suspended: false }],
    tasks: taskTable([]),
    ledger: [],
    ratings: [],
  };
  const brand: BrandSnapshot = {
    brandId: 'brand-1',
    tier: 1,
    cursor: SNAPSHOT_CURSOR,
    builtAt: T0,
    brand: { id: 'brand-1', name: 'Brand', currency: 'EUR', leaseMinutes: 30 },
    payoutRules: [{ version: 1, rules: testPayoutRules, effectiveAt: 0 }],
    articles: [],
    macros: [],
    tasks: taskTable(Array.from({ length: SNAPSHOT_TASKS }, (_, n) => pageTask(1, n))),
  };
  return { own: async () => own, brand: async () => brand };
}
