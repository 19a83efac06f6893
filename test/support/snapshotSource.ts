import type { SnapshotSource } from '../../src/core/sync/snapshotLoad';
import type { BrandSnapshot, OwnSnapshot } from '../../src/shared/protocol';
import { taskTable } from '../../src/shared/snapshotRows';
import { taskView, testPayoutRules } from './taskViews';

/** Snapshots of one brand with `tasks` tasks (one message each), served from memory. */
export function memorySnapshot(tasks: number): SnapshotSource {
  const brand: BrandSnapshot = {
    brandId: 'b1',
    tier: 1,
    cursor: '9',
    builtAt: 0,
    brand: { id: 'b1', name: 'Acme', currency: 'EUR', leaseMinutes: 30 },
    payoutRules: [{ version: 1, rules: testPayoutRules, effectiveAt: 0 }],
    articles: [],
    macros: [],
    tasks: taskTable(Array.from({ length: tasks }, (_, i) => taskView(i))),
  };
  const own: OwnSnapshot = {
    cursor: '9',
    memberships: [{ brandId: 'b1', tier: 1, skills: [], suspended: false }],
    tasks: taskTable([]),
    ledger: [],
    ratings: [],
  };
  return { own: async () => own, brand: async () => brand };
}
