/**
 * The server withholds a capability's changes from apps that do not declare it
 * (shared/capabilities.ts), and their cursors move past them. A database synced by such an app,
 * then opened by one that declares it, would never see what was skipped (a customer pushed
 * before the upgrade stays missing until it changes). So, once per capability: the brand
 * snapshots, which carry the capability's parts in full, fill in what was skipped. Which
 * capabilities a database has been synced with is kept in `settings`.
 */
import { CAPABILITIES, type Capability, KINDS_OF_CAPABILITY } from '../../shared/capabilities';
import type { BrandSnapshot } from '../../shared/protocol';
import type { Db } from '../db/open';
import { applyChange, type SyncAppliers } from './appliers';
import { HttpError, type FeedClient } from './client';
import { customerChanges } from './snapshotLoad';
import { readSyncState } from './syncStateRepo';

const KEY = 'sync.capabilities';

function synced(db: Db): Capability[] {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
    string | undefined;
  const list: unknown = raw === undefined ? [] : JSON.parse(raw);
  return Array.isArray(list) ? CAPABILITIES.filter((c) => list.includes(c)) : [];
}

function markSynced(db: Db, caps: readonly Capability[]): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(caps));
}

/**
 * Before a pull: fills in what earlier syncs skipped for lack of a capability. Answers whether
 * it wrote anything. A database never synced needs nothing (its first sync brings everything);
 * a failure leaves the catch-up for the next sync and never stops this one.
 */
export async function catchUpCapabilities(
  db: Db,
  client: FeedClient,
  appliers: SyncAppliers,
  now: () => number,
  signal?: AbortSignal,
): Promise<boolean> {
  const held = synced(db);
  // A capability without change kinds (a snapshot format) has nothing to fill in.
  const missing = CAPABILITIES.filter(
    (c) => !held.includes(c) && KINDS_OF_CAPABILITY[c].length > 0,
  );
  if (missing.length === 0) return false;
  if (readSyncState(db).cursor === null) {
    markSynced(db, CAPABILITIES);
    return false;
  }
  const brandIds = db.prepare('SELECT brand_id FROM memberships').pluck().all() as string[];
  const snapshots: BrandSnapshot[] = [];
  try {
    for (const id of brandIds) snapshots.push(await client.brandSnapshot(id, signal));
  } catch (error) {
    // A server without snapshots has none of these parts either; anything else: next time.
    if (!(error instanceof HttpError && error.status === 404)) return false;
  }
  db.transaction(() => {
    const apply = appliers.page(db, now());
    for (const s of snapshots) for (const change of customerChanges(s)) applyChange(apply, change);
    markSynced(db, CAPABILITIES);
  })();
  return snapshots.some((s) => customerChanges(s).length > 0);
}
