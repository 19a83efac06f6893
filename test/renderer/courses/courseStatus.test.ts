import { describe, expect, it } from 'vitest';
import type { CourseEntry } from '../../../src/shared/contract/courses';
import { courseStatus } from '../../../src/renderer/src/features/courses/courseStatus';

const outcome = (passed: boolean) => ({
  attemptId: 'a1',
  brandId: 'b1',
  skill: 'warranty',
  passed,
  score: passed ? 3 : 1,
  total: 3,
  passMark: 2,
  gradedAt: 1,
});

const course = (over: Partial<CourseEntry>): CourseEntry => ({
  brandId: 'b1',
  brandName: 'Brand',
  skill: 'warranty',
  title: 'Warranty claims',
  articleIds: [],
  items: [],
  passMark: 2,
  practice: [],
  practiceDrafts: {},
  updatedAt: 0,
  attempts: 0,
  certified: false,
  last: null,
  mine: null,
  ...over,
});

describe('course status', () => {
  it('reads not taken, waiting, passed, not passed and refused from the kept answer', () => {
    expect(courseStatus(course({}))).toBe('not_taken');
    expect(courseStatus(course({ mine: { state: 'queued', attemptId: 'a2', createdAt: 2 } }))).toBe(
      'pending',
    );
    // An attempt still waiting here comes before an earlier pass the server reported.
    expect(
      courseStatus(
        course({
          certified: true,
          last: outcome(true),
          mine: { state: 'queued', attemptId: 'a2', createdAt: 2 },
        }),
      ),
    ).toBe('pending');
    expect(courseStatus(course({ attempts: 1, last: outcome(false) }))).toBe('failed');
    expect(courseStatus(course({ attempts: 1, certified: true, last: outcome(true) }))).toBe(
      'passed',
    );
    expect(
      courseStatus(
        course({
          mine: { state: 'refused', attemptId: 'a2', reason: 'changed', reasonText: null },
        }),
      ),
    ).toBe('refused');
    // A refusal does not hide a certification already held.
    expect(
      courseStatus(
        course({
          certified: true,
          mine: { state: 'refused', attemptId: 'a2', reason: 'changed', reasonText: null },
        }),
      ),
    ).toBe('passed');
  });
});
