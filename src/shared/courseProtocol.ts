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

export const CourseInput = z
  .strictObject({
    title: Text(200),
    /** The brand's KB articles to read first, by their external ref. */
    articles: z.array(ExternalRef).max(20).default([]),
    items: z.array(QuizItemInput).min(1).max(50),
    /** Items answered right needed to pass. */
    passMark: z.number().int().min(1),
  })
  .superRefine((c, ctx) => {
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
