import { z } from 'zod';
import { LadderStanding } from '../trustProtocol';
import { channel, NoInput } from './define';

/** The advocate's standing on each brand's tier ladder, as last fetched (issue 20). */
export const LadderPanel = z.object({
  brands: z.array(LadderStanding.extend({ brandName: z.string() })),
  /** When the server last answered; null = never (offline since sign-in). */
  fetchedAt: z.number().int().nullable(),
  /** The server could not be reached just now: this is the last answer kept. */
  offline: z.boolean(),
});
export type LadderPanel = z.infer<typeof LadderPanel>;

export const trustChannels = {
  'trust:ladder': channel(NoInput, LadderPanel),
};
