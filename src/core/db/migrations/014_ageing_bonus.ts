import type { Migration } from '../migrations';

/**
 * Issue 20, the fallback ladder: the ageing bonus the brand's platform added to a task that
 * waited long unclaimed (minor units of the task's currency; NULL = none), so the feed can say
 * why the task pays more now. The payout estimate already includes it.
 */
export const m014AgeingBonus: Migration = {
  version: 14,
  name: 'ageing_bonus',
  up(db) {
    db.exec('ALTER TABLE tasks ADD COLUMN ageing_bonus_minor INTEGER');
  },
};
