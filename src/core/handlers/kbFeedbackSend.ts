import type { Db } from '../db/open';
import { HttpError, type FeedClient } from '../sync/client';
import { settleKbVotes, unsentKbVotes } from '../kb/feedbackRepo';

const BATCH = 100;

/**
 * Sends the queued KB votes (run by each sync after the outbox). A vote is settled only by the
 * server's answer; network errors, 5xx and 429 are thrown for the engine's backoff, and the
 * votes stay queued. A server without the route (404) keeps them for a later version.
 */
export async function sendKbVotes(
  db: Db,
  client: FeedClient,
  signal: AbortSignal,
  now: () => number,
): Promise<void> {
  for (;;) {
    const votes = unsentKbVotes(db, BATCH);
    if (votes.length === 0) return;
    let refusedAll = false;
    let results: { status: string }[] = [];
    try {
      results = (await client.kbFeedback(votes, signal)).results;
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return;
      // A batch the server cannot read at all must not hold the queue hostage.
      if (error instanceof HttpError && error.status === 400) refusedAll = true;
      else throw error;
    }
    const answered = votes.flatMap((vote, i) => {
      const r = refusedAll ? { status: 'rejected' } : results[i];
      return r ? [{ vote, refused: r.status !== 'applied' }] : [];
    });
    if (answered.length === 0) return;
    settleKbVotes(db, answered, now());
  }
}
