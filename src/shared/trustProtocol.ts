/**
 * HTTP schemas of issue 20 (trust that grows): the brand's tier ladder, the advocate's standing
 * on it, promotion suggestions and decisions.
 */
import { z } from 'zod';
import { EpochMs, Id, Skill, Tier } from './protocol';

export const LadderRung = z
  .strictObject({
    tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    minResolved: z.number().int().min(0).max(100_000),
    /** Stars, one decimal (4.5); omitted = no rating asked. */
    minRating: z
      .number()
      .min(1)
      .max(5)
      .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, 'at most one decimal')
      .optional(),
    /** How many of the latest ratings the rolling average covers. */
    ratingWindow: z.number().int().min(1).max(1000).default(20),
    /** Highest reopen rate allowed, in percent (one decimal); omitted = not asked. */
    maxReopenRatePercent: z.number().min(0).max(100).optional(),
    certifications: z.array(Skill).max(20).default([]),
    minTenureDays: z.number().int().min(0).max(3650).default(0),
    unlocks: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  })
  .describe('What reaching a tier needs and unlocks');
export type LadderRungInput = z.input<typeof LadderRung>;

export const TierLadder = z
  .strictObject({ rungs: z.array(LadderRung).max(3) })
  .superRefine((l, ctx) => {
    const seen = new Set<number>();
    l.rungs.forEach((r, i) => {
      if (seen.has(r.tier))
        ctx.addIssue({ code: 'custom', path: ['rungs', i, 'tier'], message: 'tier listed twice' });
      seen.add(r.tier);
    });
  });
export type TierLadder = z.output<typeof TierLadder>;

export const CriterionProgress = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('resolved'),
    have: z.number().int(),
    need: z.number().int(),
    met: z.boolean(),
  }),
  z.object({
    kind: z.literal('rating'),
    haveTenths: z.number().int().nullable(),
    needTenths: z.number().int(),
    rated: z.number().int(),
    window: z.number().int(),
    met: z.boolean(),
  }),
  z.object({
    kind: z.literal('reopen_rate'),
    haveBps: z.number().int(),
    maxBps: z.number().int(),
    met: z.boolean(),
  }),
  z.object({ kind: z.literal('certification'), skill: z.string(), met: z.boolean() }),
  z.object({
    kind: z.literal('tenure'),
    haveDays: z.number().int(),
    needDays: z.number().int(),
    met: z.boolean(),
  }),
]);

export const LadderStanding = z.object({
  brandId: Id,
  tier: Tier,
  next: z
    .object({ tier: Tier, criteria: z.array(CriterionProgress), unlocks: z.array(z.string()) })
    .nullable(),
  unlocked: z.array(z.string()),
  atRisk: z.array(CriterionProgress),
  evaluatedAt: EpochMs,
});
export type LadderStanding = z.infer<typeof LadderStanding>;

export const LadderResponse = z.object({ brands: z.array(LadderStanding) });
export type LadderResponse = z.infer<typeof LadderResponse>;

export const PromotionSuggestion = z.object({
  advocateId: Id,
  handle: z.string(),
  kind: z.enum(['promote', 'demote']),
  fromTier: Tier,
  toTier: Tier,
  /** The rung that decided it: every criterion with what the advocate has. */
  evidence: z.array(CriterionProgress),
});
export type PromotionSuggestion = z.infer<typeof PromotionSuggestion>;

export const PromotionDecisionView = z.object({
  id: Id,
  advocateId: Id,
  fromTier: Tier,
  toTier: Tier,
  decision: z.enum(['approved', 'declined']),
  evidence: z.array(CriterionProgress),
  decidedBy: z.string(),
  decidedAt: EpochMs,
});
export type PromotionDecisionView = z.infer<typeof PromotionDecisionView>;

export const PromotionsResponse = z.object({
  suggestions: z.array(PromotionSuggestion),
  decisions: z.array(PromotionDecisionView),
});
export type PromotionsResponse = z.infer<typeof PromotionsResponse>;

/**
 * Names the move being decided, so a decision on a suggestion that changed meanwhile is refused.
 * `reconsider` approves a move declined within the quiet period (otherwise refused as decided).
 */
export const PromotionDecisionRequest = z.strictObject({
  toTier: Tier,
  reconsider: z.boolean().optional(),
});

export const TimeToClaimQuery = z
  .strictObject({
    from: z.coerce.number().int().nonnegative(),
    to: z.coerce.number().int().positive(),
  })
  .refine((q) => q.to > q.from, { path: ['to'], message: 'must be after from' });

/** Tasks created in [from, to): how long they waited for a first claim, and the fallback ladder's work. */
export const TimeToClaim = z.object({
  from: EpochMs,
  to: EpochMs,
  tasks: z.number().int(),
  claimed: z.number().int(),
  unclaimed: z.number().int(),
  p50Ms: z.number().int().nullable(),
  p90Ms: z.number().int().nullable(),
  p95Ms: z.number().int().nullable(),
  maxMs: z.number().int().nullable(),
  /** Reached the widening step (or a later one). */
  widened: z.number().int(),
  withBonus: z.number().int(),
  escalatedByFallback: z.number().int(),
});
export type TimeToClaim = z.infer<typeof TimeToClaim>;
