import type { SessionStatus } from '../../shared/contract/app';
import type { RedeemResponse } from '../../shared/protocol';
import { AppError } from '../../shared/result';
import { clearSession, readSession, writeSession } from '../repos/sessionRepo';
import type { Services } from '../services';
import { writeBrand, writeMembership } from '../repos/brandsRepo';
import { FeedClient, HttpError, NetworkError } from '../sync/client';
import type { SyncController } from '../sync/controller';
import { wipeLocalData } from './localData';
import { forgetDeviceToken, readDeviceToken, storeDeviceToken } from '../sync/token';

export function sessionStatus(s: Services): SessionStatus {
  const session = readSession(s.db);
  if (!session) return { state: 'signed_out' };
  return {
    state: 'signed_in',
    advocate: {
      id: session.advocateId,
      name: session.advocateName,
      handle: session.advocateHandle,
    },
    serverUrl: session.serverUrl,
    isDemo: session.isDemo,
    secureStorage: s.secrets.isSecure(),
  };
}

function redeemFailure(error: unknown, serverUrl: string): AppError {
  if (error instanceof NetworkError) {
    return new AppError(
      'offline',
      `Can’t reach ${serverUrl}. Check the address and your connection, then try again.`,
    );
  }
  if (error instanceof HttpError && [400, 401, 403, 404, 409].includes(error.status)) {
    return new AppError(
      'unauthorized',
      'That invite code was not accepted: it may be mistyped, expired or already used. Ask the brand for a new one.',
    );
  }
  return new AppError(
    'unavailable',
    `The server could not sign you in right now (${error instanceof Error ? error.message : String(error)}). Try again in a moment.`,
  );
}

/**
 * Redeems an invite code for a device token, kept only in the host's secret store; remembers the
 * session and the advocate's brands, then starts syncing. Signing in as someone else (or to
 * another server) first clears the previous advocate's local data.
 */
export async function signIn(
  s: Services,
  sync: SyncController,
  serverUrl: string,
  inviteCode: string,
  isDemo: boolean,
): Promise<SessionStatus> {
  const baseUrl = serverUrl.replace(/\/+$/, '');
  let redeemed: RedeemResponse;
  try {
    redeemed = await new FeedClient({ baseUrl, timeoutMs: 15_000 }).redeem(
      inviteCode,
      `Gigdesk on ${s.runtime.platform}`,
    );
  } catch (error) {
    throw redeemFailure(error, baseUrl);
  }
  await sync.stop();
  const previous = readSession(s.db);
  const sameAdvocate =
    previous?.advocateId === redeemed.advocate.id &&
    (previous.isDemo || previous.serverUrl === baseUrl);
  storeDeviceToken(s.secrets, redeemed.token);
  s.db.transaction(() => {
    if (!sameAdvocate) wipeLocalData(s.db);
    writeSession(s.db, {
      serverUrl: baseUrl,
      advocateId: redeemed.advocate.id,
      advocateName: redeemed.advocate.name,
      advocateHandle: redeemed.advocate.handle,
      isDemo,
      signedInAt: s.now(),
    });
    for (const brand of redeemed.brands) {
      writeBrand(s.db, brand, s.now());
      writeMembership(s.db, {
        brandId: brand.id,
        tier: brand.tier,
        skills: brand.skills,
        suspended: brand.suspended,
      });
    }
  })();
  s.emit('session:changed', {});
  void sync.start();
  return sessionStatus(s);
}

export async function openDemo(s: Services, sync: SyncController): Promise<SessionStatus> {
  let demo: { serverUrl: string; inviteCode: string };
  try {
    demo = await s.demoWorkspace.open();
  } catch (error) {
    throw new AppError(
      'unavailable',
      `The demo workspace could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return signIn(s, sync, demo.serverUrl, demo.inviteCode, true);
}

/** Stops syncing, tells the server to forget the token (best effort), and wipes it here. */
export async function signOut(
  s: Services,
  sync: SyncController,
  wipe: boolean,
): Promise<SessionStatus> {
  const session = readSession(s.db);
  const token = readDeviceToken(s.secrets);
  await sync.stop();
  if (session && token) {
    await new FeedClient({ baseUrl: session.serverUrl, token, timeoutMs: 3_000 })
      .logout()
      .catch(() => undefined);
  }
  forgetDeviceToken(s.secrets);
  s.db.transaction(() => {
    clearSession(s.db);
    if (wipe) wipeLocalData(s.db);
  })();
  if (session?.isDemo) await s.demoWorkspace.close().catch(() => undefined);
  s.desktop.setBadgeCount(0);
  s.emit('sync:status', sync.status());
  s.emit('session:changed', {});
  return sessionStatus(s);
}
