import { z } from 'zod';
import { UpdateStatus } from './update';

export const SyncStatus = z.object({
  state: z.enum(['online', 'syncing', 'offline', 'error']),
  /** UTC epoch ms of the last sync that completed, or null if none yet. */
  lastSyncedAt: z.number().int().nullable(),
  /** Human-readable reason for `offline` or `error`. */
  message: z.string().nullable(),
  /** The feed server's clock minus this device's, as estimated: lease state is the server's. */
  clockOffsetMs: z.number().int().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const Notice = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
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
  /** The advocate clicked a desktop notification: show this task (null: the feed). */
  'notification:clicked': z.object({ taskId: z.string().nullable() }),
};
