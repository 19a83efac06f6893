import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { Db } from '../db/open';
import { type SqliteWorker, startSqliteWorker } from '../db/sqliteWorker';
import { analyzeInBackground, type BackgroundAnalysis } from './backgroundAnalysis';
import type {
  SearchWorkerEntry,
  WorkerAnswers,
  WorkerData,
  WorkerKind,
  WorkerRequest,
  WorkerResponse,
} from './searchProtocol';
import { searchSession } from './searchSession';

/**
 * The search worker's heap limits. Left to V8, a burst of searches grows its young generation to
 * V8's largest (semi-spaces of 16 MB each), ~30 MB of resident memory kept for garbage that
 * lives a few milliseconds. What a search keeps alive is small, so a small young generation
 * costs only more frequent, still cheap, scavenges.
 */
export const SEARCH_WORKER_LIMITS: ResourceLimits = {
  maxYoungGenerationSizeMb: 12,
};

/** The answer to a request that a newer one of the same kind replaced: show the newer one. */
export const SUPERSEDED = Symbol('superseded');
export type Superseded = typeof SUPERSEDED;

interface Job {
  message: WorkerRequest;
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

type Payload<K extends WorkerKind> = Extract<WorkerRequest, { kind: K }>['request'];

/**
 * Runs KB queries on a worker thread, one at a time. Per kind, only the newest request counts:
 * a queued older one is answered `SUPERSEDED` without running, and the result of one already
 * running is dropped when a newer one is waiting. A database without a file (in-memory, in
 * some tests) is searched in-process instead.
 */
export class SearchRunner {
  private thread: SqliteWorker | null = null;
  private get worker(): Worker | null {
    return this.thread?.worker ?? null;
  }
  private running: Job | null = null;
  private readonly queued = new Map<WorkerKind, Job>();
  private readonly latest = new Map<WorkerKind, number>();
  private nextId = 1;
  private inProcess: ReturnType<typeof searchSession> | null = null;
  /** Pending articles, analyzed a page at a time on the writing connection. */
  readonly analysis: BackgroundAnalysis;

  constructor(
    private readonly db: Db,
    private readonly entry: SearchWorkerEntry,
  ) {
    // Articles stored before migration 008 or marked by 011/013 are analyzed on the writing
    // connection (the worker's is read-only), in the background; nothing pending is one probe.
    this.analysis = analyzeInBackground(db);
  }

  run<K extends WorkerKind>(kind: K, request: Payload<K>): Promise<WorkerAnswers[K] | Superseded> {
    const id = this.nextId++;
    const message = { id, kind, request } as WorkerRequest;
    if (this.db.memory) {
      this.inProcess ??= searchSession(this.db);
      return Promise.resolve(this.inProcess(message) as WorkerAnswers[K]);
    }
    this.latest.set(kind, id);
    return new Promise((resolve, reject) => {
      this.queued.get(kind)?.resolve(SUPERSEDED as never);
      this.queued.set(kind, { message, resolve: resolve as (v: never) => void, reject });
      this.pump();
    });
  }

  /** The limits the running worker thread has (none before it starts). */
  workerLimits(): ResourceLimits | undefined {
    return this.worker?.resourceLimits;
  }

  close(): Promise<number> | undefined {
    this.analysis.stop();
    const thread = this.thread;
    this.thread = null;
    return thread?.stop();
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queued.entries().next();
    if (next.done) {
      this.worker?.unref();
      return;
    }
    const [kind, job] = next.value;
    this.queued.delete(kind);
    this.running = job;
    const worker = this.start();
    worker.ref();
    worker.postMessage(job.message);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const data: WorkerData = { file: this.db.name };
    const thread = startSqliteWorker(this.entry.file, {
      workerData: data,
      execArgv: this.entry.execArgv,
      resourceLimits: SEARCH_WORKER_LIMITS,
    });
    const worker = thread.worker;
    worker.on('message', (response: WorkerResponse) => this.settle(response));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`KB search worker exited (${code})`)));
    this.thread = thread;
    return worker;
  }

  private settle(response: WorkerResponse): void {
    const job = this.running;
    if (!job || job.message.id !== response.id) return;
    this.running = null;
    if (!response.ok) job.reject(new Error(response.message));
    else if (this.latest.get(job.message.kind) !== job.message.id) job.resolve(SUPERSEDED as never);
    else job.resolve(response.value as never);
    this.pump();
  }

  /** A crashed worker fails what it held; the next request starts a fresh one. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker && this.worker !== null) return;
    this.thread = null;
    const job = this.running;
    this.running = null;
    job?.reject(error);
    this.pump();
  }
}
