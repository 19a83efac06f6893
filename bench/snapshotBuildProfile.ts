/**
 * The shared brand snapshot's one-time build, by stage, for profiling:
 * `node --import tsx [--cpu-prof] bench/snapshotBuildProfile.ts <sqlite file | postgres:// URL> [tasks]`.
 * Fills one brand with `tasks` tasks (default 100,000) unless the database already holds it,
 * then builds its tier-1 snapshot (brotli body included) ROUNDS times (default 3), each in a new
 * cache, and prints each build's CPU and wall time and its body's size and hash.
 * `PROFILE=<file>`: a CPU profile of the main thread during the builds only (not the fill, the
 * migrations or module loading), written as a .cpuprofile.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_CAPABILITIES } from '../src/shared/capabilities';
import { TaskPush } from '../src/shared/protocol';
import { openStore } from '../src/server/store';
import { snapshotCache } from '../src/server/snapshotCache';
import { testPayoutRules, testTask } from '../test/support/feedServer';

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  const [db, tasksArg] = process.argv.slice(2) as [string, string | undefined];
  const total = Number(tasksArg ?? 100_000);
  const store = openStore(db);
  const now = Date.now();
  await store.migrate(now);
  // The filled brand's id, kept beside the run so a later run reuses the database.
  const idFile = join(tmpdir(), `snapbuild-${createHash('sha1').update(db).digest('hex')}.brand`);
  let brandId = existsSync(idFile) ? readFileSync(idFile, 'utf8') : undefined;
  if (!brandId) {
    const { brand } = await store.createBrand({ name: 'Bench Brand', currency: 'EUR' }, now);
    await store.setPayoutRules(brand.id, testPayoutRules, now);
    for (let i = 0; i < total; i += 500) {
      const items = Array.from({ length: Math.min(500, total - i) }, (_, k) =>
        TaskPush.parse(testTask(`ref-${i + k}`, i + k)),
      );
      await store.upsertTasks(brand.id, items, now);
    }
    brandId = brand.id;
    writeFileSync(idFile, brandId);
  }
  const rounds = Number(process.env.ROUNDS ?? 3);
  const profiler = process.env.PROFILE ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
  }
  for (let round = 0; round < rounds; round++) {
    // A new cache each round: every round is a first advocate's build.
    const cache = snapshotCache(store.snapshots, () => 1);
    const t0 = cpu();
    const w0 = performance.now();
    // The last round's build is profiled: by then the code is warm, as a server's would be.
    if (profiler && round === rounds - 1) await profiler.post('Profiler.start');
    const snapshot = await cache.get(brandId, 1, false, ALL_CAPABILITIES);
    const br = await snapshot.body('br');
    const t1 = cpu();
    const w1 = performance.now();
    if (profiler && round === rounds - 1) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(process.env.PROFILE!, JSON.stringify(profile));
    }
    const json = await snapshot.body('identity');
    if (process.env.DUMP) writeFileSync(process.env.DUMP, json);
    console.log(
      JSON.stringify({
        buildCpuMs: Math.round(t1 - t0),
        wallMs: Math.round(w1 - w0),
        jsonMB: json.length / 1e6,
        brMB: br.length / 1e6,
        sha: createHash('sha256').update(json).digest('base64url').slice(0, 12),
        etag: snapshot.etag,
      }),
    );
  }
  await store.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
