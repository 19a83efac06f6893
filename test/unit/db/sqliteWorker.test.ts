/**
 * A worker thread that opens SQLite is terminated only once its native module is loaded:
 * terminating it while better-sqlite3 registers aborts the whole process (core/db/sqliteWorker.ts).
 */
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { type SqliteWorker, startSqliteWorker } from '../../../src/core/db/sqliteWorker';

const probe = resolve(__dirname, '../../support/sqliteWorkerProbe.ts');

const start = (): SqliteWorker =>
  startSqliteWorker(probe, { workerData: {}, execArgv: ['--require', 'tsx/cjs'] });

/** The next message `worker` posts that equals `text`. */
async function heard(worker: Worker, text: string): Promise<void> {
  for (;;) {
    const [m] = (await once(worker, 'message')) as [string];
    if (m === text) return;
  }
}

describe('a SQLite worker thread being stopped', () => {
  it('runs on until its module is loaded, then is terminated', async () => {
    const thread = start();
    await heard(thread.worker, 'started');
    let stopped = false;
    const stopping = thread.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 200));
    // Still running: it answers.
    thread.worker.postMessage('ping');
    await heard(thread.worker, 'pong');
    expect(stopped).toBe(false);
    const exited = once(thread.worker, 'exit');
    thread.worker.postMessage('load');
    await stopping;
    expect(stopped).toBe(true);
    await exited;
  });

  it('is terminated at once when loaded', async () => {
    const thread = start();
    await heard(thread.worker, 'started');
    thread.worker.postMessage('load');
    await heard(thread.worker, 'loaded');
    const exited = once(thread.worker, 'exit');
    await thread.stop();
    await exited;
  });

  it('does not wait for one that exited before loading', async () => {
    const thread = start();
    await heard(thread.worker, 'started');
    const exited = once(thread.worker, 'exit');
    thread.worker.postMessage('exit');
    await exited;
    await thread.stop();
  });
});
