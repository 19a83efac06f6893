import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/core';
import { createUpdateController, type UpdateSource } from '../../../src/core/update';
import { createTestCore, type TestCore } from '../../support/core';

let core: TestCore | undefined;
afterEach(() => core?.close());

function coreWithUpdate(): { core: TestCore; installNow: ReturnType<typeof vi.fn> } {
  const installNow = vi.fn();
  const source: UpdateSource = {
    currentVersion: '1.0.0',
    check: async () => ({ version: '1.2.0', releaseNotes: 'Faster sync.' }),
    download: async (onProgress) => {
      onProgress({ percent: 100, transferredBytes: 10, totalBytes: 10, bytesPerSecond: 10 });
    },
    installNow,
  };
  const updates = createUpdateController({ source, now: () => 1_000, onStatus: () => undefined });
  core = createTestCore({ updates });
  return { core, installNow };
}

function claimTicket(c: TestCore, holder: string): void {
  c.db
    .prepare(
      `INSERT INTO session (id, server_url, advocate_id, advocate_name, advocate_handle, signed_in_at)
       VALUES (1, 'http://127.0.0.1:1', 'adv-1', 'Ada', 'ada', 0)`,
    )
    .run();
  c.db
    .prepare(
      `INSERT INTO tasks (id, brand_id, external_ref, subject, channel, complexity, status, holder_id, created_at, updated_at)
       VALUES ('t-1', 'b-1', 'ext-1', 'Refund', 'email', 1, 'claimed', ?, 0, 0)`,
    )
    .run(holder);
}

describe('update channels', () => {
  it('walk the policy through dispatch: status, check, download, install now', async () => {
    const { core: c, installNow } = coreWithUpdate();
    expect(await dispatch(c.handlers, 'update:status', undefined)).toMatchObject({
      ok: true,
      value: { state: 'idle', currentVersion: '1.0.0' },
    });
    const installEarly = await dispatch(c.handlers, 'update:installNow', undefined);
    expect(installEarly).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatch(c.handlers, 'update:check', {})).toMatchObject({
      ok: true,
      value: { state: 'available', version: '1.2.0', releaseNotes: 'Faster sync.' },
    });
    expect(await dispatch(c.handlers, 'update:download', undefined)).toMatchObject({
      ok: true,
      value: { state: 'downloading' },
    });
    await c.services.updates.settled();
    expect(c.services.updates.status().state).toBe('downloaded');
    expect(await dispatch(c.handlers, 'update:installNow', undefined)).toMatchObject({ ok: true });
    expect(installNow).toHaveBeenCalledOnce();
  });

  it('never restarts into an update while the advocate holds a ticket', async () => {
    const { core: c, installNow } = coreWithUpdate();
    claimTicket(c, 'adv-1');
    await c.services.updates.check();
    c.services.updates.download();
    await c.services.updates.settled();
    const result = await dispatch(c.handlers, 'update:installNow', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(installNow).not.toHaveBeenCalled();
    expect(c.services.updates.status().state).toBe('downloaded');
  });

  it('a ticket held by someone else does not block the restart', async () => {
    const { core: c, installNow } = coreWithUpdate();
    claimTicket(c, 'adv-2');
    await c.services.updates.check();
    c.services.updates.download();
    await c.services.updates.settled();
    expect(await dispatch(c.handlers, 'update:installNow', undefined)).toMatchObject({ ok: true });
    expect(installNow).toHaveBeenCalledOnce();
  });

  it('rejects input on every update channel', async () => {
    const { core: c } = coreWithUpdate();
    for (const ch of ['update:status', 'update:check', 'update:download', 'update:installNow']) {
      expect(await dispatch(c.handlers, ch, { force: true })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });
});
