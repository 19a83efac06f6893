import { randomUUID } from 'node:crypto';
import type { CoursesPanel } from '../../shared/contract/courses';
import { refusal } from '../i18n/refusal';
import {
  insertAttempt,
  latestAttempts,
  practiceDrafts,
  readAttempt,
  readCourse,
  readCourses,
  replaceCourses,
  savePracticeDraft,
} from '../courses/coursesRepo';
import { brandNames } from '../repos/ladderRepo';
import { readSession } from '../repos/sessionRepo';
import type { Services } from '../services';
import { FeedClient } from '../sync/client';
import type { SyncController } from '../sync/controller';
import { freshDeviceToken } from '../sync/token';
import type { HandlerMap } from './types';

/**
 * Certification (issue 20, item 2). The list asks the server and keeps its answer, so a course
 * is read and answered offline; a submission is queued here (one transaction) and sent by the
 * sync engine, which settles it with the server's grading.
 */
export function coursesHandlers(
  s: Services,
  sync: SyncController,
): HandlerMap<'courses:list' | 'courses:submit' | 'courses:practiceDraft'> {
  return {
    'courses:list': async () => {
      const session = readSession(s.db);
      if (!session) throw refusal('not_signed_in', 'error.code.not_signed_in');
      let offline = false;
      try {
        const client = new FeedClient({
          baseUrl: session.serverUrl,
          token: freshDeviceToken(s.secrets, session.serverUrl, s.now),
          timeoutMs: 10_000,
        });
        replaceCourses(s.db, (await client.courses()).courses, s.now());
      } catch {
        // Offline, or refused: the courses kept are shown, and say how old they are.
        offline = true;
      }
      const kept = readCourses(s.db);
      const names = brandNames(s.db);
      const mine = latestAttempts(s.db);
      const drafts = practiceDrafts(s.db);
      const panel: CoursesPanel = {
        courses: kept.courses.map((c) => ({
          ...c,
          brandName: names.get(c.brandId) ?? c.brandId,
          mine: mine.get(`${c.brandId}\n${c.skill}`) ?? null,
          practiceDrafts: drafts.get(`${c.brandId}\n${c.skill}`) ?? {},
        })),
        fetchedAt: kept.fetchedAt,
        offline,
      };
      return panel;
    },

    'courses:submit': async ({ brandId, skill, answers }) => {
      const course = readCourse(s.db, brandId, skill);
      if (!course) throw refusal('not_found', 'error.course.notOnDevice');
      if (answers.length !== course.items.length || answers.some((a) => a.length === 0))
        throw refusal('invalid_input', 'error.course.unanswered');
      const attemptId = randomUUID();
      insertAttempt(s.db, { attemptId, brandId, skill, answers, createdAt: s.now() });
      // Sent now when online; otherwise the engine sends it when the server is back.
      void sync.syncNow();
      return readAttempt(s.db, attemptId)!;
    },

    // A sandbox: kept here only, so nothing written is lost; no send, no ledger entry.
    'courses:practiceDraft': async (draft) => {
      const savedAt = s.now();
      savePracticeDraft(s.db, draft, savedAt);
      return { savedAt };
    },
  };
}
