import type { Statement } from 'better-sqlite3';
import { computeCasePayout, PayoutRules } from '../../shared/domain/payout';
import type { Db } from '../db/open';

/** Per-complexity payout estimate ("resolved") of a brand, or null while it has no rules. */
export interface BrandEstimate {
  currency: string;
  byComplexity: readonly number[];
}

interface Statements {
  payoutRules: Statement;
  latestRules: Statement;
  estimateForBrand: Statement;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  const hit = cache.get(db);
  if (hit) return hit;
  const made: Statements = {
    payoutRules: db.prepare(
      `INSERT OR REPLACE INTO payout_rules (brand_id, version, rules, effective_from)
       VALUES (?, ?, ?, ?)`,
    ),
    latestRules: db.prepare(
      `SELECT version, rules FROM payout_rules WHERE brand_id = ?
       ORDER BY version DESC LIMIT 1`,
    ),
    estimateForBrand: db.prepare(
      `UPDATE tasks SET currency = @currency,
         payout_estimate_minor = CASE complexity WHEN 1 THEN @c1 WHEN 2 THEN @c2 WHEN 3 THEN @c3
           WHEN 4 THEN @c4 WHEN 5 THEN @c5 END + coalesce(ageing_bonus_minor, 0)
       WHERE brand_id = @brandId`,
    ),
  };
  cache.set(db, made);
  return made;
}

/** A brand's "resolved" payout per complexity 1..5 (index = complexity), from its rules. */
function estimateFrom(rules: unknown, version: number): BrandEstimate | null {
  const parsed = PayoutRules.safeParse(rules);
  if (!parsed.success) return null;
  const byComplexity = [0, 1, 2, 3, 4, 5].map((complexity) =>
    complexity === 0
      ? 0
      : computeCasePayout(parsed.data, version, { complexity, outcome: 'resolved' }).totalMinor,
  );
  return { currency: parsed.data.currency, byComplexity };
}

/**
 * What a task pays if resolved: its brand's estimate for its complexity plus the ageing bonus
 * the fallback ladder added (an additive line of `computeCasePayout` when resolved, so the sum
 * is that function's total). SQL restates it in `estimateForBrand`.
 */
export function taskEstimate(
  estimate: BrandEstimate | null,
  complexity: number,
  ageingBonusMinor: number | null | undefined,
): number | null {
  const base = estimate?.byComplexity[complexity];
  return base === undefined ? null : base + (ageingBonusMinor ?? 0);
}

export function readLatestRules(
  db: Db,
  brandId: string,
): { version: number; rules: unknown } | null {
  const row = statements(db).latestRules.get(brandId) as
    { version: number; rules: string } | undefined;
  return row ? { version: row.version, rules: JSON.parse(row.rules) as unknown } : null;
}

export function estimateForBrand(db: Db, brandId: string): BrandEstimate | null {
  const latest = readLatestRules(db, brandId);
  return latest ? estimateFrom(latest.rules, latest.version) : null;
}

/**
 * Brands' estimates memoized for one sync page (a 10,000-task page asks for the same few
 * brands); a payout-rules change in the page replaces its brand's entry.
 */
export interface PageEstimates {
  of(brandId: string): BrandEstimate | null;
  set(brandId: string, estimate: BrandEstimate | null): void;
}

export function pageEstimates(db: Db): PageEstimates {
  const memo = new Map<string, BrandEstimate | null>();
  return {
    of(brandId) {
      if (!memo.has(brandId)) memo.set(brandId, estimateForBrand(db, brandId));
      return memo.get(brandId) ?? null;
    },
    set: (brandId, estimate) => memo.set(brandId, estimate),
  };
}

/** A brand's new payout rules: stored, and its tasks' estimates recomputed from them. */
export function applyPayoutRules(
  db: Db,
  change: { brandId: string; version: number; rules: unknown; effectiveAt: number },
  estimates: PageEstimates,
): void {
  const { brandId } = change;
  statements(db).payoutRules.run(
    brandId,
    change.version,
    JSON.stringify(change.rules),
    change.effectiveAt,
  );
  const estimate = estimateForBrand(db, brandId);
  estimates.set(brandId, estimate);
  if (estimate) writeBrandEstimates(db, brandId, estimate);
}

function writeBrandEstimates(db: Db, brandId: string, estimate: BrandEstimate): void {
  const c = estimate.byComplexity;
  statements(db).estimateForBrand.run({
    brandId,
    currency: estimate.currency,
    c1: c[1] ?? null,
    c2: c[2] ?? null,
    c3: c[3] ?? null,
    c4: c[4] ?? null,
    c5: c[5] ?? null,
  });
}
