import type { KbVoteState } from '../../shared/contract/kbFeedback';
import type { KbVote, KbVoteInput } from '../../shared/kbFeedbackProtocol';
import type { Db } from '../db/open';

interface VoteRow {
  vote: KbVote;
  votedAt: number;
  sentAt: number | null;
  refused: number;
}

const stateOf = (r: VoteRow | undefined): KbVoteState =>
  r === undefined
    ? { vote: null, state: 'none' }
    : { vote: r.vote, state: r.refused ? 'refused' : r.sentAt === null ? 'pending' : 'sent' };

/** The advocate's vote on an article as this device holds it. */
export function readKbVote(db: Db, articleId: string): KbVoteState {
  return stateOf(
    db
      .prepare(
        `SELECT vote, voted_at AS votedAt, sent_at AS sentAt, refused FROM kb_votes
          WHERE article_id = ?`,
      )
      .get(articleId) as VoteRow | undefined,
  );
}

/**
 * Records a vote, replacing the article's earlier one, queued to send (durably: the row is the
 * queue). `votedAt` never goes back, so the server keeps this vote over any earlier one.
 */
export function writeKbVote(db: Db, articleId: string, vote: KbVote, now: number): KbVoteState {
  db.prepare(
    `INSERT INTO kb_votes (article_id, vote, voted_at, sent_at, refused) VALUES (?, ?, ?, NULL, 0)
     ON CONFLICT (article_id) DO UPDATE SET vote = excluded.vote,
       voted_at = max(excluded.voted_at, kb_votes.voted_at + 1), sent_at = NULL, refused = 0`,
  ).run(articleId, vote, now);
  return readKbVote(db, articleId);
}

/** Votes waiting to be sent, oldest first. */
export function unsentKbVotes(db: Db, limit: number): KbVoteInput[] {
  return db
    .prepare(
      `SELECT article_id AS articleId, vote, voted_at AS votedAt FROM kb_votes
        WHERE sent_at IS NULL AND refused = 0 ORDER BY voted_at LIMIT ?`,
    )
    .all(limit) as KbVoteInput[];
}

/**
 * The server's answer to `sent`: each vote settled unless the advocate voted again since (then
 * the newer vote stays queued).
 */
export function settleKbVotes(
  db: Db,
  answers: readonly { vote: KbVoteInput; refused: boolean }[],
  now: number,
): void {
  const settle = db.prepare(
    `UPDATE kb_votes SET sent_at = ?, refused = ?
      WHERE article_id = ? AND vote = ? AND voted_at = ? AND sent_at IS NULL`,
  );
  db.transaction(() => {
    for (const { vote: v, refused } of answers)
      settle.run(now, refused ? 1 : 0, v.articleId, v.vote, v.votedAt);
  })();
}
