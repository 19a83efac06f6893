import { z } from 'zod';
import { channel, NoInput } from './define';

export const diagnosticsChannels = {
  /** Plain text for "Copy diagnostics": versions, sync state, outbox, recent errors; no secrets. */
  'app:diagnostics': channel(NoInput, z.string()),
};
