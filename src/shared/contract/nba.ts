import { z } from 'zod';
import { channel } from './define';
import { PayoutQuote } from './tickets';

const TaskId = z.string().min(1).max(128);
export const SuggestionKind = z.enum(['macro', 'article']);
export type SuggestionKind = z.infer<typeof SuggestionKind>;

/** Why an item is suggested: it matches the ticket's words, it preceded well-rated cases. */
const Because = z.array(z.enum(['text', 'outcome']));

export const NbaArticle = z.object({
  id: z.string(),
  title: z.string(),
  because: Because,
  /** Well-rated cases of this brand it preceded. */
  wellRated: z.number().int(),
});
export type NbaArticle = z.infer<typeof NbaArticle>;

export const NbaMacro = NbaArticle.extend({
  /** With the ticket's placeholders filled in, ready for the composer. */
  body: z.string(),
});
export type NbaMacro = z.infer<typeof NbaMacro>;

export const NbaHandoff = z.object({
  action: z.enum(['resolve', 'escalate']),
  reason: z.enum(['hiddenData', 'slaBeforeLease', 'withinReach']),
  tier: z.number().int(),
  /** `hiddenData`: labels of the customer fields the ticket needs, above the advocate's tier. */
  fields: z.array(z.string()),
  complexity: z.number().int(),
  /** What the advised action pays under the brand's rules (null while it has none). */
  payout: PayoutQuote.nullable(),
  /** What the other of resolve / escalate would pay. */
  instead: PayoutQuote.nullable(),
});
export type NbaHandoff = z.infer<typeof NbaHandoff>;

export const NbaPanel = z.object({
  taskId: z.string(),
  macros: z.array(NbaMacro).max(3),
  articles: z.array(NbaArticle).max(3),
  handoff: NbaHandoff,
});
export type NbaPanel = z.infer<typeof NbaPanel>;

export const nbaChannels = {
  /** The next-best action for a ticket on this device: computed offline from the local copy. */
  'nba:panel': channel(z.strictObject({ taskId: TaskId }), NbaPanel),
  /**
   * What the advocate did with a suggestion: `accepted` (inserted, opened) or `ignored` ("not
   * useful": not suggested on this case again). Kept on this device only; each counts once per
   * case. `recorded` is false for a repeat.
   */
  'nba:record': channel(
    z.strictObject({
      taskId: TaskId,
      kind: SuggestionKind,
      itemId: z.string().min(1).max(128),
      verdict: z.enum(['accepted', 'ignored']),
    }),
    z.object({ recorded: z.boolean() }),
  ),
};
