/**
 * Tables of the brand console (migration 8): admin accounts and their sessions, the audit log,
 * payout status moves, the escalation queue's events, webhooks. `DB` (schema.ts) extends these.
 * Rows of `audit_log`, `ledger_status`, `payout_runs` and `escalation_events` are append-only
 * in the database itself (triggers refuse UPDATE and DELETE).
 */
export type AdminRole = 'owner' | 'admin' | 'analyst';

export interface AdminAccountTable {
  id: string;
  brand_id: string;
  /** Lower-cased; unique per brand. */
  email: string;
  name: string;
  role: AdminRole;
  /** argon2id PHC string; null until the invite link was used. */
  password_hash: string | null;
  created_at: number;
  disabled_at: number | null;
}
/** One-time invite links for admin accounts; only the token's hash is kept. */
export interface AdminInviteTable {
  token_hash: string;
  account_id: string;
  brand_id: string;
  expires_at: number;
  used_at: number | null;
}
export interface ConsoleSessionTable {
  /** sha256 of the cookie's value; the value itself is never stored. */
  id_hash: string;
  account_id: string;
  brand_id: string;
  /** Must come back in `x-csrf-token` on every state-changing request of this session. */
  csrf_token: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}
export interface AuditLogTable {
  id: string;
  brand_id: string;
  at: number;
  /** `account` (a console user), `key` (a brand API key), `operator` (CLI with database access). */
  actor_kind: string;
  actor_id: string;
  actor_label: string;
  /** `METHOD /route/pattern`. */
  action: string;
  /** JSON: route params and a fingerprint of the body (never the body: it may hold personal data). */
  detail: string;
  status: number;
}
/** A ledger entry's status moves (pending → confirmed → paid), each at most once per entry. */
export interface LedgerStatusTable {
  entry_id: string;
  brand_id: string;
  status: string;
  run_id: string;
  at: number;
}
export interface PayoutRunTable {
  id: string;
  brand_id: string;
  /** The status the run moved entries to: `confirmed` or `paid`. */
  to_status: string;
  entries: number;
  total_minor: number;
  currency: string;
  at: number;
}
export interface EscalationEventTable {
  task_id: string;
  brand_id: string;
  /** `acknowledged` or `closed`, each at most once per escalation. */
  kind: string;
  outcome: string | null;
  note: string | null;
  actor_label: string;
  at: number;
}
export interface WebhookEndpointTable {
  id: string;
  brand_id: string;
  url: string;
  /** HMAC-SHA256 key; shown once at creation. */
  secret: string;
  /** JSON array of event names. */
  events: string;
  created_at: number;
  disabled_at: number | null;
}
export interface WebhookDeliveryTable {
  id: string;
  endpoint_id: string;
  brand_id: string;
  event: string;
  /** The exact JSON body sent (signed as is). */
  payload: string;
  /** Unique per (endpoint, event, subject): an event is delivered once. */
  dedupe_key: string;
  attempts: number;
  next_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: number | null;
  created_at: number;
}
export interface BrandSettingsTable {
  brand_id: string;
  /** What one case costs the brand's own contact centre, in the brand's currency. */
  contact_centre_cost_minor: number | null;
  updated_at: number;
}

/** One applied advocate action (claim, reply, resolve, …): what the impact metrics read. */
export interface TaskEventTable {
  task_id: string;
  brand_id: string;
  advocate_id: string;
  type: string;
  at: number;
}

export interface ConsoleTables {
  task_events: TaskEventTable;
  admin_accounts: AdminAccountTable;
  admin_invites: AdminInviteTable;
  console_sessions: ConsoleSessionTable;
  audit_log: AuditLogTable;
  ledger_status: LedgerStatusTable;
  payout_runs: PayoutRunTable;
  escalation_events: EscalationEventTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  brand_settings: BrandSettingsTable;
}
