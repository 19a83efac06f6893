import type { TextRef } from '../../shared/i18n/catalogs';
import type { ActionRefusalCode, ActionResult } from '../../shared/protocol';
import { HttpError, NetworkError, type NetworkFailure } from './client';

/**
 * Why an action was refused or a sync failed, said in the advocate's language: a message id and
 * its figures, carried to a notice or status as the values of a message with `{reason}` (see
 * `because`). The English a server or a socket said goes to logs only.
 */

/** Why no answer came; sign-in (session.ts) and sync word a failure with this one mapping. */
const networkTexts = {
  dns: 'error.session.dns',
  refused: 'error.session.refused',
  tls: 'error.session.tls',
  timeout: 'error.session.timeout',
  unreachable: 'error.session.offline',
  unreadable: 'error.session.notGigdesk',
} as const satisfies Record<NetworkFailure, TextRef['id']>;

/** A failure that is the connection's or the server's, worded; null for any other error. */
export function connectionReason(error: unknown, server: string): TextRef | null {
  if (error instanceof NetworkError) return { id: networkTexts[error.kind], values: { server } };
  if (!(error instanceof HttpError)) return null;
  // An answer that is not the server's API (a wrong shape, a proxy's page), whatever its status.
  if (error.code === 'bad_response') return { id: 'error.session.notGigdesk', values: { server } };
  if (error.status === 429) return { id: 'reason.rateLimited', values: {} };
  if (error.status >= 500) return { id: 'reason.serverError', values: { status: error.status } };
  return { id: 'reason.serverRefused', values: { status: error.status } };
}

/** Any failure, worded: a connection's or a server's as above, else the generic reason. */
export const failureReason = (error: unknown, server: string): TextRef =>
  connectionReason(error, server) ?? { id: 'reason.unknown', values: {} };

/** Refusals the app makes itself of a queued action the server would not take (push.ts). */
export type LocalRefusal = 'tooLarge' | 'invalid';

const refusalTexts = {
  tier: 'error.lifecycle.tier',
  terminal: 'error.lifecycle.terminal',
  offerGone: 'error.lifecycle.offerGone',
  claimedByOther: 'error.lifecycle.claimedByOther',
  offeredToOther: 'error.lifecycle.offeredToOther',
  claimExpired: 'error.lifecycle.claimExpired',
  heldByOther: 'error.lifecycle.heldByOther',
  notClaimed: 'error.lifecycle.notClaimed',
  noTask: 'reason.noTask',
  suspended: 'reason.suspended',
  transferToSelf: 'reason.transferToSelf',
  noSuchAdvocate: 'reason.noSuchAdvocate',
  targetTier: 'reason.targetTier',
  changedMeanwhile: 'reason.changedMeanwhile',
  keyReused: 'reason.keyReused',
  tooLarge: 'reason.tooLarge',
  invalid: 'reason.invalid',
} as const satisfies Record<ActionRefusalCode | LocalRefusal, TextRef['id']>;

/**
 * A refused action's reason from the server's code and figures; a code this app does not know
 * (a newer server's, or none from an older one) says the generic reason of its status.
 */
export function refusalReason(result: Pick<ActionResult, 'status' | 'code' | 'values'>): TextRef {
  const code = result.code;
  if (code !== undefined && Object.hasOwn(refusalTexts, code))
    return { id: refusalTexts[code as keyof typeof refusalTexts], values: result.values ?? {} };
  return { id: result.status === 'conflict' ? 'reason.conflict' : 'reason.refused', values: {} };
}

/**
 * A reason as values of a message with `{reason}` (shownValues, shared/i18n/catalogs.ts, words
 * it in the same language); the message's own `values` win over the reason's figures.
 */
export const because = (
  reason: TextRef,
  values: Record<string, string | number>,
): Record<string, string | number> => ({ ...reason.values, ...values, reason: reason.id });
