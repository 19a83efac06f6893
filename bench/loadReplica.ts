/**
 * One feed-server replica for `bench/load.ts`, as its own process: `GIGDESK_LOAD_DB=… node
 * --import tsx bench/loadReplica.ts`. Prints `{"url": …}` once listening; exits on SIGTERM.
 * Request logging and the per-token rate limit are off: the bench measures the store and routes.
 * GIGDESK_ACTION_PATH=transaction: actions the SQLite way on PostgreSQL (a reference).
 * GIGDESK_LOAD_PROFILE=DIR: profile the replica (bench/replicaProfile.ts).
 */
import { startServer } from '../src/server';
import { profileReplica } from './replicaProfile';

async function main(): Promise<void> {
  const db = process.env.GIGDESK_LOAD_DB;
  if (!db) throw new Error('GIGDESK_LOAD_DB is required');
  const actionPath = process.env.GIGDESK_ACTION_PATH;
  const profileDir = process.env.GIGDESK_LOAD_PROFILE;
  const profiled = profileDir ? await profileReplica(profileDir) : undefined;
  const server = await startServer({
    db,
    port: 0,
    logger: false,
    rateLimitMax: 1_000_000,
    leaseSweepMs: 5_000,
    // bench/claims.ts measures the transaction path on PostgreSQL as its reference.
    ...(actionPath === 'transaction' ? { storeOptions: { actionPath } } : {}),
  });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  process.once('SIGTERM', () => {
    Promise.resolve(profiled?.())
      .then(() => server.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
