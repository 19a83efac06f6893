import { resolve } from 'node:path';
import type { SearchWorkerEntry } from '../../src/core/kb/searchProtocol';

/** The KB search worker from its TypeScript source, run through tsx (the app runs the built file). */
export const kbSearchWorkerForTests: SearchWorkerEntry = {
  file: resolve(__dirname, '../../src/core/kb/searchWorker.ts'),
  execArgv: ['--require', 'tsx/cjs'],
};
