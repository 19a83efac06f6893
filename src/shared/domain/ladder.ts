/**
 * The tier ladder (issue 20): what each tier of a brand asks of an advocate, evaluated as a pure
 * function of the advocate's history. The server decides with it (promotion suggestions, the
 * advocate's progress); nothing here reads a clock or a database.
 */

/** What reaching `tier` needs (every rung up to it must be met) and what it unlocks. */
export interface LadderRung {
  tier: 1 | 2 | 3;
  minResolved: number;
  /** Rolling average of the last `ratingWindow` ratings, in tenths of a star (45 = 4.5★); null = none. */
  minRatingTenths: number | null;
  ratingWindow: number;
  /** Reopened ÷ resolved, in basis points; null = not asked. */
  maxReopenRateBps: number | null;
  certifications: string[];
  minTenureDays: number;
  /** Brand-written names of what the tier opens (customer fields, tools). */
  unlocks: string[];
}

export interface AdvocateHistory {
  joinedAt: number;
  resolvedCount: number;
  reopenedCount: number;
  /** Scores 1–5, newest first. */
  ratings: number[];
  certifications: string[];
}

export type CriterionProgress =
  | { kind: 'resolved'; have: number; need: number; met: boolean }
  | {
      kind: 'rating';
      /** Tenths of a star over the window, rounded down; null = no rating yet. */
      haveTenths: number | null;
      needTenths: number;
      rated: number;
      window: number;
      met: boolean;
    }
  | { kind: 'reopen_rate'; haveBps: number; maxBps: number; met: boolean }
  | { kind: 'certification'; skill: string; met: boolean }
  | { kind: 'tenure'; haveDays: number; needDays: number; met: boolean };

export const DAY_MS = 86_400_000;

/** Each criterion of one rung against the history, in a fixed order. */
export function rungProgress(
  rung: LadderRung,
  h: AdvocateHistory,
  now: number,
): CriterionProgress[] {
  const out: CriterionProgress[] = [
    {
      kind: 'resolved',
      have: h.resolvedCount,
      need: rung.minResolved,
      met: h.resolvedCount >= rung.minResolved,
    },
  ];
  if (rung.minRatingTenths !== null) {
    const window = h.ratings.slice(0, rung.ratingWindow);
    const sum = window.reduce((a, b) => a + b, 0);
    out.push({
      kind: 'rating',
      haveTenths: window.length ? Math.floor((sum * 10) / window.length) : null,
      needTenths: rung.minRatingTenths,
      rated: window.length,
      window: rung.ratingWindow,
      // Integer comparison: sum/len ≥ need/10 ⇔ 10·sum ≥ need·len.
      met: window.length > 0 && sum * 10 >= rung.minRatingTenths * window.length,
    });
  }
  if (rung.maxReopenRateBps !== null) {
    const haveBps =
      h.resolvedCount === 0 ? 0 : Math.floor((h.reopenedCount * 10_000) / h.resolvedCount);
    out.push({
      kind: 'reopen_rate',
      haveBps,
      maxBps: rung.maxReopenRateBps,
      met: h.reopenedCount * 10_000 <= rung.maxReopenRateBps * h.resolvedCount,
    });
  }
  for (const skill of rung.certifications)
    out.push({ kind: 'certification', skill, met: h.certifications.includes(skill) });
  const haveDays = Math.max(0, Math.floor((now - h.joinedAt) / DAY_MS));
  out.push({
    kind: 'tenure',
    haveDays,
    needDays: rung.minTenureDays,
    met: haveDays >= rung.minTenureDays,
  });
  return out;
}

const sorted = (rungs: LadderRung[]) => [...rungs].sort((a, b) => a.tier - b.tier);
const rungMet = (r: LadderRung, h: AdvocateHistory, now: number) =>
  rungProgress(r, h, now).every((c) => c.met);

export type LadderMove = { kind: 'promote' | 'demote'; fromTier: number; toTier: number } | null;

/**
 * What the ladder says about an advocate at `tier`: promote one step when the next rung exists
 * and every rung up to it is met; demote below the lowest unmet rung at or under the current
 * tier. A tier the ladder has no rung for is neither reached nor lost through it.
 */
export function ladderMove(
  rungs: LadderRung[],
  h: AdvocateHistory,
  tier: number,
  now: number,
): LadderMove {
  const ordered = sorted(rungs);
  const unmet = ordered.find((r) => r.tier <= tier && !rungMet(r, h, now));
  if (unmet) return { kind: 'demote', fromTier: tier, toTier: unmet.tier - 1 };
  const next = ordered.find((r) => r.tier === tier + 1);
  if (next && ordered.filter((r) => r.tier <= next.tier).every((r) => rungMet(r, h, now)))
    return { kind: 'promote', fromTier: tier, toTier: next.tier };
  return null;
}

export interface LadderStanding {
  tier: number;
  /** The rung above the advocate's tier, if the brand has one. */
  next: { tier: number; criteria: CriterionProgress[]; unlocks: string[] } | null;
  /** What the advocate's own tier opened (the rung of its tier, if any). */
  unlocked: string[];
  /** The criteria of the own tier still unmet: losing them can cost the tier. */
  atRisk: CriterionProgress[];
}

export function ladderStanding(
  rungs: LadderRung[],
  h: AdvocateHistory,
  tier: number,
  now: number,
): LadderStanding {
  const ordered = sorted(rungs);
  const next = ordered.find((r) => r.tier === tier + 1);
  const own = ordered.find((r) => r.tier === tier);
  return {
    tier,
    next: next
      ? { tier: next.tier, criteria: rungProgress(next, h, now), unlocks: next.unlocks }
      : null,
    unlocked: own?.unlocks ?? [],
    atRisk: own ? rungProgress(own, h, now).filter((c) => !c.met) : [],
  };
}
