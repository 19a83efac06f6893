import { z } from 'zod';
import { AttemptOutcome, CourseView } from '../courseProtocol';
import { Id, Skill } from '../protocol';
import { channel, NoInput } from './define';
import { TextRef } from './events';

/** The advocate's latest attempt at a course, as this device knows it. */
export const LocalAttempt = z.discriminatedUnion('state', [
  /** Written here, waiting for the server (offline, or not sent yet). */
  z.object({ state: z.literal('queued'), attemptId: Id, createdAt: z.number().int() }),
  z.object({ state: z.literal('graded'), attemptId: Id, outcome: AttemptOutcome }),
  /** The server refused it (the course changed meanwhile, …): the answers are kept here. */
  z.object({
    state: z.literal('refused'),
    attemptId: Id,
    /** The server's English: a detail, and all an attempt refused before reasons had ids holds. */
    reason: z.string(),
    /** Why, as an i18n id and values worded when shown; null on those older attempts. */
    reasonText: TextRef.nullable(),
  }),
]);
export type LocalAttempt = z.infer<typeof LocalAttempt>;

export const CourseEntry = CourseView.extend({
  brandName: z.string(),
  /** The newest attempt made on this device, if any (newer than the server's `last` when queued). */
  mine: LocalAttempt.nullable(),
  /** The advocate's practice answers by case id, kept on this device only. */
  practiceDrafts: z.record(z.string(), z.string()),
});
export type CourseEntry = z.infer<typeof CourseEntry>;

/** The courses of the advocate's brands, as last fetched (certification, issue 20). */
export const CoursesPanel = z.object({
  courses: z.array(CourseEntry),
  /** When the server last answered; null = never. */
  fetchedAt: z.number().int().nullable(),
  /** The server could not be reached just now: this is the last answer kept. */
  offline: z.boolean(),
});
export type CoursesPanel = z.infer<typeof CoursesPanel>;

export const CourseSubmission = z.strictObject({
  brandId: Id,
  skill: Skill,
  answers: z.array(z.array(z.number().int().min(0).max(7)).max(8)).max(50),
});

/** A practice answer, kept as a draft here; a sandbox, so never sent anywhere. */
export const PracticeDraft = z.strictObject({
  brandId: Id,
  skill: Skill,
  caseId: z.string().min(1).max(64),
  answer: z.string().max(20_000),
});

export const coursesChannels = {
  'courses:list': channel(NoInput, CoursesPanel),
  /** Queues the answers (kept until graded) and sends them when online. */
  'courses:submit': channel(CourseSubmission, LocalAttempt),
  'courses:practiceDraft': channel(PracticeDraft, z.object({ savedAt: z.number().int() })),
};
