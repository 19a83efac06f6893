import { z } from 'zod';
import { channel, NoInput } from './define';
import { TextRef } from './events';
import { DraftKind } from './tickets';

/** The text of an action the server refused, kept until the advocate lets it go. */
export const UnsentText = z.object({
  id: z.number().int(),
  taskId: z.string().nullable(),
  subject: z.string().nullable(),
  type: z.string(),
  body: z.string(),
  /** The server's English: a detail, and all a row kept before reasons had ids holds. */
  reason: z.string(),
  /** Why, as an i18n id and values worded when shown; null on those older rows. */
  reasonText: TextRef.nullable(),
  createdAt: z.number().int(),
});
export type UnsentText = z.infer<typeof UnsentText>;

/** A draft whose ticket left this device (claimed by someone else, revoked, closed). */
export const OrphanDraft = z.object({
  taskId: z.string(),
  kind: DraftKind,
  body: z.string(),
  subject: z.string().nullable(),
  updatedAt: z.number().int(),
});
export type OrphanDraft = z.infer<typeof OrphanDraft>;

/** A queued action that kept failing at the server; it waits for "Retry". */
export const ParkedAction = z.object({
  key: z.string(),
  taskId: z.string().nullable(),
  type: z.string(),
  text: z.string().nullable(),
  /** The last failure in English (a detail). */
  lastError: z.string().nullable(),
  /** The last failure as an i18n id and values; null on rows that failed before it was kept. */
  lastErrorText: TextRef.nullable(),
});
export type ParkedAction = z.infer<typeof ParkedAction>;

export const NotSent = z.object({
  unsent: z.array(UnsentText),
  orphanDrafts: z.array(OrphanDraft),
  parked: z.array(ParkedAction),
});
export type NotSent = z.infer<typeof NotSent>;

export const notSentChannels = {
  /** Everything written here that did not reach the server and is not queued to. */
  'unsent:list': channel(NoInput, NotSent),
  'unsent:dismiss': channel(z.strictObject({ id: z.number().int().positive() }), NotSent),
  'unsent:discardDraft': channel(
    z.strictObject({ taskId: z.string().min(1).max(128), kind: DraftKind }),
    NotSent,
  ),
  /** Sends every parked action again (a fresh count of attempts), then answers the tray. */
  'unsent:retry': channel(NoInput, NotSent),
};
