import { z } from 'zod';
import { channel, NoInput } from './define';

/** Character ranges `[start, end)` to show as matches; the text itself is plain, never HTML. */
export const Highlights = z.array(z.tuple([z.number().int(), z.number().int()]));

export const KbHit = z.object({
  id: z.string(),
  brandId: z.string(),
  title: z.string(),
  titleHighlights: Highlights,
  snippet: z.string(),
  snippetHighlights: Highlights,
  tags: z.array(z.string()),
  updatedAt: z.number().int(),
});
export type KbHit = z.infer<typeof KbHit>;

export const KbArticle = z.object({
  id: z.string(),
  brandId: z.string(),
  title: z.string(),
  bodyMarkdown: z.string(),
  tags: z.array(z.string()),
  updatedAt: z.number().int(),
});
export type KbArticle = z.infer<typeof KbArticle>;

const Filters = {
  brandId: z.string().max(128).nullable().default(null),
  tag: z.string().max(60).nullable().default(null),
  limit: z.number().int().min(1).max(50).default(20),
};

export const KbSearchResult = z.object({
  /** A newer search arrived before this one ran: its hits are dropped, show the newer ones. */
  superseded: z.boolean(),
  hits: z.array(KbHit),
  /** `bounded`: every word is very common, so the newest matches are shown (titles first). */
  mode: z.enum(['ranked', 'bounded', 'none']),
  tookMs: z.number(),
});
export type KbSearchResult = z.infer<typeof KbSearchResult>;

export const KbOverview = z.object({
  articleCount: z.number().int(),
  brands: z.array(z.object({ id: z.string(), name: z.string() })),
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
});
export type KbOverview = z.infer<typeof KbOverview>;

/**
 * How much of a ticket chooses its suggestions: the subject and the start of the first customer
 * message (search.ts weighs the first 80 distinct words of it). A message may be 20,000
 * characters and redaction markers make it longer, so the channel takes far more and reads this.
 */
export const SUGGEST_TEXT_CHARS = 4_000;
const SUGGEST_INPUT_MAX = 200_000;

/** The text suggestions are made from, as the renderer sends it. */
export function suggestionText(subject: string, firstMessage: string): string {
  return `${subject}\n${firstMessage.slice(0, SUGGEST_TEXT_CHARS)}`.slice(0, SUGGEST_TEXT_CHARS);
}

export const kbChannels = {
  'kb:search': channel(z.strictObject({ query: z.string().max(300), ...Filters }), KbSearchResult),
  /** Articles for a ticket, from its subject and first customer message. */
  'kb:suggest': channel(
    z.strictObject({
      text: z
        .string()
        .max(SUGGEST_INPUT_MAX)
        .transform((text) => text.slice(0, SUGGEST_TEXT_CHARS)),
      ...Filters,
      /** The ticket's language (BCP 47): articles in it come first. */
      language: z.string().max(35).nullable().optional(),
    }),
    KbSearchResult,
  ),
  'kb:article': channel(z.strictObject({ id: z.string().min(1).max(128) }), KbArticle),
  'kb:overview': channel(NoInput, KbOverview),
};
