/**
 * The audit entry is written just after its change commits. A failed write is retried, and one
 * that keeps failing is never silent: the entry goes to the error log and the answer says so.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../helpers';

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

  it('logs the whole entry and marks the answer when every attempt fails', async () => {
    const restore = failing(Infinity);
    const r = await settings(800);
    restore();
    // The change happened: the answer says so, and that its audit entry is missing.
    expect(r.status).toBe(200);
    expect(r.headers.get('x-gigdesk-audit')).toBe('not-recorded');
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.auditEntry);
    expect(logged).toMatchObject({
      level: 50,
      msg: 'audit entry not written; the change was applied',
      auditEntry: { brandId: s.brandId, action: 'PUT /v1/admin/settings', status: 200 },
    });
    expect((await audit()).filter((e) => e.action === 'PUT /v1/admin/settings')).toHaveLength(1);
  });
});
