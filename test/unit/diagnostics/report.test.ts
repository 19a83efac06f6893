import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core';
import { createTestCore, type TestCore } from '../../support/core';

const token = 'gdt_Q2hhbmdlTWVQbGVhc2VUaGlzSXNBRGV2aWNlVG9rZW4xMjM0NQ';
const invite = '7KQ2-M9XD-4WZR';
const body = 'My order 1234 never arrived and I am furious';

let core: TestCore | undefined;
afterEach(() => core?.close());

describe('app:diagnostics', () => {
  it('reports versions, schema, sync, outbox and recent errors, and no secret or message', async () => {
    core = createTestCore();
    const { db, services } = core;
    db.prepare(
      `INSERT INTO session (id, server_url, advocate_id, advocate_name, advocate_handle, signed_in_at)
       VALUES (1, 'https://ada:hunter2@feed.example.com/v1?token=${token}', 'adv-1', 'Ada Lovelace', 'ada', 0)`,
    ).run();
    services.secrets.set('deviceToken', token);
    db.prepare(
      `UPDATE sync_state SET cursor = 'c-42', last_synced_at = 1700000000000, last_error = ? WHERE id = 1`,
    ).run(`401 for Bearer ${token}`);
    const insert = db.prepare(
      `INSERT INTO outbox (idempotency_key, task_id, type, payload, created_at, attempts, last_error)
       VALUES (?, 't-1', 'reply', ?, 1700000000000, ?, ?)`,
    );
    insert.run('k-1', JSON.stringify({ body }), 3, `rejected: {"body":"${body}"}`);
    insert.run('k-2', JSON.stringify({ note: body }), 0, null);
    services.diagnostics.record({
      at: 1700000000000,
      level: 'error',
      message: `redeem ${invite} failed`,
    });
    services.diagnostics.record({ at: 1700000001000, level: 'warn', message: 'sync: ECONNRESET' });

    const result = await dispatch(core.handlers, 'app:diagnostics', undefined);
    if (!result.ok) throw new Error(result.error.message);
    const text = result.value as string;

    expect(text).toContain('Gigdesk 0.0.0-test');
    expect(text).toMatch(/Schema version: \d+/);
    expect(text).toContain('signed in to https://feed.example.com');
    expect(text).toContain('last synced 2023-11-14T22:13:20.000Z; cursor set');
    expect(text).toContain('Outbox: 2 waiting');
    expect(text).toContain('most attempts 3');
    expect(text).toContain('sync: ECONNRESET');
    expect(text).toContain('Update: idle');
    for (const secret of [token, invite, body, 'hunter2', 'Ada Lovelace', 'furious']) {
      expect(text).not.toContain(secret);
    }
    // Newest error first.
    expect(text.indexOf('ECONNRESET')).toBeLessThan(text.indexOf('redeem'));
  });

  it('works signed out on an empty store', async () => {
    core = createTestCore();
    const result = await dispatch(core.handlers, 'app:diagnostics', {});
    expect(result.ok && result.value).toMatch(
      /Session: signed out[\s\S]*Outbox: 0 waiting[\s\S]*Recent errors: none/,
    );
  });
});
