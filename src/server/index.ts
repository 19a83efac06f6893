/**
 * The feed server's public entry: the CLI, the tests and the app's demo workspace start it here.
 */
import type { AddressInfo } from 'node:net';
import { type AppOptions, buildApp, type RegisteredRoute } from './app';
import { closesIdleConnections } from './http/connections';
import { loadLanguageDetector } from './language';
import { openStore, type OpenStoreOptions, type Store } from './store';
import { deliverWebhooks } from './webhooks/dispatcher';

export { buildApp, type AppOptions, type GigdeskApp, type RegisteredRoute } from './app';
export { seedDemo, type DemoSeed, type SeedDemoOptions } from './demo/seed';
export {
  openStore,
  type OpenStoreOptions,
  type Store,
  type AdvocateAuth,
  type BrandAuth,
} from './store';
export { mapZendeskExport } from './zendesk';

export interface StartServerOptions extends AppOptions {
  /** SQLite file path, ':memory:', or a `postgres://` URL (several replicas may share one). */
  db: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** How often the lease sweeper runs; 0 disables it (tests drive `sweep()` themselves). Default 15 s. */
  leaseSweepMs?: number;
  /** Store options (tests: `interleave` to widen race windows). */
  storeOptions?: OpenStoreOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** Every route the server answers (see `GigdeskApp.routes`). */
  routes: RegisteredRoute[];
  /** Runs the lease sweeper once, now (by the injected clock). */
  sweep(): Promise<{ reopened: number; offersLifted: number }>;
  /** Queues new webhook events and attempts every due delivery once (the sweeper does this too). */
  deliverWebhooks(): Promise<{ queued: number; attempted: number; delivered: number }>;
  close(): Promise<void>;
}

/** Opens and migrates the database, then listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const store = openStore(options.db, options.storeOptions);
  try {
    await store.migrate(now());
  } catch (err) {
    await store.close();
    throw err;
  }
  const { app, events, routes } = await buildApp(store, { ...options, now });
  // Now, not by the first push: loading it stalls every request (language.ts).
  loadLanguageDetector().catch((err: unknown) => app.log.error({ err }, 'language model failed'));
  const connections = closesIdleConnections(app.server);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const port = (app.server.address() as AddressInfo).port;
  const sweepMs = options.leaseSweepMs ?? 15_000;
  const sweep = () => store.sweep(now());
  const webhooks = () =>
    deliverWebhooks(store, now(), { allowInternalTargets: options.allowInternalWebhooks });
  const timer =
    sweepMs > 0
      ? setInterval(() => {
          sweep().catch((err: unknown) => app.log.error({ err }, 'lease sweep failed'));
          webhooks().catch((err: unknown) => app.log.error({ err }, 'webhook delivery failed'));
        }, sweepMs)
      : undefined;
  timer?.unref();
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    store,
    routes,
    sweep,
    deliverWebhooks: webhooks,
    close() {
      closing ??= (async () => {
        if (timer) clearInterval(timer);
        connections.closeIdle();
        events.closeAll();
        await app.close();
        await store.close();
      })();
      return closing;
    },
  };
}
