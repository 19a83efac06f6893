import Database from 'better-sqlite3';

/** Whether another connection holds the write lock of the database file `file` now. */
export function writeLockHeld(file: string): boolean {
  const probe = new Database(file, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    probe.close();
  }
}
