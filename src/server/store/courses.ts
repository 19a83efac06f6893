/**
 * Certification on the server (issue 20, item 2): a brand's course per skill, the advocate's view
 * of it (never the answers) and a graded attempt. A pass certifies the skill and adds it to the
 * advocate's skills in the same transaction as the attempt's record; the attempt id makes a
 * retried submit answer the first grading.
 */
import type {
  AdminCourse,
  AttemptOutcome,
  AttemptRequest,
  CourseInput,
  CourseView,
  PracticeCase,
} from '../../shared/courseProtocol';
import { gradeQuiz } from '../../shared/domain/courseGrading';
import { ApiFailure } from '../errors';
import { bindAll } from './consoleStore';
import { json, parseJson, type StoreContext, write } from './context';
import { certifyIn } from './ladder';
import type { CourseAttemptTable, CourseTable } from './courseSchema';
import { fingerprint } from './secrets';

type Db = StoreContext['db'];
type StoredItem = AdminCourse['items'][number];

const adminView = (r: CourseTable): AdminCourse => ({
  skill: r.skill,
  title: r.title,
  articles: parseJson<string[]>(r.articles),
  items: parseJson<StoredItem[]>(r.items),
  passMark: r.pass_mark,
  practice: parseJson<PracticeCase[]>(r.practice),
  updatedAt: Number(r.updated_at),
});

const outcomeOf = (r: CourseAttemptTable): AttemptOutcome => ({
  attemptId: r.attempt_id,
  brandId: r.brand_id,
  skill: r.skill,
  passed: Number(r.passed) === 1,
  score: r.score,
  total: r.total,
  passMark: r.pass_mark,
  gradedAt: Number(r.graded_at),
});

export async function listCourses(ctx: StoreContext, brandId: string) {
  const rows = await ctx.db
    .selectFrom('courses')
    .selectAll()
    .where('brand_id', '=', brandId)
    .orderBy('skill')
    .execute();
  return { courses: rows.map(adminView) };
}

/** Publishes (or replaces) the brand's course for `skill`; every article must be the brand's. */
export async function putCourse(
  ctx: StoreContext,
  brandId: string,
  skill: string,
  course: CourseInput,
  now: number,
): Promise<AdminCourse> {
  const refs = [...new Set(course.articles)];
  const known = refs.length
    ? await ctx.db
        .selectFrom('articles')
        .select('external_ref')
        .where('brand_id', '=', brandId)
        .where('external_ref', 'in', refs)
        .where('deleted_at', 'is', null)
        .execute()
    : [];
  const have = new Set(known.map((a) => a.external_ref));
  const issues = course.articles.flatMap((ref, i) =>
    have.has(ref) ? [] : [{ path: `articles.${i}`, message: `no article ${ref} in this brand` }],
  );
  if (issues.length) throw new ApiFailure('invalid_input', 'unknown articles', issues);
  const row: CourseTable = {
    brand_id: brandId,
    skill,
    title: course.title,
    articles: json(course.articles),
    items: json(course.items),
    pass_mark: course.passMark,
    practice: json(course.practice),
    updated_at: now,
  };
  const { brand_id: _b, skill: _s, ...update } = row;
  await ctx.db
    .insertInto('courses')
    .values(row)
    .onConflict((oc) => oc.columns(['brand_id', 'skill']).doUpdateSet(update))
    .execute();
  return adminView(row);
}

