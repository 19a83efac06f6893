import type { Generated } from 'kysely';
import type { ConsoleTables } from './consoleSchema';
import type { CourseTables } from './courseSchema';
import type { KbFeedbackTables } from './kbFeedbackSchema';
import type { TrustTables } from './trustSchema';

/**
 * Table types of the feed server database. Portable across dialects: booleans are 0/1
 * integers, JSON is text, times are epoch ms integers.
 */
export interface BrandTable {
  id: string;
  name: string;
  currency: string;
  lease_minutes: number;
  /** How long after a resolution a customer's message reopens the case; 0 = never. */
  reopen_window_hours: Generated<number>;
  follow_up_offer_minutes: Generated<number>;
  reopen_fee_bps: Generated<number>;
  /** Legacy (migration 1): unused since keys live in `admin_keys`; new brands store a filler. */
  admin_key_hash: string;
  created_at: number;
}
/** An identity: one person as far as the server can prove it (see docs/threat-model.md). */
export interface AdvocateTable {
  id: string;
  /**
   * Legacy key from migration 1 (NOT NULL UNIQUE). Since migration 2 identities are not keyed
   * by e-mail: new rows store their own id here; the invited address is `memberships.email`.
   */
  email: string;
  name: string;
  handle: string;
  created_at: number;
  /** Set on an invited identity that was never signed in and whose invite was accepted by another. */
  merged_into: string | null;
}
export interface MembershipTable {
  brand_id: string;
  advocate_id: string;
  tier: number;
  skills: string;
  suspended: number;
  joined_at: number;
  /** The address this brand invited (unique per brand). */
  email: string | null;
  /** JSON array of BCP 47 tags. */
  languages: Generated<string>;
}
export interface InviteTable {
  code_hash: string;
  brand_id: string;
  advocate_id: string;
  expires_at: number;
  redeemed_at: number | null;
}
export interface TokenTable {
  token_hash: string;
  advocate_id: string;
  device_name: string;
  created_at: number;
  revoked_at: number | null;
  expires_at: number | null;
  /** When this token was exchanged for a successor (it then lives on only for the overlap). */
  replaced_at: number | null;
}
/** The brands a device token may reach: those it was redeemed or accepted for. */
export interface TokenBrandTable {
  token_hash: string;
  brand_id: string;
}
/** A brand's admin keys; during a rotation the old one carries an `expires_at`. */
export interface AdminKeyTable {
  key_hash: string;
  brand_id: string;
  created_at: number;
  expires_at: number | null;
}
export interface TaskTable {
  id: string;
  brand_id: string;
  external_ref: string;
  subject: string;
  channel: string;
  skills: string;
  complexity: number;
  min_tier: number;
  customer_name: string;
  sla_due_at: number | null;
  status: string;
  holder_id: string | null;
  lease_expires_at: number | null;
  offered_to: string | null;
  offer_expires_at: number | null;
  content_hash: string;
  created_at: number;
  updated_at: number;
  customer_id: string | null;
  language: string | null;
  /** When it was last resolved: the reopen window counts from here. */
  resolved_at: number | null;
  /** JSON skills the pool routes it to (a transfer to a skill pool, a widening); null = `skills`. */
  pool_skills: string | null;
  fallback_step: Generated<number>;
  /** Set by the fallback ladder's ageing step; paid once, as a line of the case entry. */
  ageing_bonus_minor: number | null;
}
export interface MessageTable {
  id: string;
  task_id: string;
  /** `feed` messages are replaced when the brand re-pushes the task; `advocate` ones are kept. */
  origin: string;
  author: string;
  author_name: string;
  kind: string;
  body: string;
  created_at: number;
  ord: number;
}
export interface ContentTable {
  id: string;
  brand_id: string;
  external_ref: string;
  title: string;
  body: string;
  tags: string;
  content_hash: string;
  updated_at: number;
  deleted_at: number | null;
}
export interface PayoutRulesTable {
  brand_id: string;
  version: number;
  rules: string;
  effective_at: number;
}
export interface LedgerTable {
  id: string;
  brand_id: string;
  task_id: string;
  advocate_id: string;
  kind: string;
  outcome: string | null;
  amount_minor: number;
  currency: string;
  status: string;
  rule_version: number;
  lines: string;
  occurred_at: number;
}
export interface RatingTable {
  task_id: string;
  brand_id: string;
  advocate_id: string;
  score: number;
  comment: string | null;
  tip_minor: number | null;
  rated_at: number;
}
export interface EscalationTable {
  task_id: string;
  brand_id: string;
  advocate_id: string;
  target: string;
  handoff_note: string;
  escalated_at: number;
}
export interface ActionKeyTable {
  advocate_id: string;
  key: string;
  body_hash: string;
  result: string;
  created_at: number;
}
/**
 * The change log every sync reads. A row names an entity; sync renders its current state for
 * the reader. `advocate_id` set = a row meant for that advocate only (ledger, rating, tier).
 */
export interface ChangeTable {
  seq: Generated<number>;
  brand_id: string;
  kind: string;
  entity_id: string;
  advocate_id: string | null;
  created_at: number;
}
/** Rate-limit counters shared by replicas: one fixed window per key. */
export interface RateLimitTable {
  key: string;
  window_start: number;
  hits: number;
  /** The size of the last slice reserved (rateLimits.ts): `hits - leased` were counted before it. */
  leased: Generated<number>;
}
/** A brand's customer; `fields` is JSON `{name, label, value, minTier}[]`. */
export interface CustomerTable {
  id: string;
  brand_id: string;
  external_ref: string;
  fields: string;
  content_hash: string;
  created_at: number;
  updated_at: number;
}
export interface CustomerEventTable {
  id: string;
  brand_id: string;
  customer_id: string;
  external_ref: string;
  kind: string;
  occurred_at: number;
  summary: string;
  amount_minor: number | null;
  currency: string | null;
  min_tier: number;
  content_hash: string;
  updated_at: number;
}
/** A resolved case reopened by the customer's follow-up (counted per brand and resolver). */
export interface ReopenTable {
  id: string;
  brand_id: string;
  task_id: string;
  advocate_id: string;
  offered_to: string | null;
  reopened_at: number;
}
/** One open event stream (`GET /v1/events`) and the quiet hours its app reported. */
export interface PresenceTable {
  stream_id: string;
  advocate_id: string;
  seen_at: number;
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string | null;
}
export interface MigrationTable {
  version: number;
  name: string;
  applied_at: number;
}

export interface DB extends ConsoleTables, TrustTables, CourseTables, KbFeedbackTables {
  brands: BrandTable;
  advocates: AdvocateTable;
  memberships: MembershipTable;
  invites: InviteTable;
  tokens: TokenTable;
  token_brands: TokenBrandTable;
  admin_keys: AdminKeyTable;
  tasks: TaskTable;
  messages: MessageTable;
  articles: ContentTable;
  macros: ContentTable;
  payout_rules: PayoutRulesTable;
  ledger: LedgerTable;
  ratings: RatingTable;
  escalations: EscalationTable;
  action_keys: ActionKeyTable;
  changes: ChangeTable;
  rate_limits: RateLimitTable;
  customers: CustomerTable;
  customer_events: CustomerEventTable;
  reopens: ReopenTable;
  presence: PresenceTable;
  schema_migrations: MigrationTable;
}

export type ChangeRowKind =
  | 'brand'
  | 'membership'
  | 'task'
  | 'article'
  | 'macro'
  | 'payout_rules'
  | 'ledger'
  | 'rating'
  | 'customer'
  | 'customer_event'
  | 'customer_case';
