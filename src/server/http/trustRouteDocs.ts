/** Route docs of issue 20 (trust that grows), spread into `routeDocs`. */
import { z } from 'zod';
import { Id } from '../../shared/protocol';
import { FallbackRules } from '../../shared/domain/fallback';
import * as T from '../../shared/trustProtocol';
import * as K from '../../shared/kbFeedbackProtocol';
import type { RouteDoc } from './routeDocs';

const IdParam = z.strictObject({ id: Id });

export const trustRouteDocs: Record<string, RouteDoc> = {
  'GET /v1/ladder': {
    summary: 'The advocate’s tier, exact progress to the next tier and what it unlocks, per brand',
    auth: 'advocate',
    response: T.LadderResponse,
  },
  'POST /v1/kb-feedback': {
    summary:
      'Mark articles of the advocate’s brands helpful or outdated (one vote per article; the latest counts)',
    auth: 'advocate',
    body: K.KbFeedbackRequest,
    response: K.KbFeedbackResponse,
  },
  'GET /v1/admin/kb-feedback': {
    summary: 'Helpful and outdated votes per article of the brand, most outdated first',
    auth: 'admin',
    response: K.ArticleFeedbackResponse,
  },
  'GET /v1/admin/ladder': {
    summary: 'The brand’s tier ladder: what each tier needs and unlocks',
    auth: 'admin',
    response: T.TierLadder,
  },
  'PUT /v1/admin/ladder': {
    summary: 'Set the brand’s tier ladder',
    auth: 'admin',
    body: T.TierLadder,
    response: T.TierLadder,
  },
  'GET /v1/admin/promotions': {
    summary: 'Promotions and demotions the ladder suggests, with evidence; recent decisions',
    auth: 'admin',
    response: T.PromotionsResponse,
  },
  'POST /v1/admin/promotions/:id/approve': {
    summary:
      'Approve the suggested tier change (a demotion purges what the advocate may no longer see)',
    auth: 'admin',
    params: IdParam,
    body: T.PromotionDecisionRequest,
    response: T.PromotionDecisionView,
  },
  'POST /v1/admin/promotions/:id/decline': {
    summary: 'Decline the suggested tier change (hidden for 7 days)',
    auth: 'admin',
    params: IdParam,
    body: T.PromotionDecisionRequest,
    response: T.PromotionDecisionView,
  },
  'GET /v1/admin/fallback-rules': {
    summary: 'The fallback ladder for unclaimed work: widen skills, ageing bonus, contact centre',
    auth: 'admin',
    response: FallbackRules,
  },
  'PUT /v1/admin/fallback-rules': {
    summary: 'Set the fallback ladder (shares of each task’s SLA window)',
    auth: 'admin',
    body: FallbackRules,
    response: FallbackRules,
  },
  'GET /v1/admin/time-to-claim': {
    summary: 'How long tasks waited for their first claim; what the fallback ladder did',
    auth: 'admin',
    query: T.TimeToClaimQuery,
    response: T.TimeToClaim,
  },
};
