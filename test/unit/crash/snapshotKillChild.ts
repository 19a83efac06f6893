/**
 * Child process for the snapshot kill-point test: loads a snapshot of `SNAPSHOT_TASKS` tasks
 * into the file (first page, then the bulk load with indexes dropped) and freezes at its
 * `killAt`-th row write, after reporting whether that write is inside a transaction, so the
 * parent SIGKILLs it there. Prints `FIRST` after the first page's commit and `DONE` at the end.
 * Args: `<db file> <killAt>`; `killAt` 0 runs to the end without stopping.
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../../src/core/db/open';
import { appAppliers } from '../../../src/core/handlers/changeAppliers';
import { loadSnapshot } from '../../../src/core/sync/snapshotLoad';
import { snapshotSource, SNAPSHOT_FIRST_PAGE } from './snapshotUnits';
import { T0 } from './units';

const say = (line: string) => writeSync(1, `${line}\n`);

async function main(): Promise<void> {
  const [file, killAtArg] = process.argv.slice(2) as [string, string];
  const killAt = Number(killAtArg);
  const db = openDatabase(file);
  let writes = 0;
  db.function('kill_point', () => {
    if (++writes !== killAt) return 0;
    say(`KILL-POINT ${writes} ${db.inTransaction ? 'in-transaction' : 'autocommit'}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    return 0;
  });
  for (const table of ['tasks', 'messages', 'sync_state', 'brands', 'memberships'])
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      db.exec(
        `CREATE TEMP TRIGGER kill_${table}_${event} AFTER ${event} ON main.${table}
         BEGIN SELECT kill_point(); END;`,
      );
  const result = await loadSnapshot(
    db,
    snapshotSource(),
    appAppliers,
    () => T0,
    () => say('FIRST'),
    SNAPSHOT_FIRST_PAGE,
  );
  say(`DONE ${result?.tasks ?? 'null'} ${writes}`);
}

void main();
