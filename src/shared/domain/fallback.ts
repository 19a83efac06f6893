/**
 * The fallback ladder for unclaimed work (issue 20): per brand, at shares of a task's SLA window
 * (from when it entered the feed to its due time) the pool widens its skills, then adds an ageing
 * bonus, then hands the task to the contact centre. Pure: the sweeper applies what it says.
 */
import { z } from 'zod';
import { MinorUnits } from './money';

const Percent = z.number().int().min(1).max(100);

export const FallbackRules = z
  .strictObject({
    /** Share of the SLA window after which any skill may take it; omitted = never. */
    widenAtPercent: Percent.optional(),
    /** Share after which it pays `ageingBonusMinor` more; omitted = never. */
    bonusAtPercent: Percent.optional(),
    ageingBonusMinor: MinorUnits.nonnegative().max(1_000_000).default(0),
    /** Share after which it goes to the contact centre (100 = at the deadline); omitted = never. */
    escalateAtPercent: Percent.optional(),
  })
  .superRefine((r, ctx) => {
    const order = [
      ['widenAtPercent', r.widenAtPercent],
      ['bonusAtPercent', r.bonusAtPercent],
      ['escalateAtPercent', r.escalateAtPercent],
    ] as const;
    let last = 0;
    for (const [name, v] of order) {
      if (v === undefined) continue;
      if (v < last)
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'must not come before the step above it',
        });
      last = v;
    }
    if (r.bonusAtPercent !== undefined && r.ageingBonusMinor === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['ageingBonusMinor'],
        message: 'a bonus step needs an amount',
      });
  });
export type FallbackRules = z.output<typeof FallbackRules>;

export const FALLBACK_STEP = { none: 0, widened: 1, bonus: 2, escalated: 3 } as const;

/**
 * The highest step a task has reached at `now`: the rules' steps whose share of the window has
 * passed. Steps only ever go up; a task without a due time never moves.
 */
export function fallbackStepAt(
  rules: FallbackRules,
  task: { createdAt: number; slaDueAt: number | null },
  now: number,
): number {
  if (task.slaDueAt === null || task.slaDueAt <= task.createdAt) return FALLBACK_STEP.none;
  const window = task.slaDueAt - task.createdAt;
  // elapsed/window ≥ p/100, in integers.
  const passed = (p: number | undefined) =>
    p !== undefined && (now - task.createdAt) * 100 >= p * window;
  if (passed(rules.escalateAtPercent)) return FALLBACK_STEP.escalated;
  if (passed(rules.bonusAtPercent)) return FALLBACK_STEP.bonus;
  if (passed(rules.widenAtPercent)) return FALLBACK_STEP.widened;
  return FALLBACK_STEP.none;
}
