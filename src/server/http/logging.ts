import type { FastifyServerOptions } from 'fastify';
import pino from 'pino';
import { scrubText, scrubValue } from '../../shared/scrub';

/**
 * Pino options for the server. Tokens, keys, invite codes and message bodies never reach the
 * log: bodies are not logged at all, credentials are redacted, URLs lose their query string
 * (`/v1/events?token=…`), and log messages and errors go through the same scrubber as the
 * app's log file (`shared/scrub.ts`), which catches credentials in free text.
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
        'actions[*].body',
        'messages[*].body',
        '*.messages[*].body',
        'handoffNote',
        '*.handoffNote',
        'note',
        '*.note',
        'summary',
        '*.summary',
        'reason',
        '*.reason',
      ],
      censor: '[redacted]',
    },
    hooks: {
      // Free text (messages, error messages) goes through the same scrubber as the app's log.
      logMethod(args: unknown[], method: (...a: unknown[]) => void) {
        const [first, second] = args;
        if (first instanceof Error && typeof second !== 'string') {
          method.apply(this, [{ err: first }, scrubText(first.message)]);
          return;
        }
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)),
        );
      },
    },
    serializers: {
      err: (err: Error) => scrubValue(pino.stdSerializers.err(err)) as pino.SerializedError,
      req(req: { method: string; url: string; ip?: string }) {
        return { method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip };
      },
    },
  };
}
