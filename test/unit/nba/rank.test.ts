import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LearnedCounts } from '../../../src/core/nba/nbaRepo';
import {
  feedbackScore,
  outcomeScore,
  rankSuggestions,
  scoreOf,
  type Candidate,
} from '../../../src/core/nba/rank';

const count = fc.integer({ min: 0, max: 200 });
/** Counts as the fold writes them: resolved and well-rated cases are among the closed ones. */
const counts = fc
  .record({ accepted: count, ignored: count, closed: count, resolved: count, wellRated: count })
  .map((c): LearnedCounts => {
    const closed = Math.max(c.closed, c.resolved, c.wellRated);
    return { ...c, closed, resolved: Math.min(c.resolved, closed) };
  });
const text = fc.double({ min: 0.01, max: 1, noNaN: true });

describe('next-best action ranking', () => {
  it('puts an outcome-learned item above an equal text match with the same feedback', () => {
    fc.assert(
      fc.property(text, counts, fc.integer({ min: 1, max: 50 }), (t, base, extra) => {
        const plain: Candidate = {
          id: 'a',
          text: t,
          counts: { ...base, closed: base.closed, wellRated: 0 },
        };
        // The same item history plus `extra` closed cases that were rated well.
        const learned: Candidate = {
          id: 'b',
          text: t,
          counts: { ...plain.counts, closed: plain.counts.closed + extra, wellRated: extra },
        };
        const [first, second] = rankSuggestions([plain, learned], 3);
        expect(first!.id).toBe('b');
        expect(first!.because).toEqual(['text', 'outcome']);
        expect(second!.id).toBe('a');
        expect(second!.because).toEqual(['text']);
      }),
    );
  });

  it('lowers an item with every ignore, until an equal text match passes it', () => {
    fc.assert(
      fc.property(text, counts, (t, c) => {
        const once = { ...c, ignored: c.ignored + 1 };
        expect(feedbackScore(once)).toBeLessThan(feedbackScore(c));
        expect(scoreOf({ id: 'x', text: t, counts: once })).toBeLessThan(
          scoreOf({ id: 'x', text: t, counts: c }),
        );
      }),
    );
    const fresh: LearnedCounts = { accepted: 0, ignored: 0, closed: 0, resolved: 0, wellRated: 0 };
    const other: Candidate = { id: 'a', text: 0.8, counts: fresh };
    const ignoredOnce: Candidate = { id: 'b', text: 0.8, counts: { ...fresh, ignored: 1 } };
    expect(rankSuggestions([ignoredOnce, other], 3).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('keeps more well-rated cases ahead, and needs text or an outcome to suggest at all', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const better = { ...c, closed: c.closed + 1, wellRated: c.wellRated + 1 };
        expect(outcomeScore(better)).toBeGreaterThan(outcomeScore(c));
      }),
    );
    const none: LearnedCounts = { accepted: 5, ignored: 0, closed: 3, resolved: 3, wellRated: 0 };
    expect(rankSuggestions([{ id: 'z', text: 0, counts: none }], 3)).toEqual([]);
    const learnedOnly = rankSuggestions(
      [{ id: 'y', text: 0, counts: { ...none, wellRated: 2 } }],
      3,
    );
    expect(learnedOnly.map((r) => [r.id, r.because])).toEqual([['y', ['outcome']]]);
  });

  it('answers at most `limit`, best first', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, counts), { maxLength: 30 }), (list) => {
        const ranked = rankSuggestions(
          list.map(([t, c], i) => ({ id: `i${i}`, text: t, counts: c })),
          3,
        );
        expect(ranked.length).toBe(Math.min(3, list.length));
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
        }
      }),
    );
  });
});
