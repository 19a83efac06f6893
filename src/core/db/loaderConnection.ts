import { type Db, openDatabase } from './open';

/**
 * The connection of initial sync's worker thread, which writes a whole feed (~80 MB for
 * 100,000 tasks) in one transaction. Its commits do not checkpoint: by default the commit that
 * takes the write-ahead log past 1,000 pages also copies the log into the database file, ~0.1 s
 * of a ~1 s load, before the load can report done. `closeLoaderDatabase` copies it after that,
 * still on the worker's thread. The commits still reach the disk (the log is synced).
 * Another connection's commit in between would do the copy instead, on its own thread (the
 * app's main thread): `leaveCheckpointToLoader` keeps the app's connection from it.
 */
export function openLoaderDatabase(file: string): Db {
  const db = openDatabase(file);
  db.pragma('wal_autocheckpoint = 0');
  return db;
}

/** Copies what the loader wrote into the database file (see above), then closes. */
export function closeLoaderDatabase(db: Db): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
}

/**
 * On the app's connection, from the loader's bulk transaction until the loader has closed: its
 * commits only append to the write-ahead log, so that no write of the main thread in between
 * (one held for the load, run as soon as it commits) copies the loader's log into the file.
 * Answers the restore (once; a closed connection is left alone).
 */
export function leaveCheckpointToLoader(db: Db): () => void {
  const before = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  let restored = false;
  return () => {
    if (restored || !db.open) return;
    restored = true;
    db.pragma(`wal_autocheckpoint = ${before}`);
  };
}
