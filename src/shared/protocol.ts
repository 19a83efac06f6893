/**
 * The feed server's HTTP API (`/v1`): request schemas the server validates with, and response
 * schemas the app's sync client validates with. Additive changes only.
 *
 * Conventions: money is integer minor units + ISO-4217 code; time is UTC epoch milliseconds;
 * ids are opaque strings; errors are always `{ error: { code, message, issues? } }`.
 */
import { z } from 'zod';
import { CurrencyCode, MinorUnits } from './domain/money';
import { Complexity, PayoutRules } from './domain/payout';

export const PROTOCOL_VERSION = 1;

export const EpochMs = z.number().int().nonnegative();
export const Id = z.string().min(1).max(128);
export const Channel = z.enum(['email', 'chat', 'social']);
export type Channel = z.infer<typeof Channel>;
export const Skill = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'expected a lower-case skill name such as billing');
export const Tier = z.number().int().min(0).max(3);
/** A BCP 47 language tag such as `en`, `es` or `pt-BR`. */
export const Language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as en or pt-BR');
export const ExternalRef = z.string().trim().min(1).max(200);
/** A BCP 47 language tag such as `en`, `pt-BR` or `zh-Hant` (checked by `Intl`, canonicalized). */
export const LanguageTag = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .transform((tag, ctx) => {
    try {
      return Intl.getCanonicalLocales(tag)[0]!;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'expected a BCP 47 language tag such as en or pt-BR',
      });
      return z.NEVER;
    }
  });

// ---------------------------------------------------------------- errors

