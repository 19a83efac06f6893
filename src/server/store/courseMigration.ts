import type { Kysely } from 'kysely';
import type { SqlDialect } from './dialect';
import type { DB } from './schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Migration 10: a course per brand and skill, and each graded attempt (see courseSchema.ts). */
export const courses = {
  version: 10,
  name: 'certification: courses and graded attempts',
  async up(kdb: Kysely<DB>, d: SqlDialect): Promise<void> {
    const db = kdb as AnyDb;
    const t = d.epochType;
    await db.schema
      .createTable('courses')
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('skill', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('articles', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('pass_mark', 'integer', (c) => c.notNull())
      .addColumn('updated_at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('courses_pk', ['brand_id', 'skill'])
      .execute();
    await db.schema
      .createTable('course_attempts')
      .addColumn('advocate_id', 'text', (c) => c.notNull())
      .addColumn('attempt_id', 'text', (c) => c.notNull())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
      .addColumn('skill', 'text', (c) => c.notNull())
      .addColumn('answers_hash', 'text', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('pass_mark', 'integer', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('graded_at', t, (c) => c.notNull())
      .addPrimaryKeyConstraint('course_attempts_pk', ['advocate_id', 'attempt_id'])
      .execute();
    await db.schema
      .createIndex('course_attempts_course')
      .on('course_attempts')
      .columns(['brand_id', 'advocate_id', 'skill', 'graded_at'])
      .execute();
  },
};

/** Migration 13: a course's practice cases (JSON PracticeCase[]); courses before it have none. */
export const coursePractice = {
  version: 13,
  name: 'certification: practice cases',
  async up(kdb: Kysely<DB>): Promise<void> {
    await (kdb as AnyDb).schema
      .alterTable('courses')
      .addColumn('practice', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  },
};
