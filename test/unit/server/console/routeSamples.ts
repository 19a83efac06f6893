/**
 * One valid request for every admin route, per brand world: the security tests run each of
 * them as each kind of caller. A route without a sample fails `routeSamples.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { rules, task } from '../helpers';
import type { BrandWorld } from './harness';
import { trustSamples } from './trustSamples';
import { courseSamples } from './courseSamples';

export interface SampleRequest {
  path: string;
  body?: unknown;
}

const zendesk = JSON.parse(
  readFileSync(
    new URL('../../../fixtures/zendesk/tickets-with-comments.json', import.meta.url),
    'utf8',
  ),
) as unknown;

export const samples: Record<string, (w: BrandWorld) => SampleRequest> = {
  'GET /v1/admin/brand': () => ({ path: '/v1/admin/brand' }),
  'PATCH /v1/admin/brand': () => ({ path: '/v1/admin/brand', body: { leaseMinutes: 45 } }),
  'POST /v1/admin/keys/rotate': () => ({
    path: '/v1/admin/keys/rotate',
    body: { overlapMinutes: 600 },
  }),
  'POST /v1/admin/advocates': (w) => ({
    path: '/v1/admin/advocates',
    body: { email: `${w.marker}-new@example.com` },
  }),
  'GET /v1/admin/advocates': () => ({ path: '/v1/admin/advocates' }),
  'PATCH /v1/admin/advocates/:id': (w) => ({
    path: `/v1/admin/advocates/${w.advocateId}`,
    body: { tier: 3 },
  }),
  'POST /v1/admin/advocates/:id/revoke-tokens': (w) => ({
    path: `/v1/admin/advocates/${w.advocateId}/revoke-tokens`,
  }),
  'GET /v1/admin/advocates/:id/figures': (w) => ({
    path: `/v1/admin/advocates/${w.advocateId}/figures`,
  }),
  'POST /v1/admin/tasks': (w) => ({
    path: '/v1/admin/tasks',
    body: [task(77, { subject: `${w.marker} pushed` })],
  }),
  'GET /v1/admin/tasks': () => ({ path: '/v1/admin/tasks?limit=50' }),
  'POST /v1/admin/tasks/:id/withdraw': (w) => ({
    path: `/v1/admin/tasks/${w.tasks['T-1']}/withdraw`,
    body: {},
  }),
  'POST /v1/admin/tasks/:id/close': (w) => ({
    path: `/v1/admin/tasks/${w.tasks['T-2']}/close`,
    body: { reason: 'handled by phone' },
  }),
  'POST /v1/admin/articles': (w) => ({
    path: '/v1/admin/articles',
    body: [{ externalRef: 'A-2', title: `${w.marker} new`, bodyMarkdown: 'B', tags: [] }],
  }),
  'GET /v1/admin/content': () => ({ path: '/v1/admin/content?kind=macro&q=m' }),
  'DELETE /v1/admin/articles/:externalRef': () => ({ path: '/v1/admin/articles/A-1' }),
  'POST /v1/admin/macros': (w) => ({
    path: '/v1/admin/macros',
    body: [{ externalRef: 'M-2', title: `${w.marker} new`, body: 'Hi', tags: [] }],
  }),
  'DELETE /v1/admin/macros/:externalRef': () => ({ path: '/v1/admin/macros/M-1' }),
  'PUT /v1/admin/payout-rules': () => ({
    path: '/v1/admin/payout-rules',
    body: { ...rules, ratingBonus: { ...rules.ratingBonus, '5': 150 } },
  }),
  'GET /v1/admin/payout-rules': () => ({ path: '/v1/admin/payout-rules' }),
  'GET /v1/admin/payout-rules/versions': () => ({ path: '/v1/admin/payout-rules/versions' }),
  'GET /v1/admin/payout-rules/diff': () => ({ path: '/v1/admin/payout-rules/diff?from=1&to=1' }),
  'POST /v1/admin/customers': (w) => ({
    path: '/v1/admin/customers',
    body: [
      { customerRef: `${w.marker}-C-1`, fields: [{ name: 'plan', value: 'Pro', minTier: 1 }] },
    ],
  }),
  'POST /v1/admin/customer-events': (w) => ({
    path: '/v1/admin/customer-events',
    body: [
      {
        externalRef: `${w.marker}-E-1`,
        customerRef: `${w.marker}-C-1`,
        kind: 'order',
        occurredAt: 1_700_000_000_000,
        summary: 'Ordered a kettle',
        amountMinor: 4999,
        currency: 'EUR',
      },
    ],
  }),
  'GET /v1/admin/reopen-settings': () => ({ path: '/v1/admin/reopen-settings' }),
  'PUT /v1/admin/reopen-settings': () => ({
    path: '/v1/admin/reopen-settings',
    body: { reopenWindowHours: 48, followUpOfferMinutes: 20, reopenFeeBps: 0 },
  }),
  'GET /v1/admin/reopens': () => ({ path: '/v1/admin/reopens' }),
  'POST /v1/admin/ratings': () => ({
    path: '/v1/admin/ratings',
    body: [{ externalRef: 'T-3', score: 5 }],
  }),
  'GET /v1/admin/outcomes': () => ({ path: '/v1/admin/outcomes' }),
  'GET /v1/admin/escalations': () => ({ path: '/v1/admin/escalations' }),
  'GET /v1/admin/escalation-queue': () => ({ path: '/v1/admin/escalation-queue' }),
  'POST /v1/admin/escalations/:taskId/acknowledge': (w) => ({
    path: `/v1/admin/escalations/${w.tasks['T-4']}/acknowledge`,
  }),
  'POST /v1/admin/escalations/:taskId/close': (w) => ({
    path: `/v1/admin/escalations/${w.tasks['T-5']}/close`,
    body: { outcome: 'resolved', note: 'Refund sent' },
  }),
  'POST /v1/admin/payouts/runs': () => ({
    path: '/v1/admin/payouts/runs',
    body: { to: 'confirmed' },
  }),
  'GET /v1/admin/payouts/statements': () => ({ path: '/v1/admin/payouts/statements' }),
  'POST /v1/admin/import/zendesk': () => ({ path: '/v1/admin/import/zendesk', body: zendesk }),
  'POST /v1/admin/accounts': (w) => ({
    path: '/v1/admin/accounts',
    body: { email: `${w.marker.toLowerCase()}-new@brand.example`, role: 'admin' },
  }),
  'GET /v1/admin/accounts': () => ({ path: '/v1/admin/accounts' }),
  'PATCH /v1/admin/accounts/:id': (w) => ({
    path: `/v1/admin/accounts/${w.accountId}`,
    body: { role: 'admin' },
  }),
  'GET /v1/admin/audit': () => ({ path: '/v1/admin/audit' }),
  'POST /v1/admin/webhooks': () => ({
    path: '/v1/admin/webhooks',
    body: { url: 'https://hooks.brand.example/gigdesk', events: ['rating.bad'] },
  }),
  'GET /v1/admin/webhooks': () => ({ path: '/v1/admin/webhooks' }),
  'DELETE /v1/admin/webhooks/:id': (w) => ({ path: `/v1/admin/webhooks/${w.webhookId}` }),
  'GET /v1/admin/webhooks/deliveries': () => ({ path: '/v1/admin/webhooks/deliveries' }),
  'GET /v1/admin/metrics': () => ({
    path: '/v1/admin/metrics?from=0&to=9999999999999&groupBy=advocate',
  }),
  'PUT /v1/admin/settings': () => ({
    path: '/v1/admin/settings',
    body: { contactCentreCostMinor: 850 },
  }),
  ...trustSamples,
  ...courseSamples,
};

/** Routes that only an owner (or an API key) may use. */
export const OWNER_ONLY = new Set([
  'POST /v1/admin/keys/rotate',
  'POST /v1/admin/accounts',
  'GET /v1/admin/accounts',
  'PATCH /v1/admin/accounts/:id',
]);

export const isChange = (route: string) => !route.startsWith('GET ');

/** The admin routes a running server answers, as `METHOD /pattern`. */
export const adminRoutesOf = (routes: { method: string; url: string }[]) =>
  routes.filter((r) => r.url.startsWith('/v1/admin/')).map((r) => `${r.method} ${r.url}`);
