import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { openStore, type Store } from '../../../src/server/store';
import { ownKysely } from '../../support/ownKysely';
import { migrate, migrations } from '../../../src/server/store/migrations';
import { hashSecret } from '../../../src/server/store/secrets';
import { freshDb } from '../../support/serverBackends';
import { T0 } from './helpers';

describe('the tenancy migration on a database of migration 1', () => {
  let store: Store | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-migrate-'));
  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps admin keys, tokens (now expiring) and members with their invited address', async () => {
    const db = await freshDb({ dir });
    const { kdb, dialect, close } = ownKysely(db);
    const later = migrations.splice(1);
    try {
      await migrate(kdb, dialect, T0);
    } finally {
      migrations.push(...later);
    }
    const old = kdb as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await old
      .insertInto('brands')
      .values({
        id: 'b1',
        name: 'Old',
        currency: 'EUR',
        lease_minutes: 30,
        admin_key_hash: hashSecret('gdk_old'),
        created_at: T0,
      })
      .execute();
    await old
      .insertInto('advocates')
      .values({ id: 'a1', email: 'ana@example.com', name: 'Ana', handle: 'ana', created_at: T0 })
      .execute();
    await old
      .insertInto('memberships')
      .values({
        brand_id: 'b1',
        advocate_id: 'a1',
        tier: 1,
        skills: '[]',
        suspended: 0,
        joined_at: T0,
      })
      .execute();
    await old
      .insertInto('tokens')
      .values({
        token_hash: hashSecret('gdt_old'),
        advocate_id: 'a1',
        device_name: 'x',
        created_at: T0,
        revoked_at: null,
      })
      .execute();
    await close();

    store = openStore(db);
    await store.migrate(T0);
    let now = T0;
    const { app } = await buildApp(store, { now: () => now });
    const me = await app.inject({ url: '/v1/me', headers: { authorization: 'Bearer gdt_old' } });
    expect(me.statusCode).toBe(200);
    expect(me.json().brands.map((b: { id: string }) => b.id)).toEqual(['b1']);
    const list = await app.inject({
      url: '/v1/admin/advocates',
      headers: { authorization: 'Bearer gdk_old' },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().advocates[0]).toMatchObject({ id: 'a1', email: 'ana@example.com' });
    // A brand invites the same address: a new identity, no clash with the old unique column.
    const inv = await app.inject({
      method: 'POST',
      url: '/v1/admin/advocates',
      headers: { authorization: 'Bearer gdk_old' },
      payload: { email: 'ana@example.com' },
    });
    expect(inv.json().advocateId).toBe('a1');
    now = T0 + 31 * 24 * 3600_000;
    expect(
      (await app.inject({ url: '/v1/me', headers: { authorization: 'Bearer gdt_old' } }))
        .statusCode,
    ).toBe(401);
    await app.close();
  });
});
