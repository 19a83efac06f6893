/**
 * CSRF protection of console sessions (synchronizer token): each session has its own random
 * token, handed to the console at sign-in and by `GET /v1/console/session`; every request of
 * that session that changes anything must send it back in `x-csrf-token`. A cross-site page can
 * make the browser send the cookie but cannot read the token. Sign-in itself has no session yet;
 * it accepts JSON bodies only, which no cross-site form can send, and the cookie is
 * SameSite=Strict.
 */
import type { FastifyRequest } from 'fastify';
import { ApiFailure } from '../errors';
import { csrfMatches, type ConsoleSessionAuth } from '../store/sessions';

export const CSRF_HEADER = 'x-csrf-token';

export function checkCsrf(request: FastifyRequest, session: ConsoleSessionAuth) {
  const presented = request.headers[CSRF_HEADER];
  if (!csrfMatches(session, typeof presented === 'string' ? presented : undefined))
    throw new ApiFailure(
      'forbidden',
      `missing or wrong CSRF token: send this session's token in ${CSRF_HEADER}`,
    );
}
