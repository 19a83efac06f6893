/**
 * The feed server for the sync suite's initial-sync figures, in its own process so that its CPU
 * is its own: `node --import tsx bench/snapshotServer.ts <db file or postgres URL> <tasks>
 * <advocates>`. Invites `advocates` (tier 1), then fills one brand with `tasks` tasks in batches
 * of 500, the last through the admin API as a brand's import arrives (so its snapshot is built
 * ahead once the pushes pause), then prints `{"url", "tokens"}`; answers each line `cpu` on stdin with its CPU
 * time in ms, `builds` with the brand snapshots built so far, `warmed` once every build started has
 * ended (then `ok`), `invite T` with a new advocate's token at tier T, and `touch N` by changing
 * the first N tasks' subjects (then `ok`).
 */
import { createInterface } from 'node:readline';
import { startServer } from '../src/server';
import { TaskPush } from '../src/shared/protocol';
import { testPayoutRules, testTask } from '../test/support/feedServer';

async function main(): Promise<void> {
  const [db, tasksArg, advocatesArg] = process.argv.slice(2) as [string, string, string];
  let ended = 0;
  let endedNow = () => {};
  const server = await startServer({
    db,
    port: 0,
    logger: false,
    rateLimitMax: 1_000_000,
    snapshotCache: {
      onBuilt: () => {
        ended++;
        endedNow();
      },
    },
  });
  const store = server.store;
  // Counts brand snapshot builds, to show that advocates after the first are served the cache.
  let builds = 0;
  const buildBrand = store.snapshots.brandParts.bind(store.snapshots);
  store.snapshots.brandParts = (...args) => {
    builds++;
    return buildBrand(...args);
  };
  const now = Date.now();
  const { brand, adminKey } = await store.createBrand(
    { name: 'Bench Brand', currency: 'EUR' },
    now,
  );
  await store.setPayoutRules(brand.id, testPayoutRules, now);
  let invited = 0;
  const invite = async (tier: number) => {
    const email = `a${invited++}@example.com`;
    const inv = await store.invite(brand.id, { email, skills: [], tier }, now);
    return (await store.redeem(inv.inviteCode, 'bench', now)).token;
  };
  const tokens: string[] = [];
  for (let a = 0; a < Number(advocatesArg); a++) tokens.push(await invite(1));
  const total = Number(tasksArg);
  for (let i = 0; i < total; i += 500) {
    const items = Array.from({ length: Math.min(500, total - i) }, (_, k) =>
      TaskPush.parse(testTask(`ref-${i + k}`, i + k)),
    );
    // The import's last batch through the admin API (its success is what builds ahead); the
    // others written straight to the store at one instant, so every run holds the same rows.
    if (i + 500 < total) {
      await store.upsertTasks(brand.id, items, now);
      continue;
    }
    const r = await fetch(`${server.url}/v1/admin/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(items),
    });
    if (!r.ok) throw new Error(`push ${i}: ${r.status} ${await r.text()}`);
  }
  process.stdout.write(`${JSON.stringify({ url: server.url, tokens })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'cpu') {
      const u = process.cpuUsage();
      process.stdout.write(`${(u.user + u.system) / 1000}\n`);
    } else if (line === 'builds') {
      process.stdout.write(`${builds}\n`);
    } else if (line === 'warmed') {
      // The build ahead starts once the pushes pause (2 s): wait for it to start, then to end.
      const until = Date.now() + 10_000;
      while (builds === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      while (ended < builds) await new Promise<void>((r) => (endedNow = r));
      process.stdout.write('ok\n');
    } else if (line.startsWith('invite ')) {
      process.stdout.write(`${await invite(Number(line.slice(7)))}\n`);
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
