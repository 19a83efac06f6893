import { z } from 'zod';
import { channel, NoInput } from './define';

export const UpdateState = z.enum([
  'idle',
  'checking',
  'available',
  'downloading',
  'downloaded',
  'error',
]);
export type UpdateState = z.infer<typeof UpdateState>;

export const UpdateProgress = z.object({
  /** 0–100. */
  percent: z.number(),
  transferredBytes: z.number(),
  totalBytes: z.number(),
  bytesPerSecond: z.number(),
});
export type UpdateProgress = z.infer<typeof UpdateProgress>;

/**
 * Where the updater stands. `available` waits for the advocate's consent to download;
 * `downloaded` installs when the app quits, or now if the advocate restarts with no ticket open.
 */
export const UpdateStatus = z.object({
  state: UpdateState,
  currentVersion: z.string(),
  /** The version on offer (available, downloading, downloaded), else null. */
  version: z.string().nullable(),
  releaseNotes: z.string().nullable(),
  progress: UpdateProgress.nullable(),
  /** UTC epoch ms of the last check that reached the server. */
  lastCheckedAt: z.number().int().nullable(),
  /** Plain-language reason of the last failure (shown in Settings, never as a popup), English. */
  error: z.string().nullable(),
  /** `error` as an i18n id and values, worded by the renderer in the language shown. */
  errorText: z
    .object({ id: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) })
    .nullable()
    .optional(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

export const updateChannels = {
  'update:status': channel(NoInput, UpdateStatus),
  'update:check': channel(NoInput, UpdateStatus),
  'update:download': channel(NoInput, UpdateStatus),
  'update:installNow': channel(NoInput, UpdateStatus),
};
