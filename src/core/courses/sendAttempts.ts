import type { Db } from '../db/open';
import type { TextRef } from '../../shared/i18n/catalogs';
import { type FeedClient, HttpError, isRetryable } from '../sync/client';
import { failureReason } from '../sync/reasons';
import { queuedAttempts, settleGraded, settleRefused } from './coursesRepo';

/** Why the server would not grade an attempt, worded: the course went away or changed. */
function courseRefusal(error: HttpError, server: string): TextRef {
  if (error.code === 'not_found') return { id: 'reason.courseGone', values: {} };
  if (error.code === 'invalid_input') return { id: 'reason.courseChanged', values: {} };
  return failureReason(error, server);
}

/**
 * Sends the queued quiz attempts, oldest first, after the actions' outbox (the sync engine calls
 * it). A row is settled only by an answer: graded, or refused with the server's reason (a 4xx:
 * the course changed or went away). Network errors, 5xx and 429 stop here and are thrown, so the
 * engine retries with its backoff; the attempt id makes a resend graded once. Answers whether
 * anything was settled.
 */
export async function sendCourseAttempts(
  db: Db,
  client: FeedClient,
  now: () => number,
  signal?: AbortSignal,
): Promise<boolean> {
  let settled = false;
  for (const a of queuedAttempts(db)) {
    try {
      const outcome = await client.attempt(
        a.skill,
        { attemptId: a.attemptId, brandId: a.brandId, answers: a.answers },
        signal,
      );
      settleGraded(db, outcome, now());
    } catch (error) {
      if (isRetryable(error) || !(error instanceof HttpError) || error.status === 401) throw error;
      settleRefused(db, a.attemptId, error.message, courseRefusal(error, client.host), now());
    }
    settled = true;
  }
  return settled;
}
