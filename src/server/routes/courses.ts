import type { FastifyInstance } from 'fastify';
import { AttemptRequest, CourseInput, SkillParam } from '../../shared/courseProtocol';
import { requireAdmin, requireAdvocate } from '../http/auth';
import { parseInput } from '../http/validate';
import type { Store } from '../store';

/** Certification (issue 20, item 2): brands publish a course per skill; advocates take it. */
export function courseRoutes(app: FastifyInstance, store: Store, now: () => number) {
  const advocate = { onRequest: requireAdvocate(store, now) };
  const admin = { onRequest: requireAdmin(store, now) };

  app.get('/v1/courses', advocate, async (request) =>
    store.courses.coursesFor(request.advocate!.id, request.advocate!.brandIds),
  );
  app.post('/v1/courses/:skill/attempts', advocate, async (request) => {
    const { skill } = parseInput(SkillParam, request.params, 'params');
    const attempt = parseInput(AttemptRequest, request.body);
    return store.courses.submitAttempt(
      request.advocate!.id,
      request.advocate!.brandIds,
      skill,
      attempt,
      now(),
    );
  });

  app.get('/v1/admin/courses', admin, async (request) =>
    store.courses.listCourses(request.brand!.id),
  );
  app.put('/v1/admin/courses/:skill', admin, async (request) => {
    const { skill } = parseInput(SkillParam, request.params, 'params');
    const course = parseInput(CourseInput, request.body);
    return store.courses.putCourse(request.brand!.id, skill, course, now());
  });
}
