import type { Db } from '../db/open';
import { analyzePendingPage } from './apply';

/**
 * At most this many articles a page, and a page ends once it has taken PAGE_MS (a long article
 * costs several ms): the main thread is never held for much longer, and anything else waiting
 * (IPC, sync) runs between pages.
 */
const PAGE = 50;
const PAGE_MS = 15;

export interface BackgroundAnalysis {
  /** Settles when no article is left to analyze, or once stopped. */
  done: Promise<void>;
  stop(): void;
}

/**
 * Analyzes pending articles (language NULL: before 008, or after 011/013 changed the analysis) a
 * page at a time between other work, instead of all at once when the app opens. Search keeps
 * answering meanwhile, from each article's old terms until its page is done; progress is the
 * rows' own `language`, committed per page, so after a crash the next start goes on from there.
 */
export function analyzeInBackground(db: Db): BackgroundAnalysis {
  let stopped = false;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const step = () => {
    if (stopped || !db.open) return finish();
    try {
      if (analyzePendingPage(db, PAGE, PAGE_MS) === 0) return finish();
    } catch {
      // A closed or failing database: the rest waits for the next start.
      return finish();
    }
    setImmediate(step).unref();
  };
  setImmediate(step).unref();
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}
