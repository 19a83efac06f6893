/**
 * HTTP schemas of issue 20's KB feedback: an advocate marks a brand's article "helpful" or
 * "outdated" (one vote per advocate and article; a later vote replaces an earlier one), and the
 * brand's admins read the sums per article.
 */
import { z } from 'zod';
import { EpochMs, Id } from './protocol';

export const KbVote = z.enum(['helpful', 'outdated']);
export type KbVote = z.infer<typeof KbVote>;

export const KbVoteInput = z.strictObject({
  articleId: Id,
  vote: KbVote,
  /**
   * When the advocate voted, by the app's clock: of two votes for one article the later one
   * counts, so a delayed retry of an old vote never replaces a newer one.
   */
  votedAt: EpochMs,
});
export type KbVoteInput = z.infer<typeof KbVoteInput>;

export const KbFeedbackRequest = z.strictObject({
  votes: z.array(KbVoteInput).min(1).max(100),
});
export type KbFeedbackRequest = z.infer<typeof KbFeedbackRequest>;

/**
 * Per vote, in request order: `applied` (recorded, or already superseded by a later vote of this
 * advocate: nothing to retry) or `rejected` (no such article among the advocate's brands).
 */
export const KbFeedbackResponse = z.object({
  results: z.array(
    z.object({
      articleId: Id,
      status: z.enum(['applied', 'rejected']),
      message: z.string().optional(),
    }),
  ),
});
export type KbFeedbackResponse = z.infer<typeof KbFeedbackResponse>;

export const ArticleFeedbackRow = z.object({
  articleId: Id,
  externalRef: z.string(),
  title: z.string(),
  helpful: z.number().int().nonnegative(),
  outdated: z.number().int().nonnegative(),
});
export type ArticleFeedbackRow = z.infer<typeof ArticleFeedbackRow>;

/** `GET /v1/admin/kb-feedback`: the brand's live articles, most outdated votes first. */
export const ArticleFeedbackResponse = z.object({ articles: z.array(ArticleFeedbackRow) });
export type ArticleFeedbackResponse = z.infer<typeof ArticleFeedbackResponse>;
