import type { Database } from 'better-sqlite3';
import { m001Initial } from './migrations/001_initial';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/**
 * Every schema change, in order. Shipped migrations are never edited: add a new one.
 * Versions must be strictly increasing (asserted below), so a bad merge fails at load.
 */
export const migrations: readonly Migration[] = [m001Initial];

for (let i = 1; i < migrations.length; i++) {
  const prev = migrations[i - 1]!;
  const cur = migrations[i]!;
  if (cur.version <= prev.version) {
    throw new Error(`Migrations out of order: ${cur.version} (${cur.name}) after ${prev.version}`);
  }
}

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
