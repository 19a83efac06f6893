import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Id } from '../../shared/protocol';
import type { LadderResponse } from '../../shared/trustProtocol';
import { FallbackRules } from '../../shared/domain/fallback';
import { PromotionDecisionRequest, TierLadder, TimeToClaimQuery } from '../../shared/trustProtocol';
import { KbFeedbackRequest } from '../../shared/kbFeedbackProtocol';
import { requireAdmin, requireAdvocate } from '../http/auth';
import { parseInput } from '../http/validate';
import type { Store } from '../store';

const IdParam = z.strictObject({ id: Id });

/**
 * Issue 20: the advocate's ladder standing and KB votes; the brand's ladder, its promotion
 * decisions, fallback rules and KB feedback sums.
 */
export function trustRoutes(app: FastifyInstance, store: Store, now: () => number) {
  const advocate = { onRequest: requireAdvocate(store, now) };
  const admin = { onRequest: requireAdmin(store, now) };
  const brandOf = (request: FastifyRequest) => request.brand!.id;

  app.get('/v1/ladder', advocate, async (request): Promise<LadderResponse> =>
    store.trust.ladderFor(request.advocate!.id, request.advocate!.brandIds, now()),
  );

  app.post('/v1/kb-feedback', advocate, async (request) =>
    store.trust.recordKbVotes(
      request.advocate!,
      parseInput(KbFeedbackRequest, request.body).votes,
      now(),
    ),
  );
  app.get('/v1/admin/kb-feedback', admin, async (request) =>
    store.trust.articleFeedback(brandOf(request)),
  );

  app.get('/v1/admin/ladder', admin, async (request) => store.trust.getLadder(brandOf(request)));
  app.put('/v1/admin/ladder', admin, async (request) =>
    store.trust.setLadder(brandOf(request), parseInput(TierLadder, request.body), now()),
  );
  app.get('/v1/admin/promotions', admin, async (request) =>
    store.trust.promotions(brandOf(request), now()),
  );
  app.get('/v1/admin/fallback-rules', admin, async (request) =>
    store.trust.getFallbackRules(brandOf(request)),
  );
  app.put('/v1/admin/fallback-rules', admin, async (request) =>
    store.trust.setFallbackRules(brandOf(request), parseInput(FallbackRules, request.body), now()),
  );
  app.get('/v1/admin/time-to-claim', admin, async (request) => {
    const q = parseInput(TimeToClaimQuery, request.query, 'query');
    return store.trust.timeToClaim(brandOf(request), q.from, q.to);
  });
  for (const [verb, decision] of [
    ['decline', 'declined'],
    ['approve', 'approved'],
  ] as const)
    app.post(`/v1/admin/promotions/:id/${verb}`, admin, async (request) => {
      const { id } = parseInput(IdParam, request.params, 'params');
      return store.trust.decidePromotion(
        brandOf(request),
        id,
        parseInput(PromotionDecisionRequest, request.body),
        decision,
        request.adminActor!.label,
        now(),
      );
    });
}
