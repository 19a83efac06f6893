/**
 * Issue 20, feedback that comes back: an advocate's "helpful / outdated" vote on an article of
 * one of their brands (one per advocate and article: the latest by `votedAt` counts), and the
 * sums per article for the brand's admins.
 */
import { sql } from 'kysely';
import type {
  ArticleFeedbackResponse,
  KbFeedbackResponse,
  KbVoteInput,
} from '../../shared/kbFeedbackProtocol';
import type { StoreContext } from './context';

const NOT_FOUND = 'no such article in your brands';

/** Records the votes in one transaction; a vote for an article outside `brandIds` is refused. */
export async function recordKbVotes(
  ctx: StoreContext,
  advocate: { id: string; brandIds: readonly string[] },
  votes: readonly KbVoteInput[],
  now: number,
): Promise<KbFeedbackResponse> {
  const ids = [...new Set(votes.map((v) => v.articleId))];
  return ctx.db.transaction().execute(async (trx) => {
    const brandOf = new Map(
      advocate.brandIds.length === 0
        ? []
        : (
            await trx
              .selectFrom('articles')
              .select(['id', 'brand_id'])
              .where('id', 'in', ids)
              .where('brand_id', 'in', [...advocate.brandIds])
              .where('deleted_at', 'is', null)
              .execute()
          ).map((a) => [a.id, a.brand_id]),
    );
    const results: KbFeedbackResponse['results'] = [];
    for (const v of votes) {
      const brandId = brandOf.get(v.articleId);
      if (brandId === undefined) {
        results.push({ articleId: v.articleId, status: 'rejected', message: NOT_FOUND });
        continue;
      }
      // Replaces this advocate's vote unless it is newer than this one (a delayed retry).
      await trx
        .insertInto('kb_feedback')
        .values({
          article_id: v.articleId,
          advocate_id: advocate.id,
          brand_id: brandId,
          vote: v.vote,
          voted_at: v.votedAt,
          received_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['article_id', 'advocate_id'])
            .doUpdateSet({
              vote: (eb) => eb.ref('excluded.vote'),
              voted_at: (eb) => eb.ref('excluded.voted_at'),
              received_at: (eb) => eb.ref('excluded.received_at'),
            })
            .where('kb_feedback.voted_at', '<=', sql<number>`excluded.voted_at`),
        )
        .execute();
      results.push({ articleId: v.articleId, status: 'applied' });
    }
    return { results };
  });
}

/** The brand's live articles that have votes, most "outdated" first. */
export async function articleFeedback(
  ctx: StoreContext,
  brandId: string,
): Promise<ArticleFeedbackResponse> {
  const count = (vote: 'helpful' | 'outdated') =>
    sql<number>`sum(case when kb_feedback.vote = ${vote} then 1 else 0 end)`;
  const rows = await ctx.db
    .selectFrom('kb_feedback')
    .innerJoin('articles', 'articles.id', 'kb_feedback.article_id')
    .where('kb_feedback.brand_id', '=', brandId)
    .where('articles.brand_id', '=', brandId)
    .where('articles.deleted_at', 'is', null)
    .groupBy(['articles.id', 'articles.external_ref', 'articles.title'])
    .select([
      'articles.id',
      'articles.external_ref',
      'articles.title',
      count('helpful').as('helpful'),
      count('outdated').as('outdated'),
    ])
    .orderBy('outdated', 'desc')
    .orderBy('helpful', 'asc')
    .orderBy('articles.title')
    .orderBy('articles.id')
    .execute();
  return {
    articles: rows.map((r) => ({
      articleId: r.id,
      externalRef: r.external_ref,
      title: r.title,
      helpful: Number(r.helpful),
      outdated: Number(r.outdated),
    })),
  };
}
