/**
 * Issue 20's storage (tier ladder, promotions, certifications, fallback ladder, KB feedback), as
 * `store.trust`.
 */
import { bindAll } from './consoleStore';
import type { StoreContext } from './context';
import { getFallbackRules, setFallbackRules, timeToClaim } from './fallback';
import { articleFeedback, recordKbVotes } from './kbFeedback';
import { certify, decidePromotion, getLadder, ladderFor, promotions, setLadder } from './ladder';

export function trustStore(ctx: StoreContext) {
  return bindAll(ctx, {
    getLadder,
    setLadder,
    ladderFor,
    promotions,
    decidePromotion,
    certify,
    getFallbackRules,
    setFallbackRules,
    timeToClaim,
    recordKbVotes,
    articleFeedback,
  });
}

export type TrustStore = ReturnType<typeof trustStore>;