async function activeBrands(db: Db, advocateId: string, brandIds: string[]) {
  if (brandIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .select('brand_id')
    .where('advocate_id', '=', advocateId)
    .where('brand_id', 'in', brandIds)
    .where('suspended', '=', 0)
    .execute();
  return rows.map((r) => r.brand_id);
}

/** The courses of the advocate's brands, with its own attempts; never the correct options. */
export async function coursesFor(
  ctx: StoreContext,
  advocateId: string,
  brandIds: string[],
): Promise<{ courses: CourseView[] }> {
  const brands = await activeBrands(ctx.db, advocateId, brandIds);
  if (brands.length === 0) return { courses: [] };
  const rows = await ctx.db
    .selectFrom('courses')
    .selectAll()
    .where('brand_id', 'in', brands)
    .orderBy('brand_id')
    .orderBy('skill')
    .execute();
  const articles = await ctx.db
    .selectFrom('articles')
    .select(['id', 'brand_id', 'external_ref'])
    .where('brand_id', 'in', brands)
    .where('deleted_at', 'is', null)
    .execute();
  const articleId = new Map(articles.map((a) => [`${a.brand_id}\n${a.external_ref}`, a.id]));
  const attempts = await ctx.db
    .selectFrom('course_attempts')
    .selectAll()
    .where('advocate_id', '=', advocateId)
    .where('brand_id', 'in', brands)
    .orderBy('graded_at')
    .orderBy('attempt_id')
    .execute();
  const certs = await ctx.db
    .selectFrom('certifications')
    .select(['brand_id', 'skill'])
    .where('advocate_id', '=', advocateId)
    .where('brand_id', 'in', brands)
    .execute();
  const certified = new Set(certs.map((c) => `${c.brand_id}\n${c.skill}`));
  return {
    courses: rows.map((r) => {
      const key = `${r.brand_id}\n${r.skill}`;
      const mine = attempts.filter((a) => `${a.brand_id}\n${a.skill}` === key);
      const last = mine[mine.length - 1];
      return {
        brandId: r.brand_id,
        skill: r.skill,
        title: r.title,
        articleIds: parseJson<string[]>(r.articles).flatMap((ref) => {
          const id = articleId.get(`${r.brand_id}\n${ref}`);
          return id ? [id] : [];
        }),
        items: parseJson<StoredItem[]>(r.items).map((i) => ({
          question: i.question,
          options: i.options,
          multiple: i.correct.length > 1,
        })),
        passMark: r.pass_mark,
        practice: parseJson<PracticeCase[]>(r.practice),
        updatedAt: Number(r.updated_at),
        attempts: mine.length,
        certified: certified.has(key),
        last: last ? outcomeOf(last) : null,
      };
    }),
  };
}

/**
 * Grades one attempt. The same attempt id again answers the first grading (with other answers:
 * `conflict`, nothing changes). A pass certifies the skill and adds it to the membership's
 * skills (synced to the app as a membership change) in the attempt's transaction.
 */
export async function submitAttempt(
  ctx: StoreContext,
  advocateId: string,
  brandIds: string[],
  skill: string,
  attempt: AttemptRequest,
  now: number,
): Promise<AttemptOutcome> {
  const { brandId } = attempt;
  // Another brand's course is unknown here, exactly like a course that does not exist.
  if (!(await activeBrands(ctx.db, advocateId, brandIds)).includes(brandId))
    throw new ApiFailure('not_found', 'no such course');
  const answersHash = fingerprint({ brandId, skill, answers: attempt.answers });
  return write(ctx, now, async (trx, changes) => {
    const earlier = await trx
      .selectFrom('course_attempts')
      .selectAll()
      .where('advocate_id', '=', advocateId)
      .where('attempt_id', '=', attempt.attemptId)
      .executeTakeFirst();
    if (earlier) return replay(earlier, answersHash);
    const course = await trx
      .selectFrom('courses')
      .selectAll()
      .where('brand_id', '=', brandId)
      .where('skill', '=', skill)
      .executeTakeFirst();
    if (!course) throw new ApiFailure('not_found', 'no such course');
    const items = parseJson<StoredItem[]>(course.items);
    if (attempt.answers.length !== items.length)
      throw new ApiFailure('invalid_input', `expected answers for ${items.length} items`, [
        { path: 'answers', message: `expected ${items.length} answers` },
      ]);
    const graded = gradeQuiz(items, attempt.answers, course.pass_mark);
    const row: CourseAttemptTable = {
      advocate_id: advocateId,
      attempt_id: attempt.attemptId,
      brand_id: brandId,
      skill,
      answers_hash: answersHash,
      score: graded.score,
      total: graded.total,
      pass_mark: course.pass_mark,
      passed: graded.passed ? 1 : 0,
      graded_at: now,
    };
    // A concurrent submit of the same attempt waits here on the key and then finds it taken.
    const inserted = await trx
      .insertInto('course_attempts')
      .values(row)
      .onConflict((oc) => oc.columns(['advocate_id', 'attempt_id']).doNothing())
      .returning('attempt_id')
      .executeTakeFirst();
    if (!inserted) {
      const first = await trx
        .selectFrom('course_attempts')
        .selectAll()
        .where('advocate_id', '=', advocateId)
        .where('attempt_id', '=', attempt.attemptId)
        .executeTakeFirstOrThrow();
      return replay(first, answersHash);
    }
    if (graded.passed) {
      await certifyIn(trx, brandId, advocateId, skill, now);
      const member = await trx
        .selectFrom('memberships')
        .select('skills')
        .where('brand_id', '=', brandId)
        .where('advocate_id', '=', advocateId)
        .executeTakeFirstOrThrow();
      const skills = parseJson<string[]>(member.skills);
      if (!skills.includes(skill)) {
        await trx
          .updateTable('memberships')
          .set({ skills: json([...skills, skill]) })
          .where('brand_id', '=', brandId)
          .where('advocate_id', '=', advocateId)
          .execute();
        await changes.add(brandId, 'membership', brandId, advocateId);
      }
    }
    return outcomeOf(row);
  });
}

function replay(first: CourseAttemptTable, answersHash: string): AttemptOutcome {
  if (first.answers_hash !== answersHash)
    throw new ApiFailure('conflict', 'this attempt id was already used for other answers');
  return outcomeOf(first);
}

export function courseStore(ctx: StoreContext) {
  return bindAll(ctx, { listCourses, putCourse, coursesFor, submitAttempt });
}
export type CourseStore = ReturnType<typeof courseStore>;
