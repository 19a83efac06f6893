import { z } from 'zod';
import { Settings, SettingsPatch } from '../settings';
import { channel, NoInput } from './define';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Versions of the runtime pieces, e.g. electron, chrome, node. */
  runtime: z.record(z.string(), z.string()),
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const Advocate = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
});
export type Advocate = z.infer<typeof Advocate>;

export const SessionStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signed_out') }),
  z.object({
    state: z.literal('signed_in'),
    advocate: Advocate,
    serverUrl: z.string(),
    isDemo: z.boolean(),
    /** False where the OS offers no secret store and the token is kept less safely. */
    secureStorage: z.boolean(),
  }),
]);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const appChannels = {
  'app:info': channel(NoInput, AppInfo),
  'settings:get': channel(NoInput, Settings),
  'settings:set': channel(SettingsPatch.strict(), Settings),
  'session:status': channel(NoInput, SessionStatus),
  'session:connect': channel(
    z.strictObject({
      serverUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) address' }),
      inviteCode: z.string().trim().min(6).max(64),
      /** Signing in as someone else deletes unsent work: only after the advocate was warned. */
      discardUnsent: z.boolean().optional(),
    }),
    SessionStatus,
  ),
  'session:openDemo': channel(NoInput, SessionStatus),
  'session:signOut': channel(
    z.strictObject({ wipeLocalData: z.boolean(), discardUnsent: z.boolean().optional() }),
    SessionStatus,
  ),
};
