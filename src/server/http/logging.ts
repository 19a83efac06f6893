import type { FastifyServerOptions } from 'fastify';

/**
 * Pino options for the server. Tokens, keys, invite codes and message bodies never reach the
 * log: bodies are not logged at all, credentials are redacted, and URLs lose their query string
 * (`/v1/events?token=…`).
 */
export function loggerOptions(
  logger: boolean | object | undefined,
): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return {
    level: 'info',
    ...(typeof logger === 'object' ? logger : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.query',
        'token',
        'adminKey',
        'inviteCode',
        'code',
        'body',
        '*.token',
        '*.adminKey',
        '*.inviteCode',
        '*.body',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(req: { method: string; url: string; ip?: string }) {
        return { method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip };
      },
    },
  };
}
