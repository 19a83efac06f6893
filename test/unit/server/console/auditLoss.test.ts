/**
 * The audit entry is written in the transaction of its change: when it cannot be written, the
 * change is not made either. A change made outside the store's write() is recorded after it,
 * and that write is retried.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ownKysely } from '../../../support/ownKysely';
import { type TestServer, testServer } from '../helpers';
import { dumpDb } from './harness';

describe('audit entries that cannot be written', () => {
  let s: TestServer;
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  beforeAll(async () => {
    s = await testServer({ logger: { level: 'error', stream } });
  });
  afterAll(() => s.close());

  const failing = (times: number) => {
    const real = s.store.console.appendAudit;
    let failures = 0;
    s.store.console.appendAudit = async (...args) => {
      if (failures++ < times) throw new Error('database is locked');
      return real(...args);
    };
    return () => (s.store.console.appendAudit = real);
  };
  const settings = (cost: number) =>
    s.call('PUT', '/v1/admin/settings', {
      token: s.adminKey,
      body: { contactCentreCostMinor: cost },
    });
  const audit = async () =>
    (await s.call('GET', '/v1/admin/audit', { token: s.adminKey })).body.entries as {
      action: string;
    }[];

  it('retries a failed write: the entry lands', async () => {
    const restore = failing(2);
    const r = await settings(700);
    restore();
    expect(r.status).toBe(200);
    expect(r.headers.get('x-gigdesk-audit')).toBeNull();
    expect((await audit()).filter((e) => e.action === 'PUT /v1/admin/settings')).toHaveLength(1);
  });

  it('leaves no change when its audit entry cannot be written in the same transaction', async () => {
    const own = ownKysely<Record<string, never>>(s.db);
    const kdb = own.kdb;
    // The database itself refuses this route's entry (the store's own code cannot be skipped).
    const pg = s.db.startsWith('postgres');
    if (pg) {
      await sql`create function refuse_settings_audit() returns trigger language plpgsql as $$
        begin if new.action = 'PUT /v1/admin/settings' then raise exception 'audit refused';
        end if; return new; end $$`.execute(kdb);
      await sql`create trigger refuse_settings_audit before insert on audit_log
        for each row execute function refuse_settings_audit()`.execute(kdb);
    } else {
      await sql`create trigger refuse_settings_audit before insert on audit_log
        when new.action = 'PUT /v1/admin/settings'
        begin select raise(abort, 'audit refused'); end`.execute(kdb);
    }
    const before = await dumpDb(s.db);
    try {
      const r = await settings(900);
      expect(r.status).toBeGreaterThanOrEqual(500);
      const { audit_log: _, ...rest } = await dumpDb(s.db);
      const { audit_log: __, ...was } = before;
      expect(rest).toEqual(was);
      const brand = await s.call('GET', '/v1/admin/brand', { token: s.adminKey });
      expect(brand.status).toBe(200);
    } finally {
      await sql`drop trigger refuse_settings_audit${pg ? sql` on audit_log` : sql``}`.execute(kdb);
      await own.close();
    }
    // Once the entry can be written, the same change goes through with it.
    expect((await settings(900)).status).toBe(200);
    expect((await audit()).filter((e) => e.action === 'PUT /v1/admin/settings')).toHaveLength(2);
  });
});
