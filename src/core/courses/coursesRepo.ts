import type { AttemptOutcome, CourseView } from '../../shared/courseProtocol';
import type { LocalAttempt } from '../../shared/contract/courses';
import type { TextRef } from '../../shared/i18n/catalogs';
import type { Db } from '../db/open';
import { parseTextRef } from '../sync/unsentRepo';

/** The only SQL of certification in the app (migration 014). */

interface AttemptRow {
  attempt_id: string;
  brand_id: string;
  skill: string;
  answers: string;
  created_at: number;
  state: 'queued' | 'graded' | 'refused';
  outcome: string | null;
  reason: string | null;
  reason_text: string | null;
}

/** The server's answer replaces what was kept, in one transaction. */
export function replaceCourses(db: Db, courses: CourseView[], now: number): void {
  db.transaction(() => {
    db.prepare('DELETE FROM courses').run();
    const insert = db.prepare(
      'INSERT INTO courses (brand_id, skill, view, fetched_at) VALUES (?, ?, ?, ?)',
    );
    for (const c of courses) insert.run(c.brandId, c.skill, JSON.stringify(c), now);
  })();
}

/** Kept views from before practice cases have none. */
const viewOf = (json: string): CourseView => {
  const view = JSON.parse(json) as CourseView;
  return { ...view, practice: view.practice ?? [] };
};

export function readCourses(db: Db): { courses: CourseView[]; fetchedAt: number | null } {
  const rows = db
    .prepare('SELECT view, fetched_at FROM courses ORDER BY brand_id, skill')
    .all() as { view: string; fetched_at: number }[];
  return {
    courses: rows.map((r) => viewOf(r.view)),
    fetchedAt: rows.length ? Math.max(...rows.map((r) => r.fetched_at)) : null,
  };
}

export function readCourse(db: Db, brandId: string, skill: string): CourseView | null {
  const row = db
    .prepare('SELECT view FROM courses WHERE brand_id = ? AND skill = ?')
    .get(brandId, skill) as { view: string } | undefined;
  return row ? viewOf(row.view) : null;
}

export function insertAttempt(
  db: Db,
  a: { attemptId: string; brandId: string; skill: string; answers: number[][]; createdAt: number },
): void {
  db.prepare(
    `INSERT INTO course_attempts (attempt_id, brand_id, skill, answers, created_at, state)
     VALUES (?, ?, ?, ?, ?, 'queued')`,
  ).run(a.attemptId, a.brandId, a.skill, JSON.stringify(a.answers), a.createdAt);
}

export interface QueuedAttempt {
  attemptId: string;
  brandId: string;
  skill: string;
  answers: number[][];
}

/** Oldest first: attempts are sent in the order the advocate made them. */
export function queuedAttempts(db: Db): QueuedAttempt[] {
  const rows = db
    .prepare("SELECT * FROM course_attempts WHERE state = 'queued' ORDER BY created_at, attempt_id")
    .all() as AttemptRow[];
  return rows.map((r) => ({
    attemptId: r.attempt_id,
    brandId: r.brand_id,
    skill: r.skill,
    answers: JSON.parse(r.answers) as number[][],
  }));
}

/**
 * The server graded an attempt: the row keeps the grading, and the course kept here counts it
 * (attempts, last, certified) so the result shows offline before the next fetch.
 */
export function settleGraded(db: Db, outcome: AttemptOutcome, now: number): void {
  db.transaction(() => {
    const changed = db
      .prepare(
        `UPDATE course_attempts SET state = 'graded', outcome = ?, settled_at = ?
         WHERE attempt_id = ? AND state = 'queued'`,
      )
      .run(JSON.stringify(outcome), now, outcome.attemptId).changes;
    const course = readCourse(db, outcome.brandId, outcome.skill);
    if (changed === 0 || !course) return;
    const counted: CourseView = {
      ...course,
      attempts: course.attempts + 1,
      certified: course.certified || outcome.passed,
      last: outcome,
    };
    db.prepare('UPDATE courses SET view = ? WHERE brand_id = ? AND skill = ?').run(
      JSON.stringify(counted),
      outcome.brandId,
      outcome.skill,
    );
  })();
}

export function settleRefused(
  db: Db,
  attemptId: string,
  reason: string,
  reasonText: TextRef,
  now: number,
): void {
  db.prepare(
    `UPDATE course_attempts SET state = 'refused', reason = ?, reason_text = ?, settled_at = ?
     WHERE attempt_id = ? AND state = 'queued'`,
  ).run(reason, JSON.stringify(reasonText), now, attemptId);
}

const localOf = (r: AttemptRow): LocalAttempt =>
  r.state === 'queued'
    ? { state: 'queued', attemptId: r.attempt_id, createdAt: r.created_at }
    : r.state === 'graded'
      ? { state: 'graded', attemptId: r.attempt_id, outcome: JSON.parse(r.outcome!) }
      : {
          state: 'refused',
          attemptId: r.attempt_id,
          reason: r.reason ?? '',
          reasonText: parseTextRef(r.reason_text),
        };

export function readAttempt(db: Db, attemptId: string): LocalAttempt | null {
  const row = db.prepare('SELECT * FROM course_attempts WHERE attempt_id = ?').get(attemptId) as
    AttemptRow | undefined;
  return row ? localOf(row) : null;
}

/** The newest attempt made here per course, keyed `brandId\nskill`. */
export function latestAttempts(db: Db): Map<string, LocalAttempt> {
  const rows = db
    .prepare('SELECT * FROM course_attempts ORDER BY created_at, attempt_id')
    .all() as AttemptRow[];
  return new Map(rows.map((r) => [`${r.brand_id}\n${r.skill}`, localOf(r)]));
}

/** The advocate's practice answer for one case; an empty answer is kept too (it was cleared). */
export function savePracticeDraft(
  db: Db,
  d: { brandId: string; skill: string; caseId: string; answer: string },
  now: number,
): void {
  db.prepare(
    `INSERT INTO practice_drafts (brand_id, skill, case_id, answer, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (brand_id, skill, case_id) DO UPDATE SET
       answer = excluded.answer, updated_at = excluded.updated_at`,
  ).run(d.brandId, d.skill, d.caseId, d.answer, now);
}

/** Practice answers per course, keyed `brandId\nskill`, then by case id. */
export function practiceDrafts(db: Db): Map<string, Record<string, string>> {
  const rows = db.prepare('SELECT brand_id, skill, case_id, answer FROM practice_drafts').all() as {
    brand_id: string;
    skill: string;
    case_id: string;
    answer: string;
  }[];
  const drafts = new Map<string, Record<string, string>>();
  for (const r of rows) {
    const key = `${r.brand_id}\n${r.skill}`;
    drafts.set(key, { ...drafts.get(key), [r.case_id]: r.answer });
  }
  return drafts;
}
