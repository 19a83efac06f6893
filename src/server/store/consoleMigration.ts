import { type Kysely, sql } from 'kysely';
import type { SqlDialect } from './dialect';
import type { DB } from './schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Tables whose rows are never updated or deleted (a correction is a new row). */
export const APPEND_ONLY_TABLES = [
  'audit_log',
  'ledger_status',
  'payout_runs',
  'escalation_events',
  'task_events',
] as const;

/** Migration 8: the brand console (see consoleSchema.ts). */
export const brandConsole = {
  version: 8,
  name: 'brand console: admin accounts, sessions, audit log, payout status, webhooks',
  async up(kdb: Kysely<DB>, d: SqlDialect): Promise<void> {
    const db = kdb as AnyDb;
    const t = d.epochType;
    await db.schema
      .createTable('admin_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('disabled_at', t)
      .addUniqueConstraint('admin_accounts_brand_email', ['brand_id', 'email'])
      .execute();
    await db.schema
      .createIndex('admin_accounts_email')
      .on('admin_accounts')
      .columns(['email'])
      .execute();
    await db.schema
      .createTable('admin_invites')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('admin_accounts.id'))
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('expires_at', t, (c) => c.notNull())
      .addColumn('used_at', t)
      .execute();
    await db.schema
      .createTable('console_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('admin_accounts.id'))
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('expires_at', t, (c) => c.notNull())
      .addColumn('revoked_at', t)
      .execute();
    await db.schema
      .createIndex('console_sessions_account')
      .on('console_sessions')
      .columns(['account_id'])
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull())
      .addColumn('at', t, (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_log_brand_at')
      .on('audit_log')
      .columns(['brand_id', 'at'])
      .execute();
    await db.schema
      .createTable('ledger_status')
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('brand_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('ledger_status_pk', ['entry_id', 'status'])
      .execute();
    await db.schema
      .createTable('payout_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull())
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('entries', 'integer', (c) => c.notNull())
      .addColumn('total_minor', t, (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('at', t, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('escalation_events')
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addColumn('brand_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('note', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('escalation_events_pk', ['task_id', 'kind'])
      .execute();
    await db.schema
      .createTable('webhook_endpoints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('disabled_at', t)
      .execute();
    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id'))
      .addColumn('brand_id', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', t)
      .addColumn('last_status', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('delivered_at', t)
      .addColumn('created_at', t, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_due')
      .on('webhook_deliveries')
      .columns(['next_attempt_at'])
      .execute();
    await db.schema
      .createTable('brand_settings')
      .addColumn('brand_id', 'text', (c) => c.primaryKey().references('brands.id'))
      .addColumn('contact_centre_cost_minor', t)
      .addColumn('updated_at', t, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('task_events')
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addColumn('brand_id', 'text', (c) => c.notNull())
      .addColumn('advocate_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('at', t, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('task_events_brand_at')
      .on('task_events')
      .columns(['brand_id', 'at'])
      .execute();
    for (const table of APPEND_ONLY_TABLES) await appendOnly(db, d, table);
  },
};

/** Triggers refusing UPDATE and DELETE (and TRUNCATE on PostgreSQL), as for the ledger (migration 2). */
export async function appendOnly(db: AnyDb, d: SqlDialect, table: string) {
  if (d.name === 'sqlite') {
    for (const op of ['update', 'delete'])
      await sql
        .raw(
          `create trigger ${table}_no_${op} before ${op} on ${table}
           begin select raise(abort, '${table} is append-only: ${op} refused'); end`,
        )
        .execute(db);
    return;
  }
  // gigdesk_append_only() was created by migration 2.
  await sql
    .raw(
      `create trigger ${table}_append_only before update or delete on ${table}
       for each row execute function gigdesk_append_only()`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_no_truncate before truncate on ${table}
       for each statement execute function gigdesk_append_only()`,
    )
    .execute(db);
}
