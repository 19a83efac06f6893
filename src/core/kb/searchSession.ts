import type { Db } from '../db/open';
import { overview } from './overview';
import { ArticleSearch, type Tuning } from './search';
import type { WorkerAnswers, WorkerRequest } from './searchProtocol';

/** Answers one worker request on a connection (in the worker, or in-process as a fallback). */
export function searchSession(db: Db, tuning?: Tuning) {
  const searcher = new ArticleSearch(db, tuning);
  return (message: WorkerRequest): WorkerAnswers[WorkerRequest['kind']] => {
    const start = performance.now();
    switch (message.kind) {
      case 'search':
        return { ...searcher.search(message.request), tookMs: performance.now() - start };
      case 'suggest':
        return { ...searcher.suggest(message.request), tookMs: performance.now() - start };
      case 'nbaSuggest': {
        // The panel shows titles only.
        const outcome = searcher.suggest({ ...message.request, snippets: false });
        return { ...outcome, tookMs: performance.now() - start };
      }
      case 'overview':
        return overview(db);
    }
  };
}
