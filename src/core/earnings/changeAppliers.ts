import type { Db } from '../db/open';
import type { ChangeAppliers } from '../sync/appliers';
import { applyLedgerEntry, applyRating } from './apply';
import { applyPayoutRules, type PageEstimates } from './estimates';

/** The change kinds earnings owns: payout rules, ledger entries, ratings. */
export function earningsChangeAppliers(
  db: Db,
  now: number,
  estimates: PageEstimates,
): Pick<ChangeAppliers, 'payout_rules' | 'ledger' | 'rating'> {
  return {
    payout_rules: (c) => applyPayoutRules(db, c, estimates),
    ledger: (c) => applyLedgerEntry(db, c.entry, now),
    rating: (c) => applyRating(db, c.rating),
  };
}
