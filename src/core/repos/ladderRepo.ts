import type { LadderResponse } from '../../shared/trustProtocol';
import type { Db } from '../db/open';

/**
 * The last ladder standing the server gave, kept in the settings table under its own key (it is
 * not a setting: `loadSettings` reads only the keys it knows), so Settings shows it offline.
 */
const KEY = 'cache.ladder';

export interface CachedLadder {
  answer: LadderResponse;
  fetchedAt: number;
}

export function readLadderCache(db: Db): CachedLadder | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as CachedLadder) : null;
}

export function writeLadderCache(db: Db, cached: CachedLadder): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(cached));
}

/** Brand names as this device knows them. */
export function brandNames(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT id, name FROM brands').all() as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
