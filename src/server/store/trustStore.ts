/** Issue 20's storage (tier ladder, promotions, certifications, fallback ladder), as `store.trust`. */
import { bindAll } from './consoleStore';
import type { StoreContext } from './context';
import { getFallbackRules, setFallbackRules, timeToClaim } from './fallback';
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
  });
}

export type TrustStore = ReturnType<typeof trustStore>;
