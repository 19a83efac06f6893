import { z } from 'zod';
import { channel, NoInput } from './define';
import { SyncStatus } from './events';

export const syncChannels = {
  /** The engine's current status (later changes arrive as `sync:status` events). */
  'sync:current': channel(NoInput, SyncStatus),
  /** Syncs now (or joins the sync already running) and answers the status after it. */
  'sync:now': channel(NoInput, SyncStatus),
  /** Actions written here and not yet answered by the server. */
  'sync:pending': channel(NoInput, z.object({ actions: z.number().int() })),
};
