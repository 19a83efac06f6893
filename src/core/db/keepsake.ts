import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomicFile';
import type { Db } from './open';

/**
 * What the advocate made here and the server does not have yet: the session (to know where to
 * re-sync from), queued actions, drafts, refused texts and quiz answers. Everything else is the server's and
 * is downloaded again after a recovery.
 */
export const KEPT_TABLES = ['session', 'outbox', 'drafts', 'unsent', 'course_attempts'] as const;
export type KeptTable = (typeof KEPT_TABLES)[number];
export type Keepsake = Partial<Record<KeptTable, Record<string, unknown>[]>>;

interface SidecarFile {
  format: 1;
  writtenAt: number;
  tables: Keepsake;
}

export const sidecarPath = (dbFile: string) => `${dbFile}.keep.json`;

/**
 * Reads the kept tables row by row; a table that fails part-way (a corrupt page) keeps the rows
 * read before the failure and is listed in `incomplete`.
 */
export function readKeepsake(db: Db): { tables: Keepsake; incomplete: KeptTable[] } {
  const tables: Keepsake = {};
  const incomplete: KeptTable[] = [];
  for (const table of KEPT_TABLES) {
    const rows: Record<string, unknown>[] = [];
    try {
      for (const row of db.prepare(`SELECT * FROM ${table}`).iterate())
        rows.push(row as Record<string, unknown>);
    } catch {
      incomplete.push(table);
    }
    tables[table] = rows;
  }
  return { tables, incomplete };
}

/** The periodic copy beside the database, written atomically (see writeFileAtomic). */
export function writeSidecar(db: Db, dbFile: string, now: number): void {
  const file: SidecarFile = { format: 1, writtenAt: now, tables: readKeepsake(db).tables };
  writeFileAtomic(sidecarPath(dbFile), JSON.stringify(file));
}

export function readSidecar(dbFile: string): Keepsake | null {
  const path = sidecarPath(dbFile);
  if (!existsSync(path)) return null;
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as SidecarFile;
    return file.format === 1 ? file.tables : null;
  } catch {
    return null;
  }
}

/**
 * Writes kept rows into a fresh database: only the columns this version knows, and never over
 * a row already there (the same idempotency key, draft or text arriving from both sources).
 * Answers how many rows of each table were restored.
 */
export function restoreKeepsake(db: Db, sources: Keepsake[]): Record<KeptTable, number> {
  const restored = { session: 0, outbox: 0, drafts: 0, unsent: 0, course_attempts: 0 };
  db.transaction(() => {
    for (const table of KEPT_TABLES) {
      const known = new Set(
        (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name),
      );
      for (const source of sources) {
        for (const row of source[table] ?? []) {
          const columns = Object.keys(row).filter((c) => known.has(c));
          if (columns.length === 0) continue;
          try {
            const info = db
              .prepare(
                `INSERT OR IGNORE INTO ${table} (${columns.join(', ')})
                 VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
              )
              .run(Object.fromEntries(columns.map((c) => [c, row[c]])));
            restored[table] += info.changes;
          } catch {
            // A row this version cannot take (a newer shape, a damaged value) is skipped.
          }
        }
      }
    }
  })();
  return restored;
}

/** Writes the sidecar now and every `intervalMs`; answers the stop function. */
export function keepSidecar(
  db: Db,
  dbFile: string,
  now: () => number,
  intervalMs = 60_000,
  onError: (error: unknown) => void = () => undefined,
): () => void {
  const write = () => {
    try {
      writeSidecar(db, dbFile, now());
    } catch (error) {
      onError(error);
    }
  };
  write();
  const timer = setInterval(write, intervalMs);
  timer.unref?.();
  return () => {
    clearInterval(timer);
    write();
  };
}
