import { type Kysely, sql } from 'kysely';
import type { SqlDialect } from './dialect';
import type { DB } from './schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Migration 10: "helpful / outdated" votes on KB articles, one per advocate and article. */
export const kbFeedback = {
  version: 12,
  name: 'kb feedback: helpful / outdated votes per advocate and article',
  async up(kdb: Kysely<DB>, d: SqlDialect): Promise<void> {
    const db = kdb as AnyDb;
    const t = d.epochType;
    await db.schema
      .createTable('kb_feedback')
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
      .addColumn('advocate_id', 'text', (c) => c.notNull().references('advocates.id'))
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('vote', 'text', (c) => c.notNull().check(sql`vote in ('helpful', 'outdated')`))
      .addColumn('voted_at', t, (c) => c.notNull())
      .addColumn('received_at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_feedback_pk', ['article_id', 'advocate_id'])
      .execute();
    await db.schema
      .createIndex('kb_feedback_brand')
      .on('kb_feedback')
      .columns(['brand_id', 'article_id'])
      .execute();
  },
};
