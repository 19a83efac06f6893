import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AdvocateHistory,
  DAY_MS,
  type LadderRung,
  ladderMove,
  ladderStanding,
  rungProgress,
} from '../../../src/shared/domain/ladder';

const NOW = Date.UTC(2026, 11, 3);
const SKILLS = ['billing', 'returns', 'technical'];

const rung = (tier: 1 | 2 | 3): fc.Arbitrary<LadderRung> =>
  fc.record({
    tier: fc.constant(tier),
    minResolved: fc.integer({ min: 0, max: 60 }),
    minRatingTenths: fc.option(fc.integer({ min: 10, max: 50 }), { nil: null }),
    ratingWindow: fc.integer({ min: 1, max: 30 }),
    maxReopenRateBps: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    certifications: fc.subarray(SKILLS),
    minTenureDays: fc.integer({ min: 0, max: 90 }),
    unlocks: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 2 }),
  });

const rungs = fc
  .subarray([1, 2, 3] as const, { minLength: 1 })
  .chain((tiers) => fc.tuple(...tiers.map(rung)));

const history: fc.Arbitrary<AdvocateHistory> = fc
  .record({
    resolvedCount: fc.integer({ min: 0, max: 80 }),
    reopenFrac: fc.integer({ min: 0, max: 100 }),
    ratings: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 40 }),
    certifications: fc.subarray(SKILLS),
    tenureMs: fc.integer({ min: 0, max: 120 * DAY_MS }),
  })
  .map((h) => ({
    joinedAt: NOW - h.tenureMs,
    resolvedCount: h.resolvedCount,
    reopenedCount: Math.floor((h.resolvedCount * h.reopenFrac) / 100),
    ratings: h.ratings,
    certifications: h.certifications,
  }));

const met = (r: LadderRung, h: AdvocateHistory) => rungProgress(r, h, NOW).every((c) => c.met);

describe('tier ladder evaluation (pure)', () => {
  it('names the exact progress: 14/20 resolved, 4.6★ over the last ratings, tenure in whole days', () => {
    const r: LadderRung = {
      tier: 2,
      minResolved: 20,
      minRatingTenths: 45,
      ratingWindow: 5,
      maxReopenRateBps: 1000,
      certifications: ['billing'],
      minTenureDays: 30,
      unlocks: ['Order-status lookup'],
    };
    const h: AdvocateHistory = {
      joinedAt: NOW - 29.9 * DAY_MS,
      resolvedCount: 14,
      reopenedCount: 2,
      // newest first; the window takes 5,5,4,5,4 = 4.6★ and ignores the old 1s
      ratings: [5, 5, 4, 5, 4, 1, 1, 1],
      certifications: [],
    };
    expect(rungProgress(r, h, NOW)).toEqual([
      { kind: 'resolved', have: 14, need: 20, met: false },
      { kind: 'rating', haveTenths: 46, needTenths: 45, rated: 5, window: 5, met: true },
      { kind: 'reopen_rate', haveBps: 1428, maxBps: 1000, met: false },
      { kind: 'certification', skill: 'billing', met: false },
      { kind: 'tenure', haveDays: 29, needDays: 30, met: false },
    ]);
  });

  it('an average exactly at the bar meets it; no rating yet never does', () => {
    const r: LadderRung = {
      tier: 1,
      minResolved: 0,
      minRatingTenths: 45,
      ratingWindow: 2,
      maxReopenRateBps: null,
      certifications: [],
      minTenureDays: 0,
      unlocks: [],
    };
    const base = { joinedAt: NOW, resolvedCount: 0, reopenedCount: 0, certifications: [] };
    expect(met(r, { ...base, ratings: [5, 4] })).toBe(true);
    expect(met(r, { ...base, ratings: [5, 4, 1] })).toBe(true);
    expect(met(r, { ...base, ratings: [4, 4] })).toBe(false);
    expect(met(r, { ...base, ratings: [] })).toBe(false);
  });

  it('a rating criterion agrees with the rolling average computed plainly', () => {
    fc.assert(
      fc.property(rung(1), history, (r, h) => {
        const c = rungProgress(r, h, NOW).find((x) => x.kind === 'rating');
        if (r.minRatingTenths === null) {
          expect(c).toBeUndefined();
          return;
        }
        const w = h.ratings.slice(0, r.ratingWindow);
        const avg = w.reduce((a, b) => a + b, 0) / w.length;
        expect(c!.met).toBe(w.length > 0 && avg * 10 >= r.minRatingTenths - 1e-9);
      }),
    );
  });

  it('more resolved cases, better ratings, more certificates and tenure never lower the standing', () => {
    fc.assert(
      fc.property(
        rungs,
        history,
        fc.integer({ min: 0, max: 30 }),
        fc.subarray(SKILLS),
        fc.integer({ min: 0, max: 60 }),
        (rs, h, more, certs, days) => {
          const better: AdvocateHistory = {
            ...h,
            resolvedCount: h.resolvedCount + more,
            ratings: h.ratings.map(() => 5),
            certifications: [...new Set([...h.certifications, ...certs])],
            joinedAt: h.joinedAt - days * DAY_MS,
          };
          for (const r of rs) if (met(r, h)) expect(met(r, better)).toBe(true);
        },
      ),
    );
  });

  it('a suggested move lands on a tier whose rungs are all met, and one step at most upwards', () => {
    fc.assert(
      fc.property(rungs, history, fc.integer({ min: 0, max: 3 }), (rs, h, tier) => {
        const move = ladderMove(rs, h, tier, NOW);
        const allMetUpTo = (t: number) => rs.filter((r) => r.tier <= t).every((r) => met(r, h));
        if (move === null) {
          // Nothing to lose at the own tier, and the next rung (if any) is not reached.
          expect(allMetUpTo(tier)).toBe(true);
          const next = rs.find((r) => r.tier === tier + 1);
          if (next) expect(allMetUpTo(tier + 1)).toBe(false);
          return;
        }
        expect(move.fromTier).toBe(tier);
        expect(allMetUpTo(move.toTier)).toBe(true);
        if (move.kind === 'promote') expect(move.toTier).toBe(tier + 1);
        else {
          expect(move.toTier).toBeLessThan(tier);
          // The rung just above where it lands is the one not met.
          expect(
            met(
              rs.find((r) => r.tier === move.toTier + 1)!,
              h,
            ),
          ).toBe(false);
        }
      }),
    );
  });

  it('the standing shows the next rung with its unlocks, and the own rung’s unmet criteria as at risk', () => {
    fc.assert(
      fc.property(rungs, history, fc.integer({ min: 0, max: 3 }), (rs, h, tier) => {
        const s = ladderStanding(rs, h, tier, NOW);
        const next = rs.find((r) => r.tier === tier + 1);
        expect(s.next?.tier ?? null).toBe(next?.tier ?? null);
        if (next) expect(s.next!.unlocks).toEqual(next.unlocks);
        const own = rs.find((r) => r.tier === tier);
        expect(s.atRisk.length === 0).toBe(own ? met(own, h) : true);
      }),
    );
  });
});
