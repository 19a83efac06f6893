/**
 * Child process for the bulk-load crash test: loads a 3,000-task snapshot from memory into the
 * database file, and freezes inside the bulk transaction after `killAtRow` task inserts so the
 * parent can SIGKILL it there. Run with `node --import tsx bulkLoadChild.ts <db> <killAtRow>`.
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../../src/core/db/open';
import { loadSnapshot } from '../../../src/core/sync/snapshotLoad';
import { memorySnapshot } from '../../support/snapshotSource';
import { appAppliers } from '../../support/sync';

const [dbFile, killAt] = process.argv.slice(2) as [string, string];
const db = openDatabase(dbFile);
let inserted = 0;
db.function('crash_point', () => {
  inserted++;
  if (inserted === Number(killAt)) {
    writeSync(1, 'MID-BULK\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  }
  return 0;
});
db.exec(
  'CREATE TEMP TRIGGER crash_point AFTER INSERT ON main.tasks BEGIN SELECT crash_point(); END;',
);

void loadSnapshot(db, memorySnapshot(3_000), appAppliers, Date.now, (tasks) =>
  writeSync(1, `FIRST-PAGE ${tasks}\n`),
).then(() => writeSync(1, 'DONE\n'));
