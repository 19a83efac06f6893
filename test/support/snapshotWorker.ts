import { resolve } from 'node:path';
import type { SnapshotWorkerEntry } from '../../src/core/sync/snapshotWorkerProtocol';

/** The snapshot-load worker from its TypeScript source, run through tsx (the app runs the built file). */
export const snapshotWorkerForTests: SnapshotWorkerEntry = {
  file: resolve(__dirname, '../../src/core/handlers/snapshotWorker.ts'),
  execArgv: ['--import', 'tsx'],
};
