import { SearchRunner } from '../kb/searchRunner';
import type { Services } from '../services';

const runners = new WeakMap<Services, SearchRunner>();

/** The app's one KB search runner (one worker thread), shared by every handler that searches. */
export function searchRunnerOf(s: Services): SearchRunner {
  let runner = runners.get(s);
  if (!runner) {
    runner = new SearchRunner(s.db, s.kbSearchWorker);
    runners.set(s, runner);
  }
  return runner;
}
