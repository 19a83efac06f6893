import type { Kysely } from 'kysely';
import { appendOnly } from './consoleMigration';
import type { SqlDialect } from './dialect';
import type { DB } from './schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Migration 9: the tier ladder and the fallback ladder (see trustSchema.ts). */
export const trust = {
  version: 9,
  name: 'trust: tier ladder, promotion decisions, certifications, fallback ladder',
  async up(kdb: Kysely<DB>, d: SqlDialect): Promise<void> {
    const db = kdb as AnyDb;
    const t = d.epochType;
    await db.schema
      .createTable('tier_ladders')
      .addColumn('brand_id', 'text', (c) => c.primaryKey().references('brands.id'))
      .addColumn('rungs', 'text', (c) => c.notNull())
      .addColumn('updated_at', t, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('promotion_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('advocate_id', 'text', (c) => c.notNull())
      .addColumn('from_tier', 'integer', (c) => c.notNull())
      .addColumn('to_tier', 'integer', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_at', t, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('promotion_decisions_brand')
      .on('promotion_decisions')
      .columns(['brand_id', 'decided_at'])
      .execute();
    await appendOnly(db, d, 'promotion_decisions');
    await db.schema
      .createTable('certifications')
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('advocate_id', 'text', (c) => c.notNull())
      .addColumn('skill', 'text', (c) => c.notNull())
      .addColumn('granted_at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('certifications_pk', ['brand_id', 'advocate_id', 'skill'])
      .execute();
    await db.schema
      .createTable('fallback_rules')
      .addColumn('brand_id', 'text', (c) => c.primaryKey().references('brands.id'))
      .addColumn('rules', 'text', (c) => c.notNull())
      .addColumn('updated_at', t, (c) => c.notNull())
      .execute();
    // A transfer to a skill pool or a widening routes the task; `skills` stays its own.
    await db.schema.alterTable('tasks').addColumn('pool_skills', 'text').execute();
    // 0 none, 1 widened, 2 ageing bonus, 3 escalated (fallback.ts).
    await db.schema
      .alterTable('tasks')
      .addColumn('fallback_step', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('tasks').addColumn('ageing_bonus_minor', t).execute();
  },
};
