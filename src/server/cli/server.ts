/**
 * `gigdesk-server [migrate] --db ./data/feed.sqlite --port 8787 [--host 127.0.0.1]`
 * `--db` is a SQLite file or a `postgres://` URL (then several replicas may share it).
 * Env: GIGDESK_DB (or DATABASE_URL), GIGDESK_PORT (or PORT), GIGDESK_HOST, GIGDESK_LOG_LEVEL.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore, startServer } from '../index';
import { isPostgresUrl, redactDbUrl } from '../store/postgres';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: {
      type: 'string',
      default: process.env.GIGDESK_DB ?? process.env.DATABASE_URL ?? './data/feed.sqlite',
    },
    port: { type: 'string', default: process.env.GIGDESK_PORT ?? process.env.PORT ?? '8787' },
    host: { type: 'string', default: process.env.GIGDESK_HOST ?? '127.0.0.1' },
    'log-level': { type: 'string', default: process.env.GIGDESK_LOG_LEVEL ?? 'info' },
    // Addresses or CIDRs of the proxies whose X-Forwarded-For names the client (comma-separated).
    'trust-proxy': { type: 'string', default: process.env.GIGDESK_TRUST_PROXY ?? '' },
    // The built brand console (`npm run build`), served at /console/.
    'console-dir': {
      type: 'string',
      default:
        process.env.GIGDESK_CONSOLE_DIR ??
        fileURLToPath(new URL('../../../out/console', import.meta.url)),
    },
    // Development only: webhooks may target loopback, private and link-local addresses.
    'allow-internal-webhooks': {
      type: 'boolean',
      default: process.env.GIGDESK_ALLOW_INTERNAL_WEBHOOKS === '1',
    },
    help: { type: 'boolean', short: 'h' },
  },
});

async function main() {
  if (values.help) {
    console.log(
      'usage: gigdesk-server [migrate] [--db FILE|postgres://…] [--port N] [--host ADDR] [--log-level info] [--trust-proxy ADDR,CIDR…] [--console-dir out/console] [--allow-internal-webhooks]',
    );
    return;
  }
  const db = values.db;
  if (db !== ':memory:' && !isPostgresUrl(db)) mkdirSync(dirname(db), { recursive: true });
  if (positionals[0] === 'migrate') {
    const store = openStore(db);
    const version = await store.migrate(Date.now());
    await store.close();
    console.log(`database ${redactDbUrl(db)} is at schema version ${version}`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a port number: ${values.port}`);
  const server = await startServer({
    db,
    port,
    host: values.host,
    logger: { level: values['log-level'] },
    trustProxy: values['trust-proxy']
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    consoleDir: values['console-dir'],
    allowInternalWebhooks: values['allow-internal-webhooks'],
  });
  console.log(`gigdesk feed server listening on ${server.url} (db ${redactDbUrl(db)})`);
  console.log(`brand console: ${server.url}/console/`);
  const stop = (signal: string) => {
    console.log(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
