import type { SessionStatus } from '../../shared/contract/app';
import { serverUrlProblem } from '../../shared/domain/serverUrl';
import type { MeResponse } from '../../shared/protocol';
import { type AppError } from '../../shared/result';
import { clearSession, readSession, writeSession } from '../repos/sessionRepo';
import type { Services } from '../services';
import { writeBrand, writeMembership } from '../repos/brandsRepo';
import { FeedClient, HttpError } from '../sync/client';
import type { SyncController } from '../sync/controller';
import { wipeLocalData } from './localData';
import {
  forgetDeviceToken,
  freshDeviceToken,
  readDeviceToken,
  storeDeviceToken,
} from '../sync/token';
import { finalPush, guardUnsentWork } from './unsentWork';
import { refusal } from '../i18n/refusal';
import { connectionReason } from '../sync/reasons';

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

/**
 * Why a sign-in failed, said specifically in the advocate's language; the underlying English
 * (a socket error, the server's own message) goes only to `message`, for logs.
 */
export function signInFailure(error: unknown, serverUrl: string): AppError {
  const server = new URL(serverUrl).host;
  if (error instanceof HttpError) {
    const detail = `${error.status} ${error.code}: ${error.message}`;
    if ([400, 401, 403, 404, 409].includes(error.status)) {
      return refusal('unauthorized', 'error.session.inviteRefused', {}, detail);
    }
    if (error.code !== 'bad_response') {
      if (error.status === 429) return refusal('unavailable', 'error.session.tooMany', {}, detail);
      return refusal('unavailable', 'error.session.serverError', { status: error.status }, detail);
    }
    const text = connectionReason(error, server)!;
    return refusal('unavailable', text.id, text.values, detail);
  }
  const text = connectionReason(error, server);
  if (text) return refusal('offline', text.id, text.values, (error as Error).message);
  return refusal(
    'unavailable',
    'error.session.unavailable',
    {},
    error instanceof Error ? error.message : String(error),
  );
}

/**
 * Already signed in to this server: the invite is accepted by this device's identity (the brand
 * joins it, nothing is wiped). Otherwise, or if the server will not have it accepted (the invite
 * names someone already signed in elsewhere), the code is redeemed for a new device token.
 */
async function acceptOrRedeem(
  s: Services,
  baseUrl: string,
  inviteCode: string,
): Promise<MeResponse & { token?: string; expiresAt: number }> {
  const previous = readSession(s.db);
  const token = readDeviceToken(s.secrets);
  if (previous && token && !previous.isDemo && previous.serverUrl === baseUrl) {
    try {
      const me = await new FeedClient({
        baseUrl,
        token: freshDeviceToken(s.secrets, baseUrl, s.now),
        timeoutMs: 15_000,
      }).accept(inviteCode);
      return { ...me, expiresAt: 0 };
    } catch (error) {
      if (!(error instanceof HttpError)) throw signInFailure(error, baseUrl);
    }
  }
  try {
    return await new FeedClient({ baseUrl, timeoutMs: 15_000 }).redeem(
      inviteCode,
      `Gigdesk on ${s.runtime.platform}`,
    );
  } catch (error) {
    throw signInFailure(error, baseUrl);
  }
}

/**
 * Redeems (or, signed in already, accepts) an invite code for a device token, kept only in the host's secret store; remembers the
 * session and the advocate's brands, then starts syncing. Signing in as someone else (or to
 * another server) first clears the previous advocate's local data.
 */
export async function signIn(
  s: Services,
  sync: SyncController,
  serverUrl: string,
  inviteCode: string,
  isDemo: boolean,
  discardUnsent = false,
): Promise<SessionStatus> {
  const baseUrl = serverUrl.replace(/\/+$/, '');
  const refused = serverUrlProblem(baseUrl);
  if (refused) throw refusal('invalid_input', refused.id, refused.values);
  // Signed out, any sign-in replaces this device's data: warn before the invite is spent.
  if (!readSession(s.db)) guardUnsentWork(s.db, discardUnsent);
  const redeemed = await acceptOrRedeem(s, baseUrl, inviteCode);
  const previous = readSession(s.db);
  const sameAdvocate =
    previous?.advocateId === redeemed.advocate.id &&
    (previous.isDemo || previous.serverUrl === baseUrl);
  if (previous && !sameAdvocate) {
    // The previous advocate's queued work is sent while it still can be, else named first.
    await finalPush(sync);
    guardUnsentWork(s.db, discardUnsent);
  }
  await sync.stop();
  if (redeemed.token) storeDeviceToken(s.secrets, redeemed.token, redeemed.expiresAt);
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
    throw refusal(
      'unavailable',
      'error.demo.failed',
      {},
      error instanceof Error ? error.message : String(error),
    );
  }
  return signIn(s, sync, demo.serverUrl, demo.inviteCode, true);
}

/** Stops syncing, tells the server to forget the token (best effort), and wipes it here. */
export async function signOut(
  s: Services,
  sync: SyncController,
  wipe: boolean,
  discardUnsent = false,
): Promise<SessionStatus> {
  const session = readSession(s.db);
  const token = readDeviceToken(s.secrets);
  if (session) await finalPush(sync);
  if (wipe) guardUnsentWork(s.db, discardUnsent);
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
