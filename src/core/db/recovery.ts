import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import {
  KEPT_TABLES,
  readKeepsake,
  readSidecar,
  restoreKeepsake,
  type Keepsake,
  type KeptTable,
} from './keepsake';
import { DatabaseTooNewError, openDatabase, type Db } from './open';

export interface Recovery {
  reason: 'newer' | 'corrupt' | 'unreadable';
  /** Where the damaged (or newer) file now lies. */
  movedTo: string;
  restored: Record<KeptTable, number>;
  /** One paragraph for the advocate: what happened, where the file went, what was kept. */
  message: string;
}

/**
 * Opens the local database; if it cannot be opened (a corrupt page, a file that is not a
 * database, a database from a newer version), moves it aside, starts a fresh one, and restores
 * into it the session, queued actions, drafts and refused texts — from the old file as far as it
 * reads, else from the sidecar copy. Everything else comes back with the next sync.
 * Errors of the fresh database itself (disk full, no permission) are still thrown.
 */
export function openOrRecover(file: string, now: number): { db: Db; recovery: Recovery | null } {
  let failure: unknown;
  try {
    const db = openDatabase(file);
    try {
      // What cannot be synced again must read whole (small tables); so must the sync state.
      for (const table of KEPT_TABLES) db.prepare(`SELECT * FROM ${table}`).all();
      db.prepare('SELECT * FROM sync_state').all();
      return { db, recovery: null };
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    failure = error;
  }
  const reason = classify(failure);
  const movedTo = `${file}.${reason}-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix);
  }
  const sources: Keepsake[] = [];
  const salvaged = salvage(movedTo);
  if (salvaged) sources.push(salvaged.tables);
  const sidecar = readSidecar(file);
  // Rows the old file could not give fully are completed from the sidecar (older, but whole).
  if (sidecar && (!salvaged || salvaged.incomplete.length > 0)) sources.push(sidecar);
  const db = openDatabase(file);
  const restored = restoreKeepsake(db, sources);
  return {
    db,
    recovery: { reason, movedTo, restored, message: describe(reason, failure, movedTo, restored) },
  };
}

function classify(error: unknown): Recovery['reason'] {
  if (error instanceof DatabaseTooNewError) return 'newer';
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' ? 'corrupt' : 'unreadable';
}

function salvage(path: string): ReturnType<typeof readKeepsake> | null {
  try {
    const old = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return readKeepsake(old);
    } finally {
      old.close();
    }
  } catch {
    return null;
  }
}

function describe(
  reason: Recovery['reason'],
  error: unknown,
  movedTo: string,
  restored: Record<KeptTable, number>,
): string {
  const what =
    reason === 'newer'
      ? `Gigdesk’s local database was written by a newer version of Gigdesk. ${(error as Error).message}`
      : reason === 'corrupt'
        ? `Gigdesk’s local database is damaged (${String((error as Error).message)}).`
        : `Gigdesk could not read its local database (${error instanceof Error ? error.message : String(error)}).`;
  const kept =
    `${restored.outbox} queued ${restored.outbox === 1 ? 'action' : 'actions'}, ` +
    `${restored.drafts} ${restored.drafts === 1 ? 'draft' : 'drafts'} and ` +
    `${restored.unsent} unsent ${restored.unsent === 1 ? 'text' : 'texts'} were kept`;
  const session =
    restored.session > 0
      ? 'everything else is downloaded again from the server.'
      : 'sign in again to download everything else from the server.';
  return `${what} It was moved to ${movedTo} and a new one started: ${kept}; ${session}`;
}
