import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/server';
import { localNotifier } from '../../../src/server/notifier';
import type { StoreContext } from '../../../src/server/store/context';
import { ownKysely } from '../../support/ownKysely';
import { heartbeats, streamClosed, streamOpened } from '../../../src/server/store/presence';
import { freshDb } from '../../support/serverBackends';
import { T0 } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A migrated database with one advocate, and a context on it counting its statements. */
async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-beats-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = await freshDb({ dir });
  const store = openStore(db);
  cleanups.push(() => store.close());
  await store.migrate(T0);
  const { brand } = await store.createBrand({ name: 'Beats', currency: 'EUR' }, T0);
  const inv = await store.invite(brand.id, { email: 'b@example.com', skills: [], tier: 1 }, T0);
  const advocateId = (await store.redeem(inv.inviteCode, 'test', T0)).advocate.id;
  const counted = { statements: 0 };
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      counted.statements++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const { kdb: kysely, dialect, close } = ownKysely(db);
  cleanups.push(close);
  const ctx: StoreContext = {
    db: kysely.withPlugin(counter),
    dialect,
    notifier: localNotifier(),
    interleave: async () => {},
  };
  const seen = async () =>
    new Map(
      (await kysely.selectFrom('presence').select(['stream_id', 'seen_at']).execute()).map((r) => [
        r.stream_id,
        Number(r.seen_at),
      ]),
    );
  const open = async (streamId: string) =>
    streamOpened(ctx, { streamId, advocateId, quiet: null, timeZone: null }, T0);
  return { ctx, counted, seen, open };
}

describe('stream heartbeats', () => {
  it('beats within the window are written in one statement, each stream at least at its beat', async () => {
    const { ctx, counted, seen, open } = await setup();
    for (const id of ['s1', 's2', 's3']) await open(id);
    const beats = heartbeats(ctx, 30);
    const before = counted.statements;
    const written = [
      beats.alive('s1', T0 + 1_000),
      beats.alive('s2', T0 + 1_005),
      beats.alive('s3', T0 + 1_010),
    ];
    // Not written yet: the batch waits for its window.
    expect((await seen()).get('s1')).toBe(T0);
    await Promise.all(written);
    expect(counted.statements - before).toBe(1);
    const rows = await seen();
    for (const id of ['s1', 's2', 's3']) expect(rows.get(id)).toBe(T0 + 1_010);
  });

  it('a beat after a batch was written goes into the next one', async () => {
    const { ctx, counted, seen, open } = await setup();
    await open('s1');
    const beats = heartbeats(ctx, 10);
    const before = counted.statements;
    await beats.alive('s1', T0 + 1_000);
    expect((await seen()).get('s1')).toBe(T0 + 1_000);
    await beats.alive('s1', T0 + 16_000);
    expect((await seen()).get('s1')).toBe(T0 + 16_000);
    expect(counted.statements - before).toBe(2);
  });

  it('a stream closed before its batch is written stays closed', async () => {
    const { ctx, seen, open } = await setup();
    for (const id of ['s1', 's2']) await open(id);
    const beats = heartbeats(ctx, 30);
    const written = [beats.alive('s1', T0 + 1_000), beats.alive('s2', T0 + 1_000)];
    await streamClosed(ctx, 's1');
    await Promise.all(written);
    const rows = await seen();
    expect(rows.has('s1')).toBe(false);
    expect(rows.get('s2')).toBe(T0 + 1_000);
  });

  it('flush writes the waiting beats at once (store close)', async () => {
    const { ctx, seen, open } = await setup();
    await open('s1');
    const beats = heartbeats(ctx, 60_000);
    const written = beats.alive('s1', T0 + 2_000);
    await beats.flush();
    await written;
    expect((await seen()).get('s1')).toBe(T0 + 2_000);
  });
});
