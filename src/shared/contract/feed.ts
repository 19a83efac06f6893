import { z } from 'zod';
import { channel, NoInput } from './define';

export const TaskChannel = z.enum(['email', 'chat', 'social']);

/** The feed's filters; null means "any". Kept across restarts. */
export const FeedFilters = z.strictObject({
  brandId: z.string().max(128).nullable(),
  skill: z.string().max(32).nullable(),
  channel: TaskChannel.nullable(),
  complexity: z.number().int().min(1).max(5).nullable(),
  /** Only tasks whose payout estimate is at least this, in minor units. */
  minPayoutMinor: z.number().int().nonnegative().nullable(),
  /** Only tasks in a language the advocate answers in for the task's brand (unknown ones stay). */
  myLanguages: z.boolean().optional(),
});
export type FeedFilters = z.infer<typeof FeedFilters>;

export const FeedSort = z.enum(['payout', 'due', 'newest']);
export type FeedSort = z.infer<typeof FeedSort>;

export const FeedPrefs = z.strictObject({ filters: FeedFilters, sort: FeedSort });
export type FeedPrefs = z.infer<typeof FeedPrefs>;

export const defaultFeedPrefs: FeedPrefs = {
  filters: { brandId: null, skill: null, channel: null, complexity: null, minPayoutMinor: null },
  sort: 'payout',
};

export const FeedTask = z.object({
  id: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  subject: z.string(),
  channel: TaskChannel,
  skills: z.array(z.string()),
  complexity: z.number().int(),
  customerName: z.string(),
  slaDueAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  /** What the case pays if resolved, from the brand's rules; null while the brand has none. */
  payoutMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  /** Claimed here while offline or not yet confirmed by the server. */
  pendingClaim: z.boolean(),
  /**
   * The ageing bonus the brand's fallback ladder added because the task waited long unclaimed
   * (issue 20), already part of `payoutMinor`; absent when there is none.
   */
  ageingBonusMinor: z.number().int().positive().optional(),
});
export type FeedTask = z.infer<typeof FeedTask>;

export const FeedPage = z.object({
  tasks: z.array(FeedTask),
  /** Matching tasks in all; only when asked for (`withTotal`). */
  total: z.number().int().nullable(),
});
export type FeedPage = z.infer<typeof FeedPage>;

export const FeedMessage = z.object({
  id: z.string(),
  author: z.string(),
  authorName: z.string(),
  internal: z.boolean(),
  body: z.string(),
  createdAt: z.number().int(),
  pending: z.boolean(),
});

export const TaskDetail = FeedTask.extend({
  status: z.string(),
  holderId: z.string().nullable(),
  leaseExpiresAt: z.number().int().nullable(),
  messages: z.array(FeedMessage),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const MyTask = z.object({
  id: z.string(),
  brandName: z.string(),
  subject: z.string(),
  customerName: z.string(),
  status: z.string(),
  pendingClaim: z.boolean(),
  leaseExpiresAt: z.number().int().nullable(),
  slaDueAt: z.number().int().nullable(),
  payoutMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
});
export type MyTask = z.infer<typeof MyTask>;

export const FeedFacets = z.object({
  brands: z.array(z.object({ id: z.string(), name: z.string() })),
  skills: z.array(z.string()),
});
export type FeedFacets = z.infer<typeof FeedFacets>;

const TaskId = z.strictObject({ taskId: z.string().min(1).max(128) });

export const feedChannels = {
  'feed:list': channel(
    z.strictObject({
      filters: FeedFilters,
      sort: FeedSort,
      offset: z.number().int().nonnegative(),
      limit: z.number().int().min(1).max(500),
      withTotal: z.boolean().default(false),
    }),
    FeedPage,
  ),
  'feed:facets': channel(NoInput, FeedFacets),
  'feed:prefs': channel(NoInput, FeedPrefs),
  'feed:setPrefs': channel(FeedPrefs, FeedPrefs),
  'feed:task': channel(TaskId, TaskDetail),
  /** Claims now when online, else queues a pending claim; the answer arrives by sync. */
  'feed:claim': channel(TaskId, MyTask),
  'tasks:mine': channel(NoInput, z.array(MyTask)),
};
