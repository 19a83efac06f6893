/**
 * The KB search worker thread: searches on its own read-only connection, so they never block
 * the main process's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { markSqliteLoaded } from '../db/sqliteWorker';
import type { WorkerData, WorkerRequest, WorkerResponse } from './searchProtocol';
import { openSearchConnection } from './searchConnection';
import { searchSession } from './searchSession';

const { file } = workerData as WorkerData;
const connection = openSearchConnection(file);
markSqliteLoaded();
const answer = searchSession(connection);

parentPort?.on('message', (message: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: message.id, ok: true, value: answer(message) };
  } catch (error) {
    response = {
      id: message.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort?.postMessage(response);
});
