/**
 * Tables of issue 20, trust that grows (migration 9): the brand's tier ladder, promotion
 * decisions (append-only), skills certified, and the fallback ladder for unclaimed work.
 * `DB` (schema.ts) extends these.
 */
export interface TierLadderTable {
  brand_id: string;
  /** JSON `LadderRung[]` (shared/domain/ladder.ts). */
  rungs: string;
  updated_at: number;
}
export interface PromotionDecisionTable {
  id: string;
  brand_id: string;
  advocate_id: string;
  from_tier: number;
  to_tier: number;
  decision: 'approved' | 'declined';
  /** JSON `CriterionProgress[]` as it stood when decided. */
  evidence: string;
  decided_by: string;
  decided_at: number;
}
export interface CertificationTable {
  brand_id: string;
  advocate_id: string;
  skill: string;
  granted_at: number;
}
export interface FallbackRulesTable {
  brand_id: string;
  /** JSON `FallbackRules` (shared/domain/fallback.ts). */
  rules: string;
  updated_at: number;
}

export interface TrustTables {
  tier_ladders: TierLadderTable;
  promotion_decisions: PromotionDecisionTable;
  certifications: CertificationTable;
  fallback_rules: FallbackRulesTable;
}
