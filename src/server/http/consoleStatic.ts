import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from './errorReplies';

/**
 * The brand console's pages. Scripts, styles and images come from this origin only; the API it
 * calls is this origin too, and nothing may frame it (its buttons change money and access).
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite names every built asset by its content hash, so a cached copy can never be stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function consoleHeaders(reply: FastifyReply, path: string) {
  const asset = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+$/.test(path);
  // index.html names the current assets: always revalidated, so a new build is seen at once.
  reply.header('cache-control', asset ? IMMUTABLE : 'no-cache');
  reply.header('content-security-policy', CONSOLE_CSP);
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
}

/**
 * Serves the built console (`npm run build` writes it to out/console) under `/console/`.
 * Without a build the paths answer 404 with what to run, never a directory listing.
 */
export async function consoleStatic(app: FastifyInstance, dir: string | undefined) {
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    const notBuilt = async (_request: unknown, reply: FastifyReply) =>
      reply
        .code(404)
        .send(
          errorBody(
            'not_found',
            'the console is not built on this server: run `npm run build` (it writes out/console)',
          ),
        );
    app.get('/console', notBuilt);
    app.get('/console/*', notBuilt);
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    index: ['index.html'],
    list: false,
    dotfiles: 'deny',
    cacheControl: false,
    lastModified: false,
    setHeaders: consoleHeaders,
  });
  app.get('/console', async (_request, reply) => reply.redirect('/console/', 301));
}
