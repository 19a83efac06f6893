import { z } from 'zod';

/** Clock time "HH:MM" in the advocate's own zone. */
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');

export const Settings = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']),
  /** BCP 47 tag; null follows the operating system. */
  locale: z.string().min(2).max(35).nullable(),
  /** IANA zone; null follows the operating system. */
  timeZone: z.string().min(1).max(64).nullable(),
  notifications: z.strictObject({
    enabled: z.boolean(),
    quietHours: z.strictObject({ start: ClockTime, end: ClockTime }).nullable(),
    /** Only tasks paying at least this (minor units) notify. */
    minPayoutMinor: z.number().int().nonnegative(),
  }),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  theme: 'system',
  locale: null,
  timeZone: null,
  notifications: { enabled: true, quietHours: null, minPayoutMinor: 0 },
};

/** A partial update: top-level keys replace whole values. */
export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
