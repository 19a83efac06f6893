/** Route docs of certification (issue 20, item 2), spread into `routeDocs`. */
import * as C from '../../shared/courseProtocol';
import type { RouteDoc } from './routeDocs';

export const courseRouteDocs: Record<string, RouteDoc> = {
  'GET /v1/courses': {
    summary: 'Courses of the advocate’s brands (without the answers), with its own attempts',
    auth: 'advocate',
    response: C.CoursesResponse,
  },
  'POST /v1/courses/:skill/attempts': {
    summary:
      'Grade a quiz attempt; a pass certifies the skill and grants it. Idempotent by attemptId',
    auth: 'advocate',
    params: C.SkillParam,
    body: C.AttemptRequest,
    response: C.AttemptOutcome,
  },
  'GET /v1/admin/courses': {
    summary: 'The brand’s courses, answers included',
    auth: 'admin',
    response: C.AdminCoursesResponse,
  },
  'PUT /v1/admin/courses/:skill': {
    summary: 'Publish or replace the course for a skill: articles to read and a graded quiz',
    auth: 'admin',
    params: C.SkillParam,
    body: C.CourseInput,
    response: C.AdminCourse,
  },
};
