import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ApiFailure, httpStatusFor } from './errors';
import { credentialOf } from './http/auth';
import { loggerOptions } from './http/logging';
import { clientErrorHandler, errorBody, frameworkErrors } from './http/errorReplies';
import { textHygiene } from './http/textHygiene';
import { hashSecret } from './store/secrets';
import { adminRoutes } from './routes/admin';
import { advocateRoutes } from './routes/advocate';
import { type EventStreams, eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import type { Store } from './store';

export interface AppOptions {
  now?: () => number;
  logger?: boolean | object;
  /** Largest accepted request body in bytes (413 above). Default 10 MiB. */
  bodyLimit?: number;
  /** Requests per token (or per IP without one) per `rateLimitWindowMs`. Default 1200. */
  rateLimitMax?: number;
  rateLimitWindowMs?: number;
  /** SSE heartbeat interval. Default 15 s. */
  heartbeatMs?: number;
}

export interface GigdeskApp {
  app: FastifyInstance;
  events: EventStreams;
}

export async function buildApp(store: Store, options: AppOptions = {}): Promise<GigdeskApp> {
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024,
    frameworkErrors,
    clientErrorHandler,
  });

  textHygiene(app);

  app.setErrorHandler((err: FastifyError | ApiFailure, request, reply) => {
    if (err instanceof ApiFailure) {
      return reply.code(httpStatusFor[err.code]).send(errorBody(err.code, err.message, err.issues));
    }
    const status = err.statusCode ?? 500;
    if (status === 413)
      return reply.code(413).send(errorBody('payload_too_large', 'request body is too large'));
    if (status === 415)
      return reply
        .code(415)
        .send(errorBody('unsupported_media_type', 'send application/json or application/x-ndjson'));
    if (status >= 400 && status < 500) {
      const message =
        err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
          ? 'body: not valid JSON'
          : err.message;
      return reply
        .code(status === 404 ? 404 : 400)
        .send(errorBody(status === 404 ? 'not_found' : 'invalid_input', message));
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send(errorBody('internal', 'internal error'));
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .send(errorBody('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });

  await app.register(rateLimit, {
    max: options.rateLimitMax ?? 1200,
    timeWindow: options.rateLimitWindowMs ?? 60_000,
    // Per credential (hashed, so the limiter's keys hold no secrets); per IP without one.
    keyGenerator: (request) => {
      const credential = credentialOf(request, true);
      return credential ? `c:${hashSecret(credential)}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, ctx) =>
      new ApiFailure(
        'rate_limited',
        `too many requests; retry after ${Math.ceil(ctx.ttl / 1000)} s`,
      ),
  });

  healthRoutes(app, store, now);
  advocateRoutes(app, store, now);
  adminRoutes(app, store, now);
  const events = eventRoutes(app, store, options.heartbeatMs ?? 15_000);
  return { app, events };
}
