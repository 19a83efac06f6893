import { trustRoutes } from './routes/trust';
import { courseRoutes } from './routes/courses';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ApiFailure, httpStatusFor } from './errors';
import { apiHeaders } from './http/headers';
import { identifyCallers, rateLimitKey } from './http/identify';
import { loggerOptions } from './http/logging';
import { clientErrorHandler, errorBody, frameworkErrors } from './http/errorReplies';
import { sharedRateLimitStore } from './http/sharedRateLimit';
import { textHygiene } from './http/textHygiene';
import { auditTrail } from './http/auditTrail';
import { openApiDocument } from './http/openapi';
import { consoleStatic } from './http/consoleStatic';
import { adminRoutes } from './routes/admin';
import { adminAccountRoutes } from './routes/adminAccounts';
import { adminConsoleRoutes } from './routes/adminConsole';
import { adminWebhookRoutes } from './routes/adminWebhooks';
import { consoleRoutes } from './routes/console';
import { advocateRoutes } from './routes/advocate';
import { customerRoutes } from './routes/customers';
import { type EventStreams, eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { snapshotRoutes } from './routes/snapshot';
import { snapshotCache, type SnapshotCacheOptions } from './snapshotCache';
import type { Store } from './store';

export interface AppOptions {
  now?: () => number;
  logger?: boolean | object;
  /** Largest accepted request body in bytes (413 above). Default 10 MiB. */
  bodyLimit?: number;
  /** Requests per verified advocate or brand (else per client address) per window. Default 1200. */
  rateLimitMax?: number;
  rateLimitWindowMs?: number;
  /**
   * Which proxies' `X-Forwarded-For` names the client address (Fastify's `trustProxy`: `true`,
   * or an address or CIDR list). Default: none; the socket's address is the client.
   */
  trustProxy?: boolean | string | string[];
  /** SSE heartbeat interval (and how soon a revoked token's streams end). Default 15 s. */
  heartbeatMs?: number;
  /** Open event streams per device token, per process. Default 4. */
  maxStreamsPerToken?: number;
  /** When a shared brand snapshot is rebuilt (see snapshotCache.ts). */
  snapshotCache?: SnapshotCacheOptions;
  /** At most one `change` event per brand (and per advocate) this often. Default 1 s. */
  eventIntervalMs?: number;
  /** Console sign-in attempts (login, invite links) per client address per minute. Default 10. */
  signInLimitPerMinute?: number;
  /** The server's public base URL, for links it hands out (admin invites). Default: the request's. */
  publicUrl?: string;
  /** Development only: webhooks may target loopback, private and link-local addresses. */
  allowInternalWebhooks?: boolean;
  /** The built brand console (out/console), served at `/console/`. Default: none (404 there). */
  consoleDir?: string;
}

export interface GigdeskApp {
  app: FastifyInstance;
  events: EventStreams;
  /** Every route registered (HEAD twins of GETs left out): for the OpenAPI document and tests. */
  routes: RegisteredRoute[];
}

export interface RegisteredRoute {
  method: string;
  url: string;
}

export async function buildApp(store: Store, options: AppOptions = {}): Promise<GigdeskApp> {
  const now = options.now ?? Date.now;
  const bodyLimit = options.bodyLimit ?? 10 * 1024 * 1024;
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit,
    trustProxy: options.trustProxy ?? false,
    frameworkErrors,
    clientErrorHandler,
  });

  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (r) => {
    // The console's files are pages, not API routes: they are not in the OpenAPI document.
    if (r.url === '/console' || r.url.startsWith('/console/')) return;
    for (const method of [r.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(apiHeaders);
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

  // Every request, in this order, before any body is read: a declared size over the limit is
  // answered 413 at once (the rest of the upload is drained, not parsed); then the caller is
  // identified; then rate-limited by that identity.
  app.addHook('onRequest', async (request, reply) => {
    if (Number(request.headers['content-length'] ?? 0) > bodyLimit) {
      reply.header('connection', 'close');
      throw new ApiFailure('payload_too_large', `request body is larger than ${bodyLimit} bytes`);
    }
  });
  await app.register(cookie);
  identifyCallers(app, store, now);
  await app.register(rateLimit, {
    global: false,
    max: options.rateLimitMax ?? 1200,
    timeWindow: options.rateLimitWindowMs ?? 60_000,
    keyGenerator: rateLimitKey,
    // Replicas on PostgreSQL share their counters; one SQLite process keeps them in memory.
    ...(store.dialect === 'postgres' ? { store: sharedRateLimitStore(store, now) } : {}),
    errorResponseBuilder: (_request, ctx) =>
      new ApiFailure(
        'rate_limited',
        `too many requests; retry after ${Math.ceil(ctx.ttl / 1000)} s`,
      ),
  });
  const limit = app.rateLimit();
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.rateLimit === false) return;
    await limit.call(app, request, reply);
  });

  healthRoutes(app, store, now);
  advocateRoutes(app, store, now);
  snapshotRoutes(app, store, now, snapshotCache(store.snapshots, now, options.snapshotCache));
  auditTrail(app, store, now);
  adminRoutes(app, store, now);
  customerRoutes(app, store, now);
  consoleRoutes(
    app,
    store,
    now,
    app.rateLimit({
      max: options.signInLimitPerMinute ?? 10,
      timeWindow: 60_000,
      keyGenerator: (request) => `signin:${request.ip}`,
    }),
  );
  adminAccountRoutes(app, store, now, options.publicUrl);
  adminConsoleRoutes(app, store, now);
  adminWebhookRoutes(app, store, now, options.allowInternalWebhooks ?? false);
  trustRoutes(app, store, now);
  courseRoutes(app, store, now);
  const events = eventRoutes(
    app,
    store,
    now,
    options.heartbeatMs ?? 15_000,
    options.maxStreamsPerToken ?? 4,
    options.eventIntervalMs ?? 1000,
  );
  app.get('/v1/openapi.json', async () => openApiDocument(routes).document);
  await consoleStatic(app, options.consoleDir);
  return { app, events, routes };
}
