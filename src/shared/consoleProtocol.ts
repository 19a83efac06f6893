/**
 * The brand console's part of the feed server's HTTP API: admin accounts and sessions, and the
 * admin routes the console works through (tasks, escalation queue, payouts, audit). Every route
 * is also open to a brand API key and to `gigdesk-admin`. Same conventions as protocol.ts.
 */
import { z } from 'zod';
import { CurrencyCode, MinorUnits } from './domain/money';
import {
  Channel,
  EpochMs,
  EscalationOutcome,
  EscalationTarget,
  ExternalRef,
  Id,
  Language,
  LedgerStatus,
  Skill,
  TaskStatus,
} from './protocol';

export { EscalationOutcome } from './protocol';

export const AdminRole = z.enum(['owner', 'admin', 'analyst']);
export type AdminRole = z.infer<typeof AdminRole>;

/** Passwords: long enough to resist guessing; hashed with argon2id, never stored. */
export const Password = z.string().min(12, 'at least 12 characters').max(256);
const Email = z.email().max(254);

export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1).max(256),
  /** Needed only when the same address and password open accounts of several brands. */
  brandId: Id.optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const AcceptAdminInviteRequest = z.strictObject({
  token: z.string().min(16).max(128),
  password: Password,
  name: z.string().trim().min(1).max(120).optional(),
});

export const AdminAccountView = z.object({
  id: Id,
  brandId: Id,
  email: z.string(),
  name: z.string(),
  role: AdminRole,
  /** False until the invite link was used. */
  active: z.boolean(),
  disabled: z.boolean(),
  createdAt: EpochMs,
});
export type AdminAccountView = z.infer<typeof AdminAccountView>;

export const ConsoleSession = z.object({
  account: AdminAccountView,
  brand: z.object({ id: Id, name: z.string(), currency: CurrencyCode }),
  /** Send back as `x-csrf-token` on every request that changes anything. */
  csrfToken: z.string(),
  expiresAt: EpochMs,
});
export type ConsoleSession = z.infer<typeof ConsoleSession>;

export const AccountInviteRequest = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(120).optional(),
  role: AdminRole.default('admin'),
});
export const AccountInviteResponse = z.object({
  accountId: Id,
  /** One-time; open it to choose a password. Shown once. */
  inviteUrl: z.string(),
  expiresAt: EpochMs,
});
export type AccountInviteResponse = z.infer<typeof AccountInviteResponse>;

export const AccountPatch = z
  .strictObject({ role: AdminRole.optional(), disabled: z.boolean().optional() })
  .refine((p) => Object.keys(p).length > 0, 'expected at least one of role, disabled');
export type AccountPatch = z.infer<typeof AccountPatch>;
export const AccountsResponse = z.object({ accounts: z.array(AdminAccountView) });

// ---------------------------------------------------------------- tasks

/** Lifecycle states plus the brand's own: withdrawn (taken off the pool), closed (by the brand). */
export const AdminTaskStatus = z.enum([...TaskStatus.options, 'withdrawn', 'closed']);
export type AdminTaskStatus = z.infer<typeof AdminTaskStatus>;

