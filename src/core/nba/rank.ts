/**
 * How the next-best action orders its suggestions (pure): text match first, moved by what the
 * app learned. A candidate's score is
 *   text (0..1, the best text match of the ticket is 1)
 *   + OUTCOME_WEIGHT × well-rated cases it preceded / (closed cases it preceded + 2)
 *   + FEEDBACK_WEIGHT × (accepted − ignored) / (accepted + ignored + 2).
 * The "+ 2"s keep one early case from outweighing the text. A candidate with neither a text match
 * nor a well-rated case behind it is not suggested.
 */
import type { LearnedCounts } from './nbaRepo';

export const OUTCOME_WEIGHT = 0.6;
export const FEEDBACK_WEIGHT = 0.3;

export interface Candidate {
  id: string;
  /** Text match, 0..1. */
  text: number;
  counts: LearnedCounts;
}

export type Because = 'text' | 'outcome';

export type Ranked<C extends Candidate> = C & { score: number; because: Because[] };

/** 0 for an item that preceded no well-rated case, towards 1 the more it did. */
export function outcomeScore(c: LearnedCounts): number {
  return c.wellRated / (Math.max(c.closed, c.wellRated) + 2);
}

/** Negative once ignored more than accepted; strictly falls with each ignore. */
export function feedbackScore(c: LearnedCounts): number {
  return (c.accepted - c.ignored) / (c.accepted + c.ignored + 2);
}

export function scoreOf(c: Candidate): number {
  return (
    c.text + OUTCOME_WEIGHT * outcomeScore(c.counts) + FEEDBACK_WEIGHT * feedbackScore(c.counts)
  );
}

/** The best `limit` candidates, highest score first (ties: better text, then id). */
export function rankSuggestions<C extends Candidate>(
  candidates: readonly C[],
  limit: number,
): Ranked<C>[] {
  const ranked: Ranked<C>[] = [];
  for (const c of candidates) {
    const outcome = outcomeScore(c.counts);
    if (c.text <= 0 && outcome <= 0) continue;
    const because: Because[] = [];
    if (c.text > 0) because.push('text');
    if (outcome > 0) because.push('outcome');
    ranked.push({ ...c, score: scoreOf(c), because });
  }
  return ranked
    .sort(
      (a, b) => b.score - a.score || b.text - a.text || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, limit);
}

/** Text match by position in a ranked list of `n`: the first is 1, the last 1/n. */
export const textByPosition = (index: number, n: number): number => (n - index) / n;
