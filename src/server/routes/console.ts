import type { FastifyReply, FastifyRequest, FastifyInstance, onRequestHookHandler } from 'fastify';
import {
  AcceptAdminInviteRequest,
  type ConsoleSession,
  LoginRequest,
} from '../../shared/consoleProtocol';
import { ApiFailure } from '../errors';
import { SESSION_COOKIE } from '../http/consoleAuth';
import { checkCsrf } from '../http/csrf';
import { parseInput } from '../http/validate';
import type { Store } from '../store';
import { accountView, type AccountRow } from '../store/adminAccounts';
import type { ConsoleSessionAuth } from '../store/sessions';

/** Sign-in, sign-out and the current session of the brand console (`/v1/console/…`). */
export function consoleRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => number,
  /** A tighter rate limit for password and invite-token guesses, per client address. */
  signInLimit: onRequestHookHandler,
) {
  // Their own budget instead of the general one (the limiter runs once per request).
  const guessing = { onRequest: signInLimit, config: { rateLimit: false as const } };
  /** Always a new session: whatever session cookie the browser brought is ended, never reused. */
  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    account: AccountRow,
  ): Promise<ConsoleSession> {
    if (request.consoleSession)
      await store.console.endSession(request.consoleSession.idHash, now());
    const s = await store.console.createSession(account, now());
    reply.setCookie(SESSION_COOKIE, s.sessionId, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      expires: new Date(s.expiresAt),
    });
    const fresh = (await store.console.sessionFor(s.sessionId, now()))!;
    // Audit (auditTrail.ts) names the account that signed in.
    request.brand = fresh.brand;
    request.adminActor = {
      kind: 'account',
      id: account.id,
      label: account.email,
      role: account.role,
    };
    return sessionBody(fresh);
  }

  app.post('/v1/console/login', guessing, async (request, reply): Promise<ConsoleSession> => {
    const body = parseInput(LoginRequest, request.body);
    const opened = await store.console.accountsForLogin(body.email, body.password, body.brandId);
    if (opened.length === 0)
      throw new ApiFailure('unauthorized', 'wrong e-mail address or password');
    if (opened.length > 1)
      throw new ApiFailure(
        'conflict',
        'this address has accounts in several brands; send brandId to choose one',
        opened.map((a) => ({ path: 'brandId', message: a.brand_id })),
      );
    return startSession(request, reply, opened[0]!);
  });

  app.post('/v1/console/accept', guessing, async (request, reply): Promise<ConsoleSession> => {
    const body = parseInput(AcceptAdminInviteRequest, request.body);
    const account = await store.console.acceptAccountInvite(
      body.token,
      body.password,
      body.name,
      now(),
    );
    reply.code(201);
    return startSession(request, reply, account);
  });

  app.get('/v1/console/session', async (request): Promise<ConsoleSession> => {
    if (!request.consoleSession) throw new ApiFailure('unauthorized', 'not signed in');
    return sessionBody(request.consoleSession);
  });

  app.post('/v1/console/logout', async (request, reply) => {
    const session = request.consoleSession;
    if (!session) throw new ApiFailure('unauthorized', 'not signed in');
    checkCsrf(request, session);
    await store.console.endSession(session.idHash, now());
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.code(204);
  });
}

const sessionBody = (s: ConsoleSessionAuth): ConsoleSession => ({
  account: accountView(s.account),
  brand: s.brand,
  csrfToken: s.csrfToken,
  expiresAt: s.expiresAt,
});
