/**
 * What each route takes and answers, as the zod schemas the routes validate with: the source
 * of `/v1/openapi.json` (openapi.ts). A route the server answers without an entry here fails
 * the OpenAPI test.
 */
import { z } from 'zod';
import * as C from '../../shared/consoleProtocol';
import { PayoutRules } from '../../shared/domain/payout';
import * as P from '../../shared/protocol';
import { ZendeskExport } from '../zendesk';
import { trustRouteDocs } from './trustRouteDocs';
import { courseRouteDocs } from './courseRouteDocs';

export interface RouteDoc {
  summary: string;
  /** Who may call: `public`, `advocate` (device token), `admin` (key or console session). */
  auth: 'public' | 'advocate' | 'admin' | 'owner' | 'session';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success answer; omitted for 204 or non-JSON answers. */
  response?: z.ZodType;
  status?: number;
}

const IdParam = z.strictObject({ id: P.Id });
const TaskParam = z.strictObject({ taskId: P.Id });
const RefParam = z.strictObject({ externalRef: P.ExternalRef });
const batch = <T extends z.ZodType>(item: T) => z.array(item);
const ok = z.object({ deleted: z.boolean() });

export const routeDocs: Record<string, RouteDoc> = {
  'GET /v1/health': { summary: 'Liveness and storage', auth: 'public', response: P.Health },
  'GET /v1/openapi.json': { summary: 'This document', auth: 'public' },
  'POST /v1/auth/redeem': {
    summary: 'A new device redeems an invite code',
    auth: 'public',
    body: P.RedeemRequest,
    response: P.RedeemResponse,
    status: 201,
  },
  'POST /v1/auth/accept': {
    summary: 'A signed-in device accepts another brand’s invite',
    auth: 'advocate',
    body: P.AcceptRequest,
    response: P.MeResponse,
  },
  'POST /v1/auth/refresh': {
    summary: 'Exchange the device token for a fresh one',
    auth: 'advocate',
    response: P.RefreshResponse,
  },
  'POST /v1/auth/logout': { summary: 'Revoke this device token', auth: 'advocate', status: 204 },
  'GET /v1/me': {
    summary: 'The advocate and its brands',
    auth: 'advocate',
    response: P.MeResponse,
  },
  'GET /v1/sync': {
    summary:
      'Changes since a cursor; customer kinds only with the header `Gigdesk-Capabilities: customers`',
    auth: 'advocate',
    query: P.SyncQuery,
    response: P.SyncResponse,
  },
  'POST /v1/actions': {
    summary: 'Apply a batch of task actions',
    auth: 'advocate',
    body: P.ActionsRequest,
    response: P.ActionsResponse,
  },
  'GET /v1/events': {
    summary: 'Server-Sent Events: pull now',
    auth: 'advocate',
    query: P.EventsQuery,
  },
  'GET /v1/snapshot': {
    summary: "Initial sync: this advocate's own rows",
    auth: 'advocate',
    response: P.OwnSnapshot,
  },
  'GET /v1/snapshot/brands/:brandId': {
    summary:
      "Initial sync: what every advocate of the brand at the caller's tier sees; customer parts only with `Gigdesk-Capabilities: customers`",
    auth: 'advocate',
    response: P.BrandSnapshot,
  },
  'GET /v1/snapshot/brands/:brandId/first': {
    summary:
      "Initial sync: the brand's first feed page at the caller's tier (brand, payout rules, macros, the top `limit` tasks), read without waiting for the shared snapshot",
    auth: 'advocate',
    params: z.strictObject({ brandId: P.Id }),
    query: P.FirstPageQuery,
    response: P.BrandFirstPage,
  },

  'POST /v1/console/login': {
    summary: 'Sign in to the console (sets the session cookie)',
    auth: 'public',
    body: C.LoginRequest,
    response: C.ConsoleSession,
  },
  'POST /v1/console/accept': {
    summary: 'Use an admin invite link: choose a password, signed in',
    auth: 'public',
    body: C.AcceptAdminInviteRequest,
    response: C.ConsoleSession,
    status: 201,
  },
  'GET /v1/console/session': {
    summary: 'The signed-in account and its CSRF token',
    auth: 'session',
    response: C.ConsoleSession,
  },
  'POST /v1/console/logout': { summary: 'End this console session', auth: 'session', status: 204 },

  'GET /v1/admin/brand': { summary: 'The brand', auth: 'admin', response: P.AdminBrand },
  'PATCH /v1/admin/brand': {
    summary: 'Rename, lease length',
    auth: 'admin',
    body: P.BrandPatch,
    response: P.BrandView,
  },
  'POST /v1/admin/keys/rotate': {
    summary: 'New admin key; old ones work for the overlap',
    auth: 'owner',
    body: P.AdminKeyRotateRequest,
    response: P.AdminKeyRotateResponse,
    status: 201,
  },
  'POST /v1/admin/accounts': {
    summary: 'Invite a console account by one-time link',
    auth: 'owner',
    body: C.AccountInviteRequest,
    response: C.AccountInviteResponse,
    status: 201,
  },
  'GET /v1/admin/accounts': {
    summary: 'Console accounts',
    auth: 'owner',
    response: C.AccountsResponse,
  },
  'PATCH /v1/admin/accounts/:id': {
    summary: 'Change a console account’s role, or disable it',
    auth: 'owner',
    params: IdParam,
    body: C.AccountPatch,
    response: C.AdminAccountView,
  },
  'GET /v1/admin/audit': {
    summary: 'The audit log, newest first',
    auth: 'admin',
    query: C.AuditQuery,
    response: C.AuditResponse,
  },
  'POST /v1/admin/advocates': {
    summary: 'Invite an advocate',
    auth: 'admin',
    body: P.InviteRequest,
    response: P.InviteResponse,
    status: 201,
  },
  'GET /v1/admin/advocates': {
    summary: 'The brand’s advocates',
    auth: 'admin',
    response: z.object({ advocates: z.array(P.AdminAdvocate) }),
  },
  'PATCH /v1/admin/advocates/:id': {
    summary: 'Tier, skills, suspension',
    auth: 'admin',
    params: IdParam,
    body: P.AdvocatePatch,
    response: P.AdminAdvocate,
  },
  'POST /v1/admin/advocates/:id/revoke-tokens': {
    summary: 'Sign the advocate’s devices out of this brand',
    auth: 'admin',
    params: IdParam,
    response: z.object({ revoked: z.number().int() }),
  },
  'GET /v1/admin/advocates/:id/figures': {
    summary: 'One advocate’s figures',
    auth: 'admin',
    params: IdParam,
    response: C.AdvocateFigures,
  },
  'POST /v1/admin/tasks': {
    summary: 'Push tasks (JSON array or NDJSON), upserted by externalRef',
    auth: 'admin',
    body: batch(P.TaskPush),
    response: P.UpsertResponse,
  },
  'GET /v1/admin/content': {
    summary: 'List and search the brand’s articles or macros (a page at a time, by title)',
    auth: 'admin',
    query: C.ContentListQuery,
    response: C.ContentListResponse,
  },
  'GET /v1/admin/tasks': {
    summary: 'List and filter tasks',
    auth: 'admin',
    query: C.TaskListQuery,
    response: C.TaskListResponse,
  },
  'POST /v1/admin/tasks/:id/withdraw': {
    summary: 'Take an open task off the pool',
    auth: 'admin',
    params: IdParam,
    body: C.TaskCloseRequest,
    response: C.AdminTask,
  },
  'POST /v1/admin/tasks/:id/close': {
    summary: 'Close an open or claimed task',
    auth: 'admin',
    params: IdParam,
    body: C.TaskCloseRequest,
    response: C.AdminTask,
  },
  'POST /v1/admin/articles': {
    summary: 'Push KB articles',
    auth: 'admin',
    body: batch(P.ArticlePush),
    response: P.UpsertResponse,
  },
  'DELETE /v1/admin/articles/:externalRef': {
    summary: 'Delete an article',
    auth: 'admin',
    params: RefParam,
    response: ok,
  },
  'POST /v1/admin/macros': {
    summary: 'Push macros',
    auth: 'admin',
    body: batch(P.MacroPush),
    response: P.UpsertResponse,
  },
  'DELETE /v1/admin/macros/:externalRef': {
    summary: 'Delete a macro',
    auth: 'admin',
    params: RefParam,
    response: ok,
  },
  'PUT /v1/admin/payout-rules': {
    summary: 'Set payout rules (a new version unless identical)',
    auth: 'admin',
    body: PayoutRules,
    response: P.PayoutRulesResponse,
  },
  'GET /v1/admin/payout-rules': {
    summary: 'The current payout rules',
    auth: 'admin',
    response: P.PayoutRulesResponse,
  },
  'GET /v1/admin/payout-rules/versions': {
    summary: 'Payout rule versions, newest first',
    auth: 'admin',
    response: C.PayoutRuleVersionsResponse,
  },
  'GET /v1/admin/payout-rules/diff': {
    summary: 'What changed between two versions',
    auth: 'admin',
    query: C.PayoutRulesDiffQuery,
    response: C.PayoutRulesDiff,
  },
  'POST /v1/admin/customers': {
    summary: 'Push customers (idempotent by customerRef; JSON array or NDJSON)',
    auth: 'admin',
    body: batch(P.CustomerPush),
    response: P.UpsertResponse,
  },
  'POST /v1/admin/customer-events': {
    summary: 'Push customer events (idempotent by external id; JSON array or NDJSON)',
    auth: 'admin',
    body: batch(P.CustomerEventPush),
    response: P.UpsertResponse,
  },
  'GET /v1/admin/reopen-settings': {
    summary: 'Reopen window, follow-up offer minutes, reopen fee',
    auth: 'admin',
    response: P.ReopenSettings,
  },
  'PUT /v1/admin/reopen-settings': {
    summary: 'Set the reopen window, follow-up offer minutes, reopen fee',
    auth: 'admin',
    body: P.ReopenSettings,
    response: P.ReopenSettings,
  },
  'GET /v1/admin/reopens': {
    summary: 'Reopened cases per brand and per advocate',
    auth: 'admin',
    response: P.ReopenCounts,
  },
  'POST /v1/admin/ratings': {
    summary: 'Post customer ratings (idempotent per case)',
    auth: 'admin',
    body: batch(P.RatingPush),
    response: P.RatingsResponse,
  },
  'GET /v1/admin/outcomes': {
    summary: 'Paid case outcomes',
    auth: 'admin',
    query: P.OutcomesQuery,
    response: P.OutcomesResponse,
  },
  'GET /v1/admin/escalations': {
    summary: 'Open escalations (legacy view of the queue)',
    auth: 'admin',
    response: P.EscalationsResponse,
  },
  'GET /v1/admin/escalation-queue': {
    summary: 'The escalation queue with states',
    auth: 'admin',
    query: C.EscalationQueueQuery,
    response: C.EscalationQueueResponse,
  },
  'POST /v1/admin/escalations/:taskId/acknowledge': {
    summary: 'Acknowledge an escalation',
    auth: 'admin',
    params: TaskParam,
    response: C.QueuedEscalation,
  },
  'POST /v1/admin/escalations/:taskId/close': {
    summary: 'Close an escalation with its outcome (the advocate sees it)',
    auth: 'admin',
    params: TaskParam,
    body: C.EscalationCloseRequest,
    response: C.QueuedEscalation,
  },
  'POST /v1/admin/payouts/runs': {
    summary: 'Move ledger entries pending → confirmed, or confirmed → paid',
    auth: 'admin',
    body: C.PayoutRunRequest,
    response: C.PayoutRunResponse,
    status: 201,
  },
  'GET /v1/admin/payouts/statements': {
    summary: 'Per-advocate statements (JSON, or CSV with format=csv)',
    auth: 'admin',
    query: C.StatementQuery,
    response: C.StatementsResponse,
  },
  'POST /v1/admin/import/zendesk': {
    summary: 'Import a Zendesk ticket export',
    auth: 'admin',
    body: ZendeskExport,
    response: P.ImportResponse,
  },
  'POST /v1/admin/webhooks': {
    summary: 'Add a webhook endpoint (its signing secret is shown once)',
    auth: 'admin',
    body: C.WebhookCreateRequest,
    response: C.WebhookCreateResponse,
    status: 201,
  },
  'GET /v1/admin/webhooks': {
    summary: 'Webhook endpoints',
    auth: 'admin',
    response: C.WebhookEndpointsResponse,
  },
  'DELETE /v1/admin/webhooks/:id': {
    summary: 'Disable a webhook endpoint',
    auth: 'admin',
    params: IdParam,
    response: z.object({ disabled: z.boolean() }),
  },
  'GET /v1/admin/webhooks/deliveries': {
    summary: 'The webhook delivery log, newest first',
    auth: 'admin',
    query: C.WebhookDeliveriesQuery,
    response: C.WebhookDeliveriesResponse,
  },
  'GET /v1/admin/metrics': {
    summary: 'Impact metrics over a range, grouped',
    auth: 'admin',
    query: C.MetricsQuery,
    response: C.MetricsResponse,
  },
  'PUT /v1/admin/settings': {
    summary: 'Brand settings: the contact centre’s cost per case',
    auth: 'admin',
    body: C.BrandSettings,
    response: C.BrandSettings,
  },
  ...trustRouteDocs,
  ...courseRouteDocs,
};
