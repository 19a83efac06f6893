/**
 * Samples of issue 20's admin routes (spread into `samples`). Changes run in route order:
 * the ladder is set so that tier 1 is out of reach, so the world's advocate (tier 2 or 3) is
 * suggested tier 0; that move is declined, then approved (an admin reconsidering).
 */
import type { BrandWorld } from './harness';
import type { SampleRequest } from './routeSamples';

export const trustSamples: Record<string, (w: BrandWorld) => SampleRequest> = {
  'GET /v1/admin/ladder': () => ({ path: '/v1/admin/ladder' }),
  'PUT /v1/admin/ladder': (w) => ({
    path: '/v1/admin/ladder',
    body: { rungs: [{ tier: 1, minResolved: 1000, unlocks: [`${w.marker} order history`] }] },
  }),
  'GET /v1/admin/promotions': () => ({ path: '/v1/admin/promotions' }),
  'GET /v1/admin/kb-feedback': () => ({ path: '/v1/admin/kb-feedback' }),
  'GET /v1/admin/fallback-rules': () => ({ path: '/v1/admin/fallback-rules' }),
  'PUT /v1/admin/fallback-rules': () => ({
    path: '/v1/admin/fallback-rules',
    body: { widenAtPercent: 50, bonusAtPercent: 75, ageingBonusMinor: 150, escalateAtPercent: 100 },
  }),
  'GET /v1/admin/time-to-claim': () => ({
    path: '/v1/admin/time-to-claim?from=0&to=9999999999999',
  }),
  'POST /v1/admin/promotions/:id/decline': (w) => ({
    path: `/v1/admin/promotions/${w.advocateId}/decline`,
    body: { toTier: 0 },
  }),
  'POST /v1/admin/promotions/:id/approve': (w) => ({
    path: `/v1/admin/promotions/${w.advocateId}/approve`,
    body: { toTier: 0, reconsider: true },
  }),
};
