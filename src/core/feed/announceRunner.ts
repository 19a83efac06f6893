import type { Worker } from 'node:worker_threads';
import type { Db } from '../db/open';
import { type SqliteWorker, startSqliteWorker } from '../db/sqliteWorker';
import type {
  AnnounceFindings,
  AnnounceQuery,
  AnnounceResponse,
  AnnounceWorkerEntry,
} from './announceProtocol';
import { findAnnouncements } from './notifyRepo';

interface Job {
  id: number;
  query: AnnounceQuery;
  show: (findings: AnnounceFindings) => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Reads what to announce on a worker thread and hands each answer to its `show` on this thread.
 * One at a time: a query is read only after the previous answer was shown (its tasks marked
 * announced), so no task is announced twice; of the queries waiting, only the newest is read (the
 * others resolve without showing). A database without a file, or no worker entry, is read
 * in-thread; so is a query the worker failed to answer.
 */
export class AnnounceRunner {
  private thread: SqliteWorker | null = null;
  private running: Job | null = null;
  private waiting: Job | null = null;
  private nextId = 1;

  constructor(
    private readonly db: Db,
    private readonly entry?: AnnounceWorkerEntry,
  ) {}

  run(query: AnnounceQuery, show: (findings: AnnounceFindings) => void): Promise<void> {
    if (!this.entry || this.db.memory) {
      try {
        show(findAnnouncements(this.db, query));
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return new Promise((resolve, reject) => {
      this.waiting?.resolve();
      this.waiting = { id: this.nextId++, query, show, resolve, reject };
      this.pump();
    });
  }

  /** Stops the worker; what was asked and not shown yet is dropped. */
  close(): Promise<number> | undefined {
    const thread = this.thread;
    this.thread = null;
    for (const job of [this.running, this.waiting]) job?.resolve();
    this.running = null;
    this.waiting = null;
    return thread?.stop();
  }

  private pump(): void {
    if (this.running) return;
    const job = this.waiting;
    if (!job) {
      this.thread?.worker.unref();
      return;
    }
    this.waiting = null;
    this.running = job;
    const worker = this.start();
    worker.ref();
    worker.postMessage({ id: job.id, query: job.query });
  }

  private start(): Worker {
    if (this.thread) return this.thread.worker;
    const thread = startSqliteWorker(this.entry!.file, {
      workerData: { file: this.db.name },
      execArgv: this.entry!.execArgv,
    });
    const worker = thread.worker;
    worker.on('message', (response: AnnounceResponse) => {
      if (response.id !== this.running?.id) return;
      this.finish(response.ok ? response.findings : null);
    });
    worker.on('error', () => this.fail(worker));
    worker.on('exit', () => this.fail(worker));
    this.thread = thread;
    return worker;
  }

  /** A crashed worker: its query is read in-thread; the next one starts a fresh worker. */
  private fail(worker: Worker): void {
    if (this.thread?.worker !== worker) return;
    this.thread = null;
    if (this.running) this.finish(null);
  }

  private finish(findings: AnnounceFindings | null): void {
    const job = this.running!;
    this.running = null;
    try {
      job.show(findings ?? findAnnouncements(this.db, job.query));
      job.resolve();
    } catch (error) {
      job.reject(error);
    }
    this.pump();
  }
}