export const ApiErrorCode = z.enum([
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'request_timeout',
  'payload_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'headers_too_large',
  'rate_limited',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/** One bad field of a request; `index` is the item's position in a batch. */
export const ApiIssue = z.object({
  index: z.number().int().nonnegative().optional(),
  path: z.string(),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof ApiIssue>;

export const ApiError = z.object({
  error: z.object({
    code: ApiErrorCode,
    message: z.string(),
    issues: z.array(ApiIssue).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const Health = z.object({
  ok: z.literal(true),
  protocol: z.number().int(),
  storage: z.string(),
  time: EpochMs,
});
export type Health = z.infer<typeof Health>;

// ---------------------------------------------------------------- views shared by sync and actions

export const TaskStatus = z.enum(['open', 'claimed', 'resolved', 'escalated']);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const MessageAuthor = z.enum(['customer', 'agent', 'advocate', 'system']);
export const MessageKind = z.enum(['message', 'note', 'handoff']);

export const MessageView = z.object({
  id: Id,
  author: MessageAuthor,
  authorName: z.string(),
  /** `note` and `handoff` are internal: never sent to the customer. */
  kind: MessageKind,
  body: z.string(),
  /** True when personal data in `body` was replaced by markers for this advocate's tier. */
  redacted: z.boolean(),
  createdAt: EpochMs,
});
export type MessageView = z.infer<typeof MessageView>;

export const EscalationTarget = z.enum(['contact_center', 'chatbot']);
export type EscalationTarget = z.infer<typeof EscalationTarget>;

/** How the contact centre closed an escalation (the console's close form). */
export const EscalationOutcome = z.enum(['resolved', 'unresolved', 'refunded', 'duplicate']);
export type EscalationOutcome = z.infer<typeof EscalationOutcome>;

/** An escalation's closing, for the advocate who escalated: codes, a time and a score only. */
export const EscalationOutcomeView = z.object({
  outcome: EscalationOutcome,
  closedAt: EpochMs,
  /** The customer's rating of the case (1–5), null while there is none. */
  rating: z.number().int().min(1).max(5).nullable(),
});
export type EscalationOutcomeView = z.infer<typeof EscalationOutcomeView>;

export const TaskView = z.object({
  id: Id,
  brandId: Id,
  externalRef: z.string(),
  subject: z.string(),
  channel: Channel,
  skills: z.array(z.string()),
  complexity: Complexity,
  minTier: Tier,
  status: TaskStatus,
  holderId: Id.nullable(),
  leaseExpiresAt: EpochMs.nullable(),
  /** Set after a transfer to a named advocate: only they may claim until `offerExpiresAt`. */
  offeredTo: Id.nullable(),
  offerExpiresAt: EpochMs.nullable(),
  customerName: z.string(),
  /** The brand's customer, opaque (`CustomerView.id`); absent from servers before issue 16. */
  customerId: Id.nullable().optional(),
  /** BCP 47, pushed by the brand or detected by the server; null when unknown. */
  language: z.string().nullable().optional(),
  slaDueAt: EpochMs.nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  messages: z.array(MessageView),
  /**
   * Added to the case's pay by the brand's fallback ladder because the task waited long in the
   * pool (issue 20); paid once, on resolution. Absent from servers before issue 20.
   */
  ageingBonusMinor: MinorUnits.nonnegative().nullable().optional(),
  /**
   * Set only in the view of the advocate who escalated the task, once the contact centre closed
   * the escalation. Absent from servers before issue 20 and from snapshot rows.
   */
  escalationOutcome: EscalationOutcomeView.nullable().optional(),
});
export type TaskView = z.infer<typeof TaskView>;

export const BrandView = z.object({
  id: Id,
  name: z.string(),
  currency: CurrencyCode,
  leaseMinutes: z.number().int().positive(),
});
export type BrandView = z.infer<typeof BrandView>;

export const ArticleView = z.object({
  id: Id,
  brandId: Id,
  externalRef: z.string(),
  title: z.string(),
  bodyMarkdown: z.string(),
  tags: z.array(z.string()),
  updatedAt: EpochMs,
});
export type ArticleView = z.infer<typeof ArticleView>;

export const MacroView = z.object({
  id: Id,
  brandId: Id,
  externalRef: z.string(),
  title: z.string(),
  /** Placeholders such as `{{customer.firstName}}` and `{{advocate.name}}` are filled by the app. */
  body: z.string(),
  tags: z.array(z.string()),
  updatedAt: EpochMs,
});
export type MacroView = z.infer<typeof MacroView>;

/** `reopen_fee`: a negative entry when a resolved case is reopened by the customer (issue 16). */
export const LedgerKind = z.enum(['case', 'rating_bonus', 'tip', 'reopen_fee']);
export const LedgerStatus = z.enum(['pending', 'confirmed', 'paid']);
export const LedgerLine = z.object({
  kind: z.enum(['base', 'multiplier', 'rating_bonus', 'tip', 'reopen_fee', 'ageing_bonus']),
  label: z.string(),
  amountMinor: MinorUnits,
  factorBps: z.number().int().optional(),
});

/** Append-only: a correction is a new entry, never an edit of an old one. */
export const LedgerEntryView = z.object({
  id: Id,
  taskId: Id,
  brandId: Id,
  kind: LedgerKind,
  /** For `case`: the outcome paid for. */
  outcome: z.enum(['resolved', 'escalated', 'transferred']).nullable(),
  amountMinor: MinorUnits,
  currency: CurrencyCode,
  status: LedgerStatus,
  ruleVersion: z.number().int().nonnegative(),
  lines: z.array(LedgerLine),
  occurredAt: EpochMs,
});
export type LedgerEntryView = z.infer<typeof LedgerEntryView>;

export const RatingView = z.object({
  taskId: Id,
  brandId: Id,
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  tipMinor: MinorUnits.nonnegative().nullable(),
  ratedAt: EpochMs,
});
export type RatingView = z.infer<typeof RatingView>;

export const MembershipView = z.object({
  brandId: Id,
  tier: Tier,
  skills: z.array(z.string()),
  suspended: z.boolean(),
  /** The languages this advocate answers in for this brand (BCP 47); empty = not set. */
  languages: z.array(z.string()).optional(),
});
export type MembershipView = z.infer<typeof MembershipView>;

// ---------------------------------------------------------------- customers (issue 16)

/**
 * Something of a customer an advocate below `minTier` may not see: it arrives without its value,
 * saying from which tier it is visible.
 */
export const VisibleFromTier = Tier.nullable();

export const CustomerFieldView = z.object({
  name: z.string(),
  label: z.string(),
  /** Null when the field is above the advocate's tier (`visibleFromTier` says from which). */
  value: z.string().nullable(),
  visibleFromTier: VisibleFromTier,
});
export type CustomerFieldView = z.infer<typeof CustomerFieldView>;

/** A brand's customer as an advocate of one tier may see it. `id` is opaque, brand-scoped. */
export const CustomerView = z.object({
  id: Id,
  brandId: Id,
  fields: z.array(CustomerFieldView),
  updatedAt: EpochMs,
});
export type CustomerView = z.infer<typeof CustomerView>;

export const CustomerEventKind = z.enum(['order', 'return', 'subscription', 'contact']);
export type CustomerEventKind = z.infer<typeof CustomerEventKind>;

/** One event of a customer's history with the brand; content null above the advocate's tier. */
export const CustomerEventView = z.object({
  id: Id,
  brandId: Id,
  customerId: Id,
  kind: CustomerEventKind,
  occurredAt: EpochMs,
  summary: z.string().nullable(),
  amountMinor: MinorUnits.nullable(),
  currency: CurrencyCode.nullable(),
  visibleFromTier: VisibleFromTier,
});
export type CustomerEventView = z.infer<typeof CustomerEventView>;

/** An earlier case of the customer with this brand; the advocate is named by handle only. */
export const CustomerCaseView = z.object({
  taskId: Id,
  brandId: Id,
  customerId: Id,
  subject: z.string().nullable(),
  /** `open`: the case was reopened (or handed back) and is being worked again. */
  outcome: z.enum(['resolved', 'escalated', 'open']),
  rating: z.number().int().min(1).max(5).nullable(),
  closedAt: EpochMs,
  advocateHandle: z.string().nullable(),
  visibleFromTier: VisibleFromTier,
});
export type CustomerCaseView = z.infer<typeof CustomerCaseView>;

// ---------------------------------------------------------------- auth

export const RedeemRequest = z.strictObject({
  code: z.string().trim().min(6).max(64),
  deviceName: z.string().trim().min(1).max(100),
});
export type RedeemRequest = z.infer<typeof RedeemRequest>;

export const AdvocateView = z.object({ id: Id, name: z.string(), handle: z.string() });
export type AdvocateView = z.infer<typeof AdvocateView>;

export const EnrolledBrand = BrandView.extend({
  tier: Tier,
  skills: z.array(z.string()),
  suspended: z.boolean(),
});
export type EnrolledBrand = z.infer<typeof EnrolledBrand>;

export const RedeemResponse = z.object({
  /** Shown once; the server keeps only its hash. Send as `Authorization: Bearer <token>`. */
  token: z.string(),
  /** The token stops working then unless refreshed (`POST /v1/auth/refresh`) before. */
  expiresAt: EpochMs,
  advocate: AdvocateView,
  brands: z.array(EnrolledBrand),
});
export type RedeemResponse = z.infer<typeof RedeemResponse>;

/** An invite accepted by a device already signed in: the membership joins that identity. */
export const AcceptRequest = z.strictObject({ code: z.string().trim().min(6).max(64) });
export type AcceptRequest = z.infer<typeof AcceptRequest>;

export const RefreshResponse = z.object({ token: z.string(), expiresAt: EpochMs });
export type RefreshResponse = z.infer<typeof RefreshResponse>;

export const MeResponse = z.object({ advocate: AdvocateView, brands: z.array(EnrolledBrand) });
export type MeResponse = z.infer<typeof MeResponse>;

// ---------------------------------------------------------------- sync

export const SyncQuery = z.strictObject({
  /** Opaque; absent means "from the beginning". */
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type SyncQuery = z.infer<typeof SyncQuery>;

const change = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ seq: z.number().int().positive(), kind: z.literal(kind), ...shape });

/**
 * One entry of the advocate's change stream. Upserts carry the entity's current state, so
 * applying them in order (and re-applying any of them) converges on the server's view.
 */
export const Change = z.discriminatedUnion('kind', [
  change('brand', { brand: BrandView }),
  change('membership', { membership: MembershipView }),
  change('task', { task: TaskView }),
  /** The task left this advocate's view (taken by another, closed, or no longer allowed by tier). */
  change('revoke', { taskId: Id, brandId: Id }),
  change('article', { article: ArticleView }),
  change('article_delete', { articleId: Id, brandId: Id }),
  change('macro', { macro: MacroView }),
  change('macro_delete', { macroId: Id, brandId: Id }),
  change('payout_rules', {
    brandId: Id,
    version: z.number().int().positive(),
    rules: PayoutRules,
    effectiveAt: EpochMs,
  }),
  change('ledger', { entry: LedgerEntryView }),
  change('rating', { rating: RatingView }),
  change('customer', { customer: CustomerView }),
  change('customer_event', { event: CustomerEventView }),
  change('customer_case', { case: CustomerCaseView }),
]);
export type Change = z.infer<typeof Change>;
export type ChangeKind = Change['kind'];

export const SyncResponse = z.object({
  changes: z.array(Change),
  /** Pass back unchanged; never skips a committed change. */
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type SyncResponse = z.infer<typeof SyncResponse>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');

/**
 * `GET /v1/events` query: the advocate's quiet hours in their zone, so that the server offers a
 * customer's follow-up to them only while they are connected and not in quiet hours.
 */
export const EventsQuery = z
  // Not strict: the token may come in the query too (EventSource cannot set headers).
  .object({
    quietStart: ClockTime.optional(),
    quietEnd: ClockTime.optional(),
    tz: z
      .string()
      .max(64)
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'expected an IANA time zone such as Europe/Oslo')
      .optional(),
  })
  .refine((q) => (q.quietStart === undefined) === (q.quietEnd === undefined), {
    message: 'quietStart and quietEnd go together',
  });
export type EventsQuery = z.infer<typeof EventsQuery>;

/** Body of each Server-Sent Event `change` on `GET /v1/events`: pull now. */
/**
 * Body of each Server-Sent Event `change` on `GET /v1/events`: pull now. `cursor` is the log
 * position of the newest change announced (shared/domain/syncCursor.ts); an app whose cursor
 * already holds it (`cursorHolds`) skips the pull.
 */
export const ChangeNotice = z.object({ brandId: Id, cursor: z.string().min(1).max(64) });
export type ChangeNotice = z.infer<typeof ChangeNotice>;

// ---------------------------------------------------------------- actions

export const ActionKey = z.string().min(8).max(128);
const action = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ key: ActionKey, type: z.literal(type), taskId: Id, ...shape });

const Body = z.string().trim().min(1).max(20_000);

export const TransferTo = z.discriminatedUnion('kind', [
  /** Back to the pool, optionally routed to advocates with this skill. */
  z.strictObject({ kind: z.literal('pool'), skill: Skill.optional() }),
  z.strictObject({ kind: z.literal('advocate'), advocateId: Id }),
  /** As the advocate typed it: another advocate's handle (a leading @ is ignored) or id. */
  z.strictObject({ kind: z.literal('handle'), handle: z.string().trim().min(1).max(128) }),
]);
export type TransferTo = z.infer<typeof TransferTo>;
/** A transfer target after the server looked the handle up. */
export type ResolvedTransferTo = Exclude<TransferTo, { kind: 'handle' }>;

export const Action = z.discriminatedUnion('type', [
  action('claim', {}),
  action('renew', {}),
  /** Takes a task offered to this advocate (a transfer to them, or a customer's follow-up). */
  action('accept', {}),
  /** Turns an offer down: the task goes to the pool. */
  action('decline', { reason: z.string().max(2000).optional() }),
  action('reply', { body: Body, macroId: Id.optional() }),
  action('note', { body: Body }),
  action('resolve', { summary: z.string().max(2000).optional() }),
  action('escalate', { target: EscalationTarget, handoffNote: Body }),
  action('transfer', { to: TransferTo, note: z.string().max(2000).optional() }),
  action('abandon', { reason: z.string().max(2000).optional() }),
]);
export type Action = z.infer<typeof Action>;
export type ActionType = Action['type'];
/** Every action type, in lifecycle order (for menus and tables); read off the schema. */
export const actionTypes: readonly ActionType[] = Action.options.map((o) => o.shape.type.value);

export const ActionsRequest = z.strictObject({ actions: z.array(Action).min(1).max(100) });
export type ActionsRequest = z.infer<typeof ActionsRequest>;

export const ActionStatus = z.enum(['applied', 'conflict', 'rejected']);
export type ActionStatus = z.infer<typeof ActionStatus>;

/**
 * Why an action was refused, for the app to word in the advocate's language (`message` is the
 * server's English, for logs): the lifecycle's refusals (`RefusalWhy`, shared/domain/lifecycle.ts)
 * and the server's own. An app meeting a code it does not know says a generic reason.
 */
export const ActionRefusalCode = z.enum([
  'tier',
  'terminal',
  'offerGone',
  'claimedByOther',
  'offeredToOther',
  'claimExpired',
  'heldByOther',
  'notClaimed',
  'noTask',
  'suspended',
  'transferToSelf',
  'noSuchAdvocate',
  'targetTier',
  'changedMeanwhile',
  'keyReused',
]);
export type ActionRefusalCode = z.infer<typeof ActionRefusalCode>;

export const ActionResult = z.object({
  key: ActionKey,
  status: ActionStatus,
  message: z.string().optional(),
  /** When refused: an `ActionRefusalCode` (a string here: a newer server may send others). */
  code: z.string().max(64).optional(),
  /** The figures `code`'s wording needs (a tier, a status). */
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  taskId: Id.optional(),
  /**
   * When `applied`: the task's `updatedAt` after this action. The answer never carries the task
   * itself (bounded size whatever the thread); the next sync brings it.
   */
  version: z.number().int().optional(),
});
export type ActionResult = z.infer<typeof ActionResult>;

export const ActionsResponse = z.object({ results: z.array(ActionResult) });
export type ActionsResponse = z.infer<typeof ActionsResponse>;

// ---------------------------------------------------------------- admin

export const BrandPatch = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    leaseMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'expected at least one of name, leaseMinutes');

export const AdminBrand = BrandView.extend({ payoutRulesVersion: z.number().int().nonnegative() });
export type AdminBrand = z.infer<typeof AdminBrand>;

export const InviteRequest = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(120).optional(),
  skills: z.array(Skill).max(20).default([]),
  tier: Tier.default(0),
  languages: z.array(LanguageTag).max(20).optional(),
});
export type InviteRequest = z.infer<typeof InviteRequest>;

export const AdminKeyRotateRequest = z.strictObject({
  /** How long the keys in use now keep working beside the new one. */
  overlapMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
});
export type AdminKeyRotateRequest = z.infer<typeof AdminKeyRotateRequest>;

export const AdminKeyRotateResponse = z.object({
  /** Shown once; the server keeps only its hash. */
  adminKey: z.string(),
  /** When the brand's previous keys stop working. */
  previousKeysExpireAt: EpochMs,
});
export type AdminKeyRotateResponse = z.infer<typeof AdminKeyRotateResponse>;

export const InviteResponse = z.object({
  advocateId: Id,
  /** One-time; shown once. */
  inviteCode: z.string(),
  expiresAt: EpochMs,
});
export type InviteResponse = z.infer<typeof InviteResponse>;

export const AdvocatePatch = z
  .strictObject({
    tier: Tier.optional(),
    skills: z.array(Skill).max(20).optional(),
    suspended: z.boolean().optional(),
    languages: z.array(LanguageTag).max(20).optional(),
  })
  .refine(
    (p) => Object.keys(p).length > 0,
    'expected at least one of tier, skills, suspended, languages',
  );
export type AdvocatePatch = z.infer<typeof AdvocatePatch>;

export const AdminAdvocate = z.object({
  id: Id,
  name: z.string(),
  handle: z.string(),
  email: z.string(),
  tier: Tier,
  skills: z.array(z.string()),
  suspended: z.boolean(),
  languages: z.array(z.string()),
  joinedAt: EpochMs,
});
export type AdminAdvocate = z.infer<typeof AdminAdvocate>;

export const FeedMessage = z.strictObject({
  author: z.enum(['customer', 'agent']),
  authorName: z.string().trim().min(1).max(120).optional(),
  body: Body,
  createdAt: EpochMs,
});

/** One task of a brand's feed; upserted by `externalRef`. */
export const TaskPush = z.strictObject({
  externalRef: ExternalRef,
  subject: z.string().trim().min(1).max(300),
  channel: Channel,
  skills: z.array(Skill).max(10).default([]),
  complexity: Complexity,
  minTier: Tier.default(0),
  customerName: z.string().trim().min(1).max(120),
  /** The brand's own key for the customer (see `CustomerPush`); links the customer's cases. */
  customerRef: ExternalRef.optional(),
  /** BCP 47; detected from the customer's messages when absent. */
  language: LanguageTag.optional(),
  slaDueAt: EpochMs.nullable().optional(),
  createdAt: EpochMs.optional(),
  messages: z.array(FeedMessage).min(1).max(200),
});
export type TaskPush = z.input<typeof TaskPush>;

export const ArticlePush = z.strictObject({
  externalRef: ExternalRef,
  title: z.string().trim().min(1).max(300),
  bodyMarkdown: z.string().min(1).max(200_000),
  tags: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
});
export type ArticlePush = z.input<typeof ArticlePush>;

export const MacroPush = z.strictObject({
  externalRef: ExternalRef,
  title: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(20_000),
  tags: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
});
export type MacroPush = z.input<typeof MacroPush>;

export const RatingPush = z
  .strictObject({
    taskId: Id.optional(),
    externalRef: ExternalRef.optional(),
    score: z.number().int().min(1).max(5),
    comment: z.string().max(5000).optional(),
    tipMinor: MinorUnits.nonnegative().optional(),
    ratedAt: EpochMs.optional(),
  })
  .refine((r) => (r.taskId === undefined) !== (r.externalRef === undefined), {
    message: 'expected exactly one of taskId or externalRef',
  });
export type RatingPush = z.input<typeof RatingPush>;

/** What a ratings file did, item by item (a refused file answers 400 with each bad item). */
export const RatingsResponse = z.object({
  rated: z.number().int(),
  unchanged: z.number().int(),
  results: z.array(
    z.object({
      index: z.number().int(),
      taskId: Id,
      /** `unchanged`: the case already had exactly this rating (idempotent per case). */
      result: z.enum(['rated', 'unchanged']),
    }),
  ),
});
export type RatingsResponse = z.infer<typeof RatingsResponse>;

export const CustomerFieldPush = z.strictObject({
  name: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,63}$/, 'expected a field name such as email'),
  label: z.string().trim().min(1).max(120).optional(),
  value: z.string().max(2000),
  /** Advocates below this tier get the field without its value. */
  minTier: Tier.default(0),
});

/** A brand's customer, upserted by `customerRef`: its profile fields, each with a minimum tier. */
export const CustomerPush = z
  .strictObject({
    customerRef: ExternalRef,
    fields: z.array(CustomerFieldPush).max(100).default([]),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.fields.forEach((f, i) => {
      if (seen.has(f.name))
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'name'],
          message: 'duplicate field name',
        });
      seen.add(f.name);
    });
  });
