import type { Migration } from '../migrations';

/**
 * Certification (issue 20, item 2). `courses`: the brand's courses as the server last gave them
 * (never the answers), so the advocate reads and answers a quiz offline. `course_attempts`: what
 * the advocate submitted, queued until the server grades it; a row is settled (never deleted)
 * with the grading or the server's refusal, so the answers are never lost.
 */
export const m015Courses: Migration = {
  version: 15,
  name: 'courses',
  up(db) {
    db.exec(`
      CREATE TABLE courses (
        brand_id TEXT NOT NULL,
        skill TEXT NOT NULL,
        view TEXT NOT NULL,                 -- JSON CourseView (shared/courseProtocol.ts)
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (brand_id, skill)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE course_attempts (
        attempt_id TEXT PRIMARY KEY,
        brand_id TEXT NOT NULL,
        skill TEXT NOT NULL,
        answers TEXT NOT NULL,              -- JSON number[][]
        created_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'graded', 'refused')),
        outcome TEXT,                       -- JSON AttemptOutcome once graded
        reason TEXT,                        -- the server's message when refused
        settled_at INTEGER
      ) STRICT;
      CREATE INDEX course_attempts_queued ON course_attempts (state, created_at);
    `);
  },
};