export const TaskListQuery = z.strictObject({
  status: AdminTaskStatus.optional(),
  /** Matches the subject or externalRef (case-insensitive substring). */
  q: z.string().trim().min(1).max(200).optional(),
  skill: Skill.optional(),
  channel: Channel.optional(),
  holderId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const AdminTask = z.object({
  id: Id,
  externalRef: z.string(),
  subject: z.string(),
  channel: z.string(),
  skills: z.array(z.string()),
  complexity: z.number().int(),
  minTier: z.number().int(),
  status: AdminTaskStatus,
  holderId: Id.nullable(),
  slaDueAt: EpochMs.nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type AdminTask = z.infer<typeof AdminTask>;
export const TaskListResponse = z.object({ tasks: z.array(AdminTask), total: z.number().int() });

export const TaskCloseRequest = z.strictObject({ reason: z.string().trim().max(2000).optional() });

// ---------------------------------------------------------------- escalation queue

export const EscalationState = z.enum(['new', 'acknowledged', 'closed']);

export const EscalationQueueQuery = z.strictObject({
  state: EscalationState.optional(),
});
export const QueuedEscalation = z.object({
  taskId: Id,
  externalRef: z.string(),
  subject: z.string(),
  customerName: z.string(),
  target: EscalationTarget,
  handoffNote: z.string(),
  advocateId: Id,
  escalatedAt: EpochMs,
  state: EscalationState,
  acknowledgedAt: EpochMs.nullable(),
  closedAt: EpochMs.nullable(),
  outcome: EscalationOutcome.nullable(),
});
export type QueuedEscalation = z.infer<typeof QueuedEscalation>;
export const EscalationQueueResponse = z.object({ escalations: z.array(QueuedEscalation) });

export const EscalationCloseRequest = z.strictObject({
  outcome: EscalationOutcome,
  note: z.string().trim().min(1).max(2000).optional(),
});

// ---------------------------------------------------------------- payouts

/** Where a payout run moves entries: pending → confirmed, or confirmed → paid. */
const PayoutTarget = LedgerStatus.exclude(['pending']);

export const PayoutRunRequest = z.strictObject({
  /** `confirmed` moves pending entries; `paid` moves confirmed ones. */
  to: PayoutTarget,
  /** Only entries that occurred before this time (default: all). */
  before: EpochMs.optional(),
  advocateId: Id.optional(),
});
export const PayoutRunResponse = z.object({
  runId: Id.nullable(),
  to: PayoutTarget,
  entries: z.number().int(),
  totalMinor: MinorUnits,
  currency: CurrencyCode,
});
export type PayoutRunResponse = z.infer<typeof PayoutRunResponse>;

export const StatementQuery = z.strictObject({
  advocateId: Id.optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export const StatementEntry = z.object({
  entryId: Id,
  advocateId: Id,
  taskId: Id,
  externalRef: z.string(),
  kind: z.string(),
  amountMinor: MinorUnits,
  currency: CurrencyCode,
  status: LedgerStatus,
  occurredAt: EpochMs,
});
export const AdvocateStatement = z.object({
  advocateId: Id,
  pendingMinor: MinorUnits,
  confirmedMinor: MinorUnits,
  paidMinor: MinorUnits,
  entries: z.array(StatementEntry),
});
export type AdvocateStatement = z.infer<typeof AdvocateStatement>;
export const StatementsResponse = z.object({
  currency: CurrencyCode,
  statements: z.array(AdvocateStatement),
});
export type StatementsResponse = z.infer<typeof StatementsResponse>;

// ---------------------------------------------------------------- payout rule versions

export const PayoutRuleVersion = z.object({ version: z.number().int(), effectiveAt: EpochMs });
export const PayoutRuleVersionsResponse = z.object({ versions: z.array(PayoutRuleVersion) });
export const PayoutRulesDiffQuery = z.strictObject({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});
export const PayoutRulesDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});

// ---------------------------------------------------------------- advocates' figures

export const AdvocateFigures = z.object({
  advocateId: Id,
  resolved: z.number().int(),
  escalated: z.number().int(),
  transferred: z.number().int(),
  ratings: z.number().int(),
  csatMean: z.number().nullable(),
  earnedMinor: MinorUnits,
  currency: CurrencyCode,
});

// ---------------------------------------------------------------- audit

export const AuditQuery = z.strictObject({
  since: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const AuditEntry = z.object({
  id: Id,
  at: EpochMs,
  actorKind: z.enum(['account', 'key', 'operator']),
  actorId: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
  status: z.number().int(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditResponse = z.object({ entries: z.array(AuditEntry) });

export const RefParamSchema = z.strictObject({ externalRef: ExternalRef });

// ---------------------------------------------------------------- webhooks

export const WebhookEvent = z.enum([
  'escalation.created',
  'case.resolved',
  'rating.bad',
  'task.unclaimed_past_sla',
]);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WebhookCreateRequest = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  events: z.array(WebhookEvent).min(1).max(4),
});
export const WebhookEndpointView = z.object({
  id: Id,
  url: z.string(),
  events: z.array(WebhookEvent),
  createdAt: EpochMs,
  disabled: z.boolean(),
});
export const WebhookCreateResponse = WebhookEndpointView.extend({
  /** HMAC-SHA256 key for `x-gigdesk-signature`; shown once. */
  secret: z.string(),
});
export const WebhookEndpointsResponse = z.object({ endpoints: z.array(WebhookEndpointView) });
export const WebhookDeliveriesQuery = z.strictObject({
  endpointId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const WebhookDeliveryView = z.object({
  id: Id,
  endpointId: Id,
  event: WebhookEvent,
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: EpochMs.nullable(),
  nextAttemptAt: EpochMs.nullable(),
  createdAt: EpochMs,
});
export const WebhookDeliveriesResponse = z.object({ deliveries: z.array(WebhookDeliveryView) });

// ---------------------------------------------------------------- impact metrics

export const MetricsQuery = z.strictObject({
  from: z.coerce.number().int().nonnegative(),
  to: z.coerce.number().int().nonnegative(),
  groupBy: z
    .enum(['overall', 'advocate', 'skill', 'channel', 'complexity', 'tier', 'language'])
    .default('overall'),
});
export const BrandSettings = z.strictObject({
  /** What one case costs the brand's own contact centre, in minor units of its currency. */
  contactCentreCostMinor: MinorUnits.nonnegative().nullable(),
});
const Rate = z.object({
  count: z.number().int(),
  of: z.number().int(),
  rate: z.number().nullable(),
});
const Percentiles = z.object({
  n: z.number().int(),
  p50Ms: z.number().nullable(),
  p90Ms: z.number().nullable(),
});
export const ImpactGroup = z.object({
  key: z.string(),
  cases: z.number().int(),
  resolution: Rate,
  escalation: Rate,
  transfer: Rate,
  abandon: Rate,
  reopen: Rate,
  slaHit: Rate,
  csat: z.object({ n: z.number().int(), mean: z.number().nullable(), response: Rate }),
  timeToClaim: Percentiles,
  timeToFirstReply: Percentiles,
  timeToResolution: Percentiles,
  cost: z.object({
    totalMinor: MinorUnits,
    resolved: z.number().int(),
    perResolvedMinor: MinorUnits.nullable(),
  }),
});
/** A share with its sample size and Wilson 95 % interval (see metrics/lifetimeValue.ts). */
const Share = Rate.extend({ low: z.number().nullable(), high: z.number().nullable() });
export const LifetimeValueGroup = z.object({
  key: z.enum(['advocate_resolved', 'escalated', 'contact_centre']),
  customers: z.number().int(),
  pending: z.number().int(),
  repeatPurchase: Share,
  retention: Share,
  valuePerCustomer: z.object({
    n: z.number().int(),
    meanMinor: MinorUnits.nullable(),
    lowMinor: MinorUnits.nullable(),
    highMinor: MinorUnits.nullable(),
  }),
});
export const LifetimeValue = z.object({
  windowDays: z.number().int(),
  asOf: EpochMs,
  currency: CurrencyCode,
  groups: z.array(LifetimeValueGroup),
});
export const MetricsResponse = z.object({
  from: EpochMs,
  to: EpochMs,
  groupBy: z.string(),
  currency: CurrencyCode,
  contactCentreCostMinor: MinorUnits.nullable(),
  groups: z.array(ImpactGroup),
  lifetimeValue: LifetimeValue,
});

// ---------------------------------------------------------------- content (articles, macros)

export const ContentKind = z.enum(['article', 'macro']);
export type ContentKind = z.infer<typeof ContentKind>;
export const ContentListQuery = z.strictObject({
  kind: ContentKind.default('article'),
  /** Matches the title or externalRef (case-insensitive substring). */
  q: z.string().trim().min(1).max(200).optional(),
  /** The language detected from the item's title and body (content carries no language field). */
  language: Language.optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ContentListQuery = z.infer<typeof ContentListQuery>;
export const ContentItem = z.object({
  id: Id,
  kind: ContentKind,
  externalRef: z.string(),
  title: z.string(),
  /** Markdown (articles) or text with placeholders (macros), as pushed. */
  body: z.string(),
  tags: z.array(z.string()),
  /** Detected; null when the text is too short or the guess is unreliable. */
  language: z.string().nullable(),
  updatedAt: EpochMs,
});
export type ContentItem = z.infer<typeof ContentItem>;
export const ContentListResponse = z.object({
  items: z.array(ContentItem),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ContentListResponse = z.infer<typeof ContentListResponse>;