export type CustomerPush = z.input<typeof CustomerPush>;

/**
 * One event of a customer's history (an order, a return, a subscription change, an earlier
 * contact-centre contact), upserted by `externalRef`. Money in minor units with its currency.
 */
export const CustomerEventPush = z
  .strictObject({
    externalRef: ExternalRef,
    customerRef: ExternalRef,
    kind: CustomerEventKind,
    occurredAt: EpochMs,
    summary: z.string().trim().min(1).max(2000),
    amountMinor: MinorUnits.optional(),
    currency: CurrencyCode.optional(),
    minTier: Tier.default(0),
  })
  .refine((e) => (e.amountMinor === undefined) === (e.currency === undefined), {
    message: 'amountMinor and currency go together',
    path: ['currency'],
  });
export type CustomerEventPush = z.input<typeof CustomerEventPush>;

/** Per brand: how long after a resolution a customer's message reopens the case. */
export const ReopenSettings = z.strictObject({
  /** 0 = never reopen. */
  reopenWindowHours: z
    .number()
    .int()
    .min(0)
    .max(90 * 24),
  /** How long the advocate who resolved it has it to themselves. */
  followUpOfferMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Taken from the resolver's case payout when the case reopens, in basis points; 0 = no fee. */
  reopenFeeBps: z.number().int().min(0).max(10_000),
});
export type ReopenSettings = z.infer<typeof ReopenSettings>;

