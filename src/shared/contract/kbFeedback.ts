import { z } from 'zod';
import { KbVote } from '../kbFeedbackProtocol';
import { channel } from './define';

/**
 * The advocate's "helpful / outdated" vote on a KB article (issue 20): `pending` until the
 * server has it (kept and sent when online), `refused` when the server would not count it.
 */
export const KbVoteState = z.object({
  vote: KbVote.nullable(),
  state: z.enum(['none', 'pending', 'sent', 'refused']),
});
export type KbVoteState = z.infer<typeof KbVoteState>;

const ArticleId = z.string().min(1).max(128);

export const kbFeedbackChannels = {
  'kb:vote': channel(z.strictObject({ articleId: ArticleId }), KbVoteState),
  /** Records the vote (replacing an earlier one) and queues it; sent at once when online. */
  'kb:setVote': channel(z.strictObject({ articleId: ArticleId, vote: KbVote }), KbVoteState),
};
