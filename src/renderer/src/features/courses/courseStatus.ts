import type { CourseEntry } from '../../../../shared/contract/courses';

export type CourseStatus = 'not_taken' | 'pending' | 'passed' | 'failed' | 'refused';

/** Where the advocate stands on a course: an attempt still queued here comes first. */
export function courseStatus(c: CourseEntry): CourseStatus {
  if (c.mine?.state === 'queued') return 'pending';
  if (c.certified) return 'passed';
  if (c.mine?.state === 'refused' && (!c.last || c.last.passed === false)) return 'refused';
  if (c.last) return c.last.passed ? 'passed' : 'failed';
  return 'not_taken';
}
