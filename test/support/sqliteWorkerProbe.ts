/**
 * A worker thread for sqliteWorker.test.ts: loads better-sqlite3 only when told to ('load'),
 * answers 'ping' meanwhile, and exits on 'exit'.
 */
import { parentPort } from 'node:worker_threads';
import { markSqliteLoaded } from '../../src/core/db/sqliteWorker';

const port = parentPort!;
port.on('message', (m: string) => {
  if (m === 'ping') port.postMessage('pong');
  if (m === 'exit') process.exit(0);
  if (m !== 'load') return;
  void import('better-sqlite3').then(({ default: Database }) => {
    new Database(':memory:').close();
    markSqliteLoaded();
    port.postMessage('loaded');
  });
});
port.postMessage('started');
