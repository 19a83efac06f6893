import type { FastifyInstance } from 'fastify';
import type { ApiIssue } from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { parseNdjson } from './validate';

/**
 * Every string a request carries is valid Unicode without NUL, or the request gets a 400 that
 * names the field: PostgreSQL refuses NUL in text, SQLite would store it, and invalid UTF-8 or
 * a lone surrogate would otherwise be stored as U+FFFD, silently changing what was sent.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new ApiFailure('invalid_input', 'body: not valid UTF-8', [
      { path: 'body', message: 'not valid UTF-8' },
    ]);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this text may not be stored, or null when it may. */
export function textProblem(s: string): string | null {
  if (s.includes('\0')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(s)) return 'contains an unpaired surrogate (not valid Unicode)';
  return null;
}

/** The first bad string (value or key) in a parsed request part, with its field path. */
function findBadText(value: unknown, path: string, depth = 0): ApiIssue | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, message: problem } : null;
  }
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  for (const [k, v] of Object.entries(value)) {
    const keyProblem = textProblem(k);
    if (keyProblem) return { path, message: `a field name ${keyProblem}` };
    const issue = findBadText(v, `${path}.${k}`, depth + 1);
    if (issue) return issue;
  }
  return null;
}

/** The first query parameter whose percent-encoding is not UTF-8 (`%FF`, an encoded surrogate). */
function badlyEncodedQuery(url: string): ApiIssue | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  for (const pair of url.slice(q + 1).split('&')) {
    const [name = '', value = ''] = pair.split('=', 2).map((p) => p.replace(/\+/g, ' '));
    try {
      decodeURIComponent(name);
    } catch {
      return { path: 'query', message: 'a parameter name is not valid UTF-8' };
    }
    try {
      decodeURIComponent(value);
    } catch {
      return { path: `query.${decodeURIComponent(name)}`, message: 'not valid UTF-8' };
    }
  }
  return null;
}

export function textHygiene(app: FastifyInstance) {
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8(body as Buffer);
    } catch (err) {
      return done(err as Error, undefined);
    }
    json(request, text, done);
  });
  app.addContentTypeParser(
    ['application/x-ndjson', 'application/ndjson'],
    { parseAs: 'buffer' },
    (_request, body, done) => {
      try {
        done(null, parseNdjson(decodeUtf8(body as Buffer)));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );
  app.addHook('preValidation', async (request) => {
    const encoding = badlyEncodedQuery(request.url);
    if (encoding)
      throw new ApiFailure('invalid_input', `${encoding.path}: ${encoding.message}`, [encoding]);
    const parts: [string, unknown][] = [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ];
    for (const [part, value] of parts) {
      const issue = findBadText(value, part);
      if (issue) throw new ApiFailure('invalid_input', `${issue.path}: ${issue.message}`, [issue]);
    }
  });
}
