import { resolve } from 'node:path';
import type { AnnounceWorkerEntry } from '../../src/core/feed/announceProtocol';

/** The announce worker from its TypeScript source, run through tsx (the app runs the built file). */
export const announceWorkerForTests: AnnounceWorkerEntry = {
  file: resolve(__dirname, '../../src/core/feed/announceWorker.ts'),
  execArgv: ['--require', 'tsx/cjs'],
};
