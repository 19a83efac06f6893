/**
 * The shared brand snapshot's one-time build, by stage, for profiling:
 * `node --import tsx [--cpu-prof] bench/snapshotBuildProfile.ts <sqlite file | postgres:// URL> [tasks]`.
 * Fills one brand with `tasks` tasks (default 100,000) unless the database already holds it,
 * then builds its tier-1 snapshot three times as the cache does and prints the CPU of each stage.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_CAPABILITIES } from '../src/shared/capabilities';
import { TaskPush } from '../src/shared/protocol';
import { openStore } from '../src/server/store';
import { encode } from '../src/server/snapshotCache';
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
  for (let round = 0; round < rounds; round++) {
    const t0 = cpu();
    const w0 = performance.now();
    const snapshot = await store.snapshots.brand(brandId, 1, false, 1, ALL_CAPABILITIES);
    const t1 = cpu();
    const json = Buffer.from(JSON.stringify(snapshot));
    const t2 = cpu();
    const sha = createHash('sha256').update(json).digest('base64url').slice(0, 12);
    const t3 = cpu();
    if (process.env.DUMP) writeFileSync(process.env.DUMP, json);
    const br = await encode(json, 'br');
    const t4 = cpu();
    const w1 = performance.now();
    console.log(
      JSON.stringify({
        tasks: snapshot.tasks.rows.length,
        readRenderCpuMs: Math.round(t1 - t0),
        stringifyCpuMs: Math.round(t2 - t1),
        hashCpuMs: Math.round(t3 - t2),
        brotliCpuMs: Math.round(t4 - t3),
        totalCpuMs: Math.round(t4 - t0),
        wallMs: Math.round(w1 - w0),
        jsonMB: json.length / 1e6,
        brMB: br.length / 1e6,
        sha,
      }),
    );
  }
  await store.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
