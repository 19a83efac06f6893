import { z } from 'zod';
import { UpdateStatus } from './update';

/**
 * A text core built, as an i18n id and values (src/shared/i18n): the renderer words it in the
 * language chosen at render time, so text already shown follows a language switch.
 */
export const TextRef = z.object({
  id: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const SyncStatus = z.object({
  state: z.enum(['online', 'syncing', 'offline', 'error']),
  /** UTC epoch ms of the last sync that completed, or null if none yet. */
  lastSyncedAt: z.number().int().nullable(),
  /** Human-readable reason for `offline` or `error` (English; see `text`). */
  message: z.string().nullable(),
  /** `message` as an i18n id and values, when core has it in its catalogs. */
  text: TextRef.optional(),
  /** The feed server's clock minus this device's, as estimated: lease state is the server's. */
  clockOffsetMs: z.number().int().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const Notice = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  /** English text (logs, and the fallback where `text` is absent). */
  message: z.string(),
  /** `message` as an i18n id and values (see TextRef). */
  text: TextRef.optional(),
  /** Task the notice is about, if any. */
  taskId: z.string().nullable(),
  at: z.number().int(),
});
export type Notice = z.infer<typeof Notice>;

/** Pushes from main to renderer. Payloads are validated in tests, not at runtime. */
export const events = {
  'sync:status': SyncStatus,
  'session:changed': z.object({}),
  'feed:changed': z.object({}),
  'notice:new': Notice,
  'update:status': UpdateStatus,
};
