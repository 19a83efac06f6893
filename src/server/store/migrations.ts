import { type Kysely, sql } from 'kysely';
import { brandConsole } from './consoleMigration';
import { trust } from './trustMigration';
import { coursePractice, courses } from './courseMigration';
import { kbFeedback } from './kbFeedbackMigration';
import type { SqlDialect } from './dialect';
import type { DB } from './schema';
import { TOKEN_TTL_MS } from './tokens';

interface Migration {
  version: number;
  name: string;
  up(db: Kysely<DB>, d: SqlDialect, now: number): Promise<void>;
}

// Kysely's schema builder is untyped for tables that do not exist yet.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const initial: Migration = {
  version: 1,
  name: 'initial',
  async up(kdb, d) {
    const db = kdb as AnyDb;
    const t = d.epochType;
    await db.schema
      .createTable('brands')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('lease_minutes', 'integer', (c) => c.notNull())
      .addColumn('admin_key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', t, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('advocates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('handle', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', t, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('memberships')
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('advocate_id', 'text', (c) => c.notNull().references('advocates.id'))
      .addColumn('tier', 'integer', (c) => c.notNull())
      .addColumn('skills', 'text', (c) => c.notNull())
      .addColumn('suspended', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('joined_at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('memberships_pk', ['brand_id', 'advocate_id'])
      .execute();
    await db.schema
      .createIndex('memberships_advocate')
      .on('memberships')
      .columns(['advocate_id'])
      .execute();
    await db.schema
      .createTable('invites')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('advocate_id', 'text', (c) => c.notNull().references('advocates.id'))
      .addColumn('expires_at', t, (c) => c.notNull())
      .addColumn('redeemed_at', t)
      .execute();
    await db.schema
      .createTable('tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('advocate_id', 'text', (c) => c.notNull().references('advocates.id'))
      .addColumn('device_name', 'text', (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('revoked_at', t)
      .execute();
    await db.schema.createIndex('tokens_advocate').on('tokens').columns(['advocate_id']).execute();
    await db.schema
      .createTable('tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('external_ref', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('skills', 'text', (c) => c.notNull())
      .addColumn('complexity', 'integer', (c) => c.notNull())
      .addColumn('min_tier', 'integer', (c) => c.notNull())
      .addColumn('customer_name', 'text', (c) => c.notNull())
      .addColumn('sla_due_at', t)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('holder_id', 'text')
      .addColumn('lease_expires_at', t)
      .addColumn('offered_to', 'text')
      .addColumn('offer_expires_at', t)
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('updated_at', t, (c) => c.notNull())
      .addUniqueConstraint('tasks_brand_ref', ['brand_id', 'external_ref'])
      .execute();
    await db.schema
      .createIndex('tasks_lease')
      .on('tasks')
      .columns(['status', 'lease_expires_at'])
      .execute();
    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('ord', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('messages_task')
      .on('messages')
      .columns(['task_id', 'ord'])
      .execute();
    for (const table of ['articles', 'macros']) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
        .addColumn('external_ref', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('updated_at', t, (c) => c.notNull())
        .addColumn('deleted_at', t)
        .addUniqueConstraint(`${table}_brand_ref`, ['brand_id', 'external_ref'])
        .execute();
    }
    await db.schema
      .createTable('payout_rules')
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('rules', 'text', (c) => c.notNull())
      .addColumn('effective_at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('payout_rules_pk', ['brand_id', 'version'])
      .execute();
    await db.schema
      .createTable('ledger')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
      .addColumn('advocate_id', 'text', (c) => c.notNull().references('advocates.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('amount_minor', t, (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('rule_version', 'integer', (c) => c.notNull())
      .addColumn('lines', 'text', (c) => c.notNull())
      .addColumn('occurred_at', t, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ledger_task').on('ledger').columns(['task_id']).execute();
    await db.schema
      .createTable('ratings')
      .addColumn('task_id', 'text', (c) => c.primaryKey().references('tasks.id'))
      .addColumn('brand_id', 'text', (c) => c.notNull())
      .addColumn('advocate_id', 'text', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('tip_minor', t)
      .addColumn('rated_at', t, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('escalations')
      .addColumn('task_id', 'text', (c) => c.primaryKey().references('tasks.id'))
      .addColumn('brand_id', 'text', (c) => c.notNull())
      .addColumn('advocate_id', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('handoff_note', 'text', (c) => c.notNull())
      .addColumn('escalated_at', t, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('action_keys')
      .addColumn('advocate_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('body_hash', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('action_keys_pk', ['advocate_id', 'key'])
      .execute();
    await db.schema
      .createTable('changes')
      .addColumn('seq', d.seqType, (c) => d.seqColumn(c))
      .addColumn('brand_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('advocate_id', 'text')
      .addColumn('created_at', t, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('changes_brand_seq')
      .on('changes')
      .columns(['brand_id', 'seq'])
      .execute();
  },
};

/**
 * A case pays once, and the ledger is append-only in the database itself.
 *
 * `ledger_once`: at most one entry per (task, kind) — one case entry (whoever closes the case),
 * one rating bonus, one tip. Case entries a transfer wrote before this rule (outcome
 * `transferred`) are left out of the index: the ledger cannot be edited, so they stay as written.
 *
 * Triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) of ledger rows: a correction
 * is a new entry. Payout status (pending → confirmed → paid) will be its own append-only table.
 */
const appendOnlyLedger: Migration = {
  version: 2,
  name: 'append-only ledger, a case pays once',
  async up(db, d) {
    await sql`create unique index ledger_once on ledger (task_id, kind)
      where coalesce(outcome, '') <> 'transferred'`.execute(db);
    if (d.name === 'sqlite') {
      for (const op of ['update', 'delete'])
        await sql
          .raw(
            `create trigger ledger_no_${op} before ${op} on ledger
             begin select raise(abort, 'ledger is append-only: ${op} refused'); end`,
          )
          .execute(db);
      return;
    }
    await sql`create function gigdesk_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, lower(tg_op)
          using errcode = 'restrict_violation';
      end $$`.execute(db);
    await sql`create trigger ledger_append_only before update or delete on ledger
      for each row execute function gigdesk_append_only()`.execute(db);
    await sql`create trigger ledger_no_truncate before truncate on ledger
      for each statement execute function gigdesk_append_only()`.execute(db);
  },
};

/**
 * Idempotency records expire (idempotency.ts): the sweeper deletes by age. Rate-limit counters
 * shared by replicas (rateLimits.ts).
 */
const requestBounds: Migration = {
  version: 3,
  name: 'idempotency retention, shared rate limits',
  async up(kdb, d) {
    const db = kdb as AnyDb;
    await db.schema
      .createIndex('action_keys_created')
      .on('action_keys')
      .columns(['created_at'])
      .execute();
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', d.epochType, (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .execute();
  },
};

/**
 * Issue 13: brands isolated. An identity is no longer keyed by e-mail (the address a brand
 * invited lives on that brand's membership); device tokens expire and are bound to the brands
 * they were accepted for (`token_brands`); admin keys rotate (`admin_keys`). SQLite cannot drop
 * the UNIQUE e-mail column of `advocates` inside this transaction, so the column stays and new
 * identities store their own id there (see `AdvocateTable.email`).
 */
const tenancy: Migration = {
  version: 4,
  name: 'tenancy',
  async up(kdb, d, now) {
    const db = kdb as AnyDb;
    const t = d.epochType;
    await db.schema.alterTable('memberships').addColumn('email', 'text').execute();
    await sql`update memberships set email = (select a.email from advocates a where a.id = memberships.advocate_id)`.execute(
      db,
    );
    await db.schema
      .createIndex('memberships_brand_email')
      .on('memberships')
      .columns(['brand_id', 'email'])
      .unique()
      .execute();
    await db.schema.alterTable('advocates').addColumn('merged_into', 'text').execute();
    await db.schema.alterTable('tokens').addColumn('expires_at', t).execute();
    await db.schema.alterTable('tokens').addColumn('replaced_at', t).execute();
    await sql`update tokens set expires_at = ${now + TOKEN_TTL_MS}`.execute(db);
    await db.schema
      .createTable('token_brands')
      .addColumn('token_hash', 'text', (c) => c.notNull().references('tokens.token_hash'))
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addPrimaryKeyConstraint('token_brands_pk', ['token_hash', 'brand_id'])
      .execute();
    await db.schema
      .createIndex('token_brands_brand')
      .on('token_brands')
      .columns(['brand_id'])
      .execute();
    // Tokens issued before this migration keep what they could reach: every membership then held.
    await sql`insert into token_brands (token_hash, brand_id)
      select t.token_hash, m.brand_id from tokens t join memberships m on m.advocate_id = t.advocate_id`.execute(
      db,
    );
    await db.schema
      .createTable('admin_keys')
      .addColumn('key_hash', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('expires_at', t)
      .execute();
    await db.schema
      .createIndex('admin_keys_brand')
      .on('admin_keys')
      .columns(['brand_id'])
      .execute();
    await sql`insert into admin_keys (key_hash, brand_id, created_at, expires_at)
      select admin_key_hash, id, created_at, null from brands`.execute(db);
  },
};

/**
 * Issue 18: the change log ordered by `(xid, seq)` on PostgreSQL (changeLog.ts). Rows written
 * before carry xid 0, so their order is their seq, as it was, and an old cursor `N` (position
 * `0.N`) continues exactly where it stopped. Nothing changes on SQLite (one writer, seq order).
 */
const changeLogOrder: Migration = {
  version: 5,
  name: 'change log ordered by transaction',
  async up(db, d) {
    if (d.name !== 'postgres') return;
    // A constant default first (no table rewrite: old rows read 0), then the live one.
    await sql`alter table changes add column xid xid8 not null default '0'`.execute(db);
    await sql`alter table changes alter column xid set default pg_current_xact_id()`.execute(db);
    await sql`create index changes_brand_xid_seq on changes (brand_id, xid, seq)`.execute(db);
    await sql`drop index changes_brand_seq`.execute(db);
  },
};

/**
 * Issue 16: the customer at the centre. Customers and their events (each field and event with a
 * minimum tier) linked to tasks by an opaque `customer_id`; a task's language and when it was
 * resolved; advocates' languages per brand; each brand's reopen window; reopens counted; and
 * which advocates have a live event stream (`presence`, shared by replicas).
 */
const customers: Migration = {
  version: 7,
  name: 'customers, follow-ups, offers, languages',
  async up(kdb, d) {
    const db = kdb as AnyDb;
    const t = d.epochType;
    await db.schema.alterTable('tasks').addColumn('customer_id', 'text').execute();
    await db.schema.alterTable('tasks').addColumn('language', 'text').execute();
    await db.schema.alterTable('tasks').addColumn('resolved_at', t).execute();
    await db.schema.createIndex('tasks_customer').on('tasks').columns(['customer_id']).execute();
    await db.schema
      .alterTable('memberships')
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .alterTable('brands')
      .addColumn('reopen_window_hours', 'integer', (c) => c.notNull().defaultTo(72))
      .execute();
    await db.schema
      .alterTable('brands')
      .addColumn('follow_up_offer_minutes', 'integer', (c) => c.notNull().defaultTo(15))
      .execute();
    await db.schema
      .alterTable('brands')
      .addColumn('reopen_fee_bps', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('external_ref', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', t, (c) => c.notNull())
      .addColumn('updated_at', t, (c) => c.notNull())
      .addUniqueConstraint('customers_brand_ref', ['brand_id', 'external_ref'])
      .execute();
    await db.schema
      .createTable('customer_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('external_ref', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('occurred_at', t, (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('amount_minor', t)
      .addColumn('currency', 'text')
      .addColumn('min_tier', 'integer', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('updated_at', t, (c) => c.notNull())
      .addUniqueConstraint('customer_events_brand_ref', ['brand_id', 'external_ref'])
      .execute();
    await db.schema
      .createIndex('customer_events_customer')
      .on('customer_events')
      .columns(['customer_id'])
      .execute();
    await db.schema
      .createTable('reopens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
      .addColumn('advocate_id', 'text', (c) => c.notNull())
      .addColumn('offered_to', 'text')
      .addColumn('reopened_at', t, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reopens_brand').on('reopens').columns(['brand_id']).execute();
    await db.schema
      .createTable('presence')
      .addColumn('stream_id', 'text', (c) => c.primaryKey())
      .addColumn('advocate_id', 'text', (c) => c.notNull())
      .addColumn('seen_at', t, (c) => c.notNull())
      .addColumn('quiet_start', 'text')
      .addColumn('quiet_end', 'text')
      .addColumn('time_zone', 'text')
      .execute();
    await db.schema
      .createIndex('presence_advocate')
      .on('presence')
      .columns(['advocate_id'])
      .execute();
  },
};

/**
 * The tasks one advocate holds or is offered, found without reading the brand's whole task
 * table (the per-advocate part of an initial sync). Partial: most tasks are neither.
 */
const ownTaskIndexes: Migration = {
  version: 11,
  name: 'own_task_indexes',
  async up(kdb) {
    const db = kdb as AnyDb;
    for (const column of ['holder_id', 'offered_to'] as const) {
      await db.schema
        .createIndex(`tasks_${column}`)
        .on('tasks')
        .column(column)
        .where(sql.ref(column), 'is not', null)
        .execute();
    }
  },
};

/**
 * The first feed page of a brand (`GET /v1/snapshot/brands/:id/first`) read on an index in the
 * feed's default order (complexity, newest, id: scanned backwards), stopping after the page
 * instead of reading and sorting the brand's open tasks.
 */
const firstPageIndex: Migration = {
  version: 14,
  name: 'first_page_index',
  async up(kdb) {
    await (kdb as AnyDb).schema
      .createIndex('tasks_first_page')
      .on('tasks')
      .columns(['brand_id', 'status', 'complexity', 'created_at', 'id'])
      .execute();
  },
};

/**
 * Issue 18: replicas reserve slices of a rate-limit window in one upsert and spend them locally
 * (rateLimits.ts); a row remembers its last slice so the upsert's answer says where it began.
 */
const rateLimitLeases: Migration = {
  version: 15,
  name: 'rate limit leases',
  async up(kdb) {
    await (kdb as AnyDb).schema
      .alterTable('rate_limits')
      .addColumn('leased', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

/**
 * A brand's shared snapshot reads its open tasks a page at a time in creation order, then id
 * (store/snapshot.ts): on this index each page is a range read in that order, where without it
 * every page would read and sort all of the brand's open tasks.
 */
const snapshotOrderIndex: Migration = {
  version: 16,
  name: 'snapshot_order_index',
  async up(kdb) {
    await (kdb as AnyDb).schema
      .createIndex('tasks_snapshot_order')
      .on('tasks')
      .columns(['brand_id', 'status', 'created_at', 'id'])
      .execute();
  },
};

/** Numbered, append-only; never edit a released migration. */
export const migrations: Migration[] = [
  initial,
  appendOnlyLedger,
  requestBounds,
  tenancy,
  changeLogOrder,
  customers,
  brandConsole,
  trust,
  courses,
  ownTaskIndexes,
  kbFeedback,
  coursePractice,
  firstPageIndex,
  rateLimitLeases,
  snapshotOrderIndex,
];

/**
 * Applies pending migrations in one transaction; refuses a database from a newer server. Replicas
 * starting at the same moment take turns (`lock`), and the later ones find nothing left to do.
 */
export async function migrate(db: Kysely<DB>, d: SqlDialect, now: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await d.lock(trx, 'migrations');
    await (trx as AnyDb).schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', d.epochType, (c) => c.notNull())
      .execute();
    const row = await trx
      .selectFrom('schema_migrations')
      .select(sql<number>`max(version)`.as('v'))
      .executeTakeFirst();
    const current = row?.v ?? 0;
    const latest = migrations[migrations.length - 1]!.version;
    if (current > latest) {
      throw new Error(
        `database schema version ${current} is newer than this server (${latest}); upgrade the server`,
      );
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      await m.up(trx, d, now);
      await trx
        .insertInto('schema_migrations')
        .values({ version: m.version, name: m.name, applied_at: now })
        .execute();
    }
    return latest;
  });
}
