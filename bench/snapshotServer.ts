/**
 * The feed server for the sync suite's initial-sync figures, in its own process so that its CPU
 * is its own: `node --import tsx bench/snapshotServer.ts <db file> <tasks> <advocates>`. Fills
 * one brand with `tasks` tasks and invites `advocates`,
 * (tier 1), then prints `{"url", "tokens"}`; answers each line `cpu` on stdin with its CPU time in ms,
 * `builds` with the brand snapshots built so far, and `touch N` by changing the first N tasks'
 * subjects (then `ok`).
 */
import { createInterface } from 'node:readline';
import { startServer } from '../src/server';
import { TaskPush } from '../src/shared/protocol';
import { testPayoutRules, testTask } from '../test/support/feedServer';

async function main(): Promise<void> {
  const [db, tasksArg, advocatesArg] = process.argv.slice(2) as [string, string, string];
  const server = await startServer({ db, port: 0, logger: false, rateLimitMax: 1_000_000 });
  const store = server.store;
  const now = Date.now();
  const { brand } = await store.createBrand({ name: 'Bench Brand', currency: 'EUR' }, now);
  await store.setPayoutRules(brand.id, testPayoutRules, now);
  const total = Number(tasksArg);
  for (let i = 0; i < total; i += 500) {
    const items = Array.from({ length: Math.min(500, total - i) }, (_, k) =>
      TaskPush.parse(testTask(`ref-${i + k}`, i + k)),
    );
    await store.upsertTasks(brand.id, items, now);
  }
  const tokens: string[] = [];
  for (let a = 0; a < Number(advocatesArg); a++) {
    const inv = await store.invite(
      brand.id,
      { email: `a${a}@example.com`, skills: [], tier: 1 },
      now,
    );
    tokens.push((await store.redeem(inv.inviteCode, 'bench', now)).token);
  }
  // Counts brand snapshot builds, to show that advocates after the first are served the cache.
  let builds = 0;
  const buildBrand = store.snapshots.brandParts.bind(store.snapshots);
  store.snapshots.brandParts = (...args) => {
    builds++;
    return buildBrand(...args);
  };
  process.stdout.write(`${JSON.stringify({ url: server.url, tokens })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'cpu') {
      const u = process.cpuUsage();
      process.stdout.write(`${(u.user + u.system) / 1000}\n`);
    } else if (line === 'builds') {
      process.stdout.write(`${builds}\n`);
    } else if (line.startsWith('touch ')) {
      const count = Number(line.slice(6));
      for (let i = 0; i < count; i += 500) {
        const items = Array.from({ length: Math.min(500, count - i) }, (_, k) =>
          TaskPush.parse(testTask(`ref-${i + k}`, i + k, { subject: `Updated question ${i + k}` })),
        );
        await store.upsertTasks(brand.id, items, Date.now());
      }
      process.stdout.write('ok\n');
    }
  }
  await server.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
