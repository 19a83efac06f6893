/**
 * HTTP schemas of certification (issue 20, item 2): a brand's course per skill (articles to read
 * and a quiz), as the admin publishes it and as the advocate sees it (never the answers), and a
 * graded attempt. The correct options live on the server only.
 */
import { z } from 'zod';
import { EpochMs, ExternalRef, Id, Skill } from './protocol';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const QuizItemInput = z
  .strictObject({
    question: Text(1000),
    options: z.array(Text(300)).min(2).max(8),
    /** Indexes into `options`; more than one makes a "choose all that apply" item. */
    correct: z.array(z.number().int().min(0).max(7)).min(1).max(8),
  })
  .superRefine((item, ctx) => {
    const seen = new Set<number>();
    item.correct.forEach((c, i) => {
      if (c >= item.options.length)
        ctx.addIssue({ code: 'custom', path: ['correct', i], message: 'names no option' });
      if (seen.has(c))
        ctx.addIssue({ code: 'custom', path: ['correct', i], message: 'option listed twice' });
      seen.add(c);
    });
  });

/**
 * A practice case: a customer's message to answer in a sandbox, then compare with the brand's
 * model answer. Not a secret (shown once the advocate asks); nothing written is sent anywhere.
 */
export const PracticeCase = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes, at most 64'),
  subject: Text(200),
  customerMessage: Text(5000),
  modelAnswer: Text(5000),
});
export type PracticeCase = z.infer<typeof PracticeCase>;

export const CourseInput = z
  .strictObject({
    title: Text(200),
    /** The brand's KB articles to read first, by their external ref. */
    articles: z.array(ExternalRef).max(20).default([]),
    items: z.array(QuizItemInput).min(1).max(50),
    /** Items answered right needed to pass. */
    passMark: z.number().int().min(1),
    practice: z.array(PracticeCase).max(10).default([]),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.practice.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['practice', i, 'id'], message: 'id used twice' });
      ids.add(p.id);
    });
    if (c.passMark > c.items.length)
      ctx.addIssue({
        code: 'custom',
        path: ['passMark'],
        message: `at most the number of items (${c.items.length})`,
      });
  });
export type CourseInput = z.output<typeof CourseInput>;

export const SkillParam = z.strictObject({ skill: Skill });

/** A course as its brand's admins see it, answers included. */
export const AdminCourse = z.object({
  skill: Skill,
  title: z.string(),
  articles: z.array(z.string()),
  items: z.array(
    z.object({ question: z.string(), options: z.array(z.string()), correct: z.array(z.number()) }),
  ),
  passMark: z.number().int(),
  practice: z.array(PracticeCase),
  updatedAt: EpochMs,
});
export type AdminCourse = z.infer<typeof AdminCourse>;
export const AdminCoursesResponse = z.object({ courses: z.array(AdminCourse) });

export const AttemptOutcome = z.object({
  attemptId: Id,
  brandId: Id,
  skill: Skill,
  passed: z.boolean(),
  score: z.number().int(),
  total: z.number().int(),
  passMark: z.number().int(),
  gradedAt: EpochMs,
});
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

/** A course as the advocate sees it: which options to offer, never which are right. */
export const CourseView = z.object({
  brandId: Id,
  skill: Skill,
  title: z.string(),
  /** Ids of the KB articles (as synced to the app) to read first; deleted ones left out. */
  articleIds: z.array(Id),
  items: z.array(
    z.object({ question: z.string(), options: z.array(z.string()), multiple: z.boolean() }),
  ),
  passMark: z.number().int(),
  /** Practice cases with their model answers (an older server sends none). */
  practice: z.array(PracticeCase).default([]),
  updatedAt: EpochMs,
  /** This advocate's attempts so far and whether it holds the certification. */
  attempts: z.number().int(),
  certified: z.boolean(),
  last: AttemptOutcome.nullable(),
});
export type CourseView = z.infer<typeof CourseView>;
export const CoursesResponse = z.object({ courses: z.array(CourseView) });
export type CoursesResponse = z.infer<typeof CoursesResponse>;

/** One attempt; `attemptId` is made by the app, so a retried submit is graded once. */
export const AttemptRequest = z.strictObject({
  attemptId: Id,
  brandId: Id,
  /** Per item, the option indexes chosen. */
  answers: z.array(z.array(z.number().int().min(0).max(7)).max(8)).max(50),
});
export type AttemptRequest = z.infer<typeof AttemptRequest>;
