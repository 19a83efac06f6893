/**
 * The snapshot-load worker thread (see core/sync/snapshotLoad.ts): opens the app's database
 * file, loads the snapshots with the features' appliers, catches up with `/v1/sync` and reports
 * back. Lives with the
 * handlers because it composes sync with the features' appliers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { closeLoaderDatabase, openLoaderDatabase } from '../db/loaderConnection';
import { markSqliteLoaded } from '../db/sqliteWorker';
import { FeedClient, HttpError, NetworkError } from '../sync/client';
import { pullPages } from '../sync/pullPages';
import { loadSnapshot } from '../sync/snapshotLoad';
import type {
  SnapshotAppMessage,
  SnapshotWorkerData,
  SnapshotWorkerMessage,
  WorkerFailure,
} from '../sync/snapshotWorkerProtocol';
import { appAppliers } from './changeAppliers';

const data = workerData as SnapshotWorkerData;
const post = (m: SnapshotWorkerMessage) => parentPort!.postMessage(m);

function failureOf(error: unknown): WorkerFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof HttpError) {
    const { status, code, retryAfterMs } = error;
    return { kind: 'http', status, code, message, retryAfterMs };
  }
  const kind = error instanceof NetworkError ? 'network' : 'other';
  return { kind, status: 0, code: kind, message, retryAfterMs: null };
}

// The app's clock (tests move it), carried over as an offset from this thread's.
const offset = data.now - Date.now();
const now = () => Date.now() + offset;
const db = openLoaderDatabase(data.file);
markSqliteLoaded();
// A 100,000-task snapshot is megabytes, and the first ask of a brand builds it: more time than
// a sync page gets.
const client = new FeedClient({ baseUrl: data.baseUrl, token: data.token, timeoutMs: 180_000 });
/** Asks the app to hold its writes (`bulkBegin`), once it has (`bulkGo`); releasing tells it. */
function holdAppWrites(): Promise<() => void> {
  return new Promise((resolve) => {
    const go = (m: SnapshotAppMessage) => {
      if (m.type !== 'bulkGo') return;
      parentPort!.off('message', go);
      resolve(() => post({ type: 'bulkEnd' }));
    };
    parentPort!.on('message', go);
    post({ type: 'bulkBegin' });
  });
}

async function loadAndCatchUp() {
  const result = await loadSnapshot(
    db,
    {
      own: () => client.ownSnapshot(),
      firstPage: (id, limit) => client.brandFirstPage(id, limit),
      brand: (id) => client.brandSnapshot(id),
    },
    appAppliers,
    now,
    (tasks) => post({ type: 'firstPage', tasks }),
    undefined,
    holdAppWrites,
  );
  // Catch up from the snapshot's cursor here too, so that parsing and applying what changed
  // while the snapshot was loading stays off the main thread; the engine's own pull then finds
  // (about) nothing.
  if (result) {
    await pullPages({ db, client, appliers: appAppliers, now, pageSize: data.pageSize });
  }
  return result;
}

loadAndCatchUp()
  .then(
    (result) => post({ type: 'done', result }),
    (error: unknown) => post({ type: 'failed', failure: failureOf(error) }),
  )
  .finally(() => closeLoaderDatabase(db));
