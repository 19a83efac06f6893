/**
 * Child process for the crash test: pulls and applies pages like the engine does, and freezes in
 * the middle of a page (inside its transaction, after `killAtRow` task inserts) so the parent can
 * SIGKILL it there. Run with `node --import tsx applyChild.ts <db> <serverUrl> <token> <killAtRow>`.
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../../src/core/db/open';
import { FeedClient } from '../../../src/core/sync/client';
import { readSyncState } from '../../../src/core/sync/syncStateRepo';
import { applyPage } from '../../support/sync';

const [dbFile, serverUrl, token, killAt] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const db = openDatabase(dbFile);
let inserted = 0;
db.function('crash_point', () => {
  inserted++;
  if (inserted === Number(killAt)) {
    writeSync(1, 'MID-PAGE\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  }
  return 0;
});
db.exec(
  'CREATE TEMP TRIGGER crash_point AFTER INSERT ON main.tasks BEGIN SELECT crash_point(); END;',
);

async function main(): Promise<void> {
  const client = new FeedClient({ baseUrl: serverUrl, token });
  for (;;) {
    const page = await client.pull(readSyncState(db).cursor, 200);
    applyPage(db, page, Date.now());
    writeSync(1, `PAGE ${page.cursor}\n`);
    if (!page.hasMore) break;
  }
  writeSync(1, 'DONE\n');
}

void main();
