import { computeCasePayout, PayoutRules } from '../../shared/domain/payout';
import type { Db } from '../db/open';
import { readLatestRules, type BrandEstimate } from './changeRepo';

/** A brand's "resolved" payout per complexity 1..5 (index = complexity), from its rules. */
export function estimateFrom(rules: unknown, version: number): BrandEstimate | null {
  const parsed = PayoutRules.safeParse(rules);
  if (!parsed.success) return null;
  const byComplexity = [0, 1, 2, 3, 4, 5].map((complexity) =>
    complexity === 0
      ? 0
      : computeCasePayout(parsed.data, version, { complexity, outcome: 'resolved' }).totalMinor,
  );
  return { currency: parsed.data.currency, byComplexity };
}

export function estimateForBrand(db: Db, brandId: string): BrandEstimate | null {
  const latest = readLatestRules(db, brandId);
  return latest ? estimateFrom(latest.rules, latest.version) : null;
}