export const ReopenCounts = z.object({
  total: z.number().int(),
  byAdvocate: z.array(z.object({ advocateId: Id, handle: z.string(), reopens: z.number().int() })),
});
export type ReopenCounts = z.infer<typeof ReopenCounts>;

export const UpsertResponse = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Tasks: resolved cases a customer's follow-up reopened (absent when none). */
  reopened: z.number().int().optional(),
});
export type UpsertResponse = z.infer<typeof UpsertResponse>;

export const ImportResponse = UpsertResponse.extend({
  skipped: z.number().int(),
  /** The requesters, pushed as customers. */
  customers: UpsertResponse.optional(),
  /** Per ticket: what the import changed on its way in (converted, listed, cut, skipped). */
  tickets: z
    .array(
      z.object({
        ticketId: z.number().int(),
        externalRef: z.string(),
        changes: z.array(z.string()),
      }),
    )
    .optional(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

export const PayoutRulesResponse = z.object({
  version: z.number().int().nonnegative(),
  rules: PayoutRules.nullable(),
  effectiveAt: EpochMs.nullable(),
});
export type PayoutRulesResponse = z.infer<typeof PayoutRulesResponse>;

export const OutcomesQuery = z.strictObject({
  since: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const Outcome = z.object({
  taskId: Id,
  externalRef: z.string(),
  subject: z.string(),
  status: TaskStatus,
  /** The last transition paid for. */
  outcome: z.enum(['resolved', 'escalated', 'transferred']),
  advocateId: Id,
  occurredAt: EpochMs,
  payoutMinor: MinorUnits,
  currency: CurrencyCode,
  rating: z.number().int().min(1).max(5).nullable(),
});
export type Outcome = z.infer<typeof Outcome>;

export const OutcomesResponse = z.object({ outcomes: z.array(Outcome) });

export const Escalation = z.object({
  taskId: Id,
  externalRef: z.string(),
  subject: z.string(),
  customerName: z.string(),
  target: EscalationTarget,
  handoffNote: z.string(),
  advocateId: Id,
  escalatedAt: EpochMs,
});
export type Escalation = z.infer<typeof Escalation>;

export const EscalationsResponse = z.object({ escalations: z.array(Escalation) });

// ---------------------------------------------------------------- routes

/** Every route of the API, for clients and docs. */
export const routes = {
  health: 'GET /v1/health',
  redeem: 'POST /v1/auth/redeem',
  accept: 'POST /v1/auth/accept',
  refresh: 'POST /v1/auth/refresh',
  logout: 'POST /v1/auth/logout',
  me: 'GET /v1/me',
  sync: 'GET /v1/sync',
  snapshot: 'GET /v1/snapshot',
  snapshotBrand: 'GET /v1/snapshot/brands/:brandId',
  snapshotBrandFirst: 'GET /v1/snapshot/brands/:brandId/first',
  actions: 'POST /v1/actions',
  events: 'GET /v1/events',
  adminBrand: 'GET /v1/admin/brand',
  adminBrandPatch: 'PATCH /v1/admin/brand',
  adminKeyRotate: 'POST /v1/admin/keys/rotate',
  adminInvite: 'POST /v1/admin/advocates',
  adminAdvocates: 'GET /v1/admin/advocates',
  adminAdvocatePatch: 'PATCH /v1/admin/advocates/:id',
  adminRevokeTokens: 'POST /v1/admin/advocates/:id/revoke-tokens',
  adminTasks: 'POST /v1/admin/tasks',
  adminArticles: 'POST /v1/admin/articles',
  adminArticleDelete: 'DELETE /v1/admin/articles/:externalRef',
  adminMacros: 'POST /v1/admin/macros',
  adminMacroDelete: 'DELETE /v1/admin/macros/:externalRef',
  adminPayoutRules: 'PUT /v1/admin/payout-rules',
  adminPayoutRulesGet: 'GET /v1/admin/payout-rules',
  adminRatings: 'POST /v1/admin/ratings',
  adminOutcomes: 'GET /v1/admin/outcomes',
  adminEscalations: 'GET /v1/admin/escalations',
  adminZendesk: 'POST /v1/admin/import/zendesk',
  adminCustomers: 'POST /v1/admin/customers',
  adminCustomerEvents: 'POST /v1/admin/customer-events',
  adminReopenSettings: 'PUT /v1/admin/reopen-settings',
  adminReopenSettingsGet: 'GET /v1/admin/reopen-settings',
  adminReopens: 'GET /v1/admin/reopens',
} as const;

// ---------------------------------------------------------------- snapshot (initial sync)

/**
 * A task as one compact row: the values of `TaskView` in `TASK_COLUMNS` order, its messages as
 * rows in `MESSAGE_COLUMNS` order (see `snapshotRows.ts`). A snapshot names its columns once.
 */
export const MessageRow = z.tuple([
  Id,
  MessageAuthor,
  z.string(),
  MessageKind,
  z.string(),
  z.boolean(),
  EpochMs,
]);
export type MessageRow = z.infer<typeof MessageRow>;

export const TaskRow = z.tuple([
  Id,
  Id,
  z.string(),
  z.string(),
  Channel,
  z.array(z.string()),
  Complexity,
  Tier,
  TaskStatus,
  Id.nullable(),
  EpochMs.nullable(),
  Id.nullable(),
  EpochMs.nullable(),
  z.string(),
  EpochMs.nullable(),
  EpochMs,
  EpochMs,
  z.array(MessageRow),
  Id.nullable(),
  z.string().nullable(),
  MinorUnits.nonnegative().nullable(),
]);
export type TaskRow = z.infer<typeof TaskRow>;

export const TaskTableRows = z.object({
  columns: z.array(z.string()),
  messageColumns: z.array(z.string()),
  /** `base64url`: ids written short (snapshotRows.ts `plainRows` reads them back). */
  ids: z.literal('base64url').optional(),
  rows: z.array(TaskRow),
});
export type TaskTableRows = z.infer<typeof TaskTableRows>;

export const PayoutRulesVersion = z.object({
  version: z.number().int().positive(),
  rules: PayoutRules,
  effectiveAt: EpochMs,
});

/**
 * `GET /v1/snapshot/brands/:brandId`: what every advocate of this brand at the caller's tier
 * sees, as of `cursor` (read in one repeatable-read transaction). Shared by all of them, so it
 * holds nothing of one advocate: their claims, offers, earnings are in `OwnSnapshot`.
 */
export const BrandSnapshot = z.object({
  brandId: Id,
  tier: Tier,
  /** Continue with `GET /v1/sync?cursor=` from the lowest cursor of the snapshots applied. */
  cursor: z.string(),
  builtAt: EpochMs,
  brand: BrandView,
  payoutRules: z.array(PayoutRulesVersion),
  articles: z.array(ArticleView),
  macros: z.array(MacroView),
  tasks: TaskTableRows,
  /**
   * Only for an app that declares the `customers` capability (shared/capabilities.ts): the
   * brand's customers, their events and earlier cases as this tier sees them, as their
   * `customer`, `customer_event` and `customer_case` changes would carry them.
   */
  customers: z.array(CustomerView).optional(),
  customerEvents: z.array(CustomerEventView).optional(),
  customerCases: z.array(CustomerCaseView).optional(),
});
export type BrandSnapshot = z.infer<typeof BrandSnapshot>;

/** Most tasks a first page may ask for (`GET /v1/snapshot/brands/:brandId/first?limit=`). */
export const FIRST_PAGE_MAX = 200;

export const FirstPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(FIRST_PAGE_MAX).default(FIRST_PAGE_MAX),
});
export type FirstPageQuery = z.infer<typeof FirstPageQuery>;

/**
 * `GET /v1/snapshot/brands/:brandId/first`: what the app's first transaction needs to show the
 * feed at once, read per request on an index (never waiting for the shared snapshot's build):
 * the brand, its payout rules and macros, and the first `limit` tasks of the feed's default
 * order (complexity, then newest, then id, all descending) among those the brand snapshot holds
 * at the caller's tier, as rows exactly as it writes them. `cursor` is this read's own horizon.
 */
export const BrandFirstPage = z.object({
  brandId: Id,
  tier: Tier,
  cursor: z.string(),
  brand: BrandView,
  payoutRules: z.array(PayoutRulesVersion),
  macros: z.array(MacroView),
  tasks: TaskTableRows,
});
export type BrandFirstPage = z.infer<typeof BrandFirstPage>;

/** `GET /v1/snapshot`: the caller's own rows in every brand its token reaches. */
export const OwnSnapshot = z.object({
  cursor: z.string(),
  memberships: z.array(MembershipView),
  /** Tasks held by or offered to the caller. */
  tasks: TaskTableRows,
  ledger: z.array(LedgerEntryView),
  ratings: z.array(RatingView),
});
export type OwnSnapshot = z.infer<typeof OwnSnapshot>;
