import Database from 'better-sqlite3';
import { latestSchemaVersion, migrations } from './migrations';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database was written by a newer version of Gigdesk (schema version ${fileVersion}); ` +
        `this version understands schema versions up to ${appVersion}. ` +
        `Update Gigdesk to open it. The file was left unchanged.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Opens (creating if needed) the local database and brings its schema up to date.
 * A file from a newer version is refused before anything is written to it.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestSchemaVersion) throw new DatabaseTooNewError(version, latestSchemaVersion);
    // A new file gets 16 KiB pages (an existing file keeps its own: WAL mode fixes it). Initial
    // sync writes ~90 MB for 100,000 tasks in one transaction; a quarter as many pages to write
    // into the WAL and to split while inserting and building indexes: its bulk load and a
    // 10,000-task delta measured about a fifth less CPU (bench `sync`).
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    // Temporary files in memory: the statement journal of a multi-row statement (past 64 KiB)
    // and the sorts of an index build otherwise go through temp files, about a fifth of the CPU
    // of initial sync's bulk load. Set at open: changing it later drops the connection's
    // temporary triggers and tables.
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    // Every commit reaches the disk: the outbox and the ledger must survive a crash or power loss.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies every pending migration and the new `user_version` in one transaction. */
export function migrate(db: Db): void {
  const apply = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latestSchemaVersion) throw new DatabaseTooNewError(current, latestSchemaVersion);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  apply.immediate();
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
