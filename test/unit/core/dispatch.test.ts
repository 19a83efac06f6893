import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core';
import { latestSchemaVersion } from '../../../src/core/db/migrations';
import { channelNames, contract } from '../../../src/shared/contract';
import { defaultSettings } from '../../../src/shared/settings';
import { createTestCore, type TestCore } from '../../support/core';

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
});
afterEach(() => core.close());

describe('contract', () => {
  it('names every channel domain:action and gives it input and output schemas', () => {
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      expect(contract[name].input).toBeDefined();
      expect(contract[name].output).toBeDefined();
    }
  });

  it('has a handler for every channel, and every app:* answer matches its output schema', async () => {
    for (const name of channelNames) expect(typeof core.handlers[name]).toBe('function');
    for (const name of ['app:info', 'settings:get', 'session:status'] as const) {
      const result = await dispatch(core.handlers, name, undefined);
      expect(result.ok).toBe(true);
      if (result.ok) expect(contract[name].output.safeParse(result.value).success).toBe(true);
    }
  });
});

describe('dispatch', () => {
  it('answers app:info with the schema version of the open database', async () => {
    const result = await dispatch(core.handlers, 'app:info', {});
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Gigdesk', schemaVersion: latestSchemaVersion },
    });
  });

  it('stores settings and reads them back', async () => {
    expect(await dispatch(core.handlers, 'settings:get', undefined)).toEqual({
      ok: true,
      value: defaultSettings,
    });
    const set = await dispatch(core.handlers, 'settings:set', {
      theme: 'dark',
      timeZone: 'Europe/Berlin',
    });
    expect(set).toMatchObject({ ok: true, value: { theme: 'dark', timeZone: 'Europe/Berlin' } });
    expect(await dispatch(core.handlers, 'settings:get', undefined)).toMatchObject({
      ok: true,
      value: {
        theme: 'dark',
        timeZone: 'Europe/Berlin',
        notifications: defaultSettings.notifications,
      },
    });
  });

  it('answers invalid_input naming the field path, and changes nothing', async () => {
    const result = await dispatch(core.handlers, 'settings:set', {
      notifications: { enabled: 'yes', quietHours: null, minPayoutMinor: 0 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain('notifications.enabled');
    expect(core.db.prepare('SELECT COUNT(*) FROM settings').pluck().get()).toBe(0);
  });

  it('refuses unknown fields and unknown channels', async () => {
    const unknownField = await dispatch(core.handlers, 'settings:set', {
      theme: 'dark',
      evil: true,
    });
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknownChannel = await dispatch(core.handlers, 'fs:readFile', { path: '/etc/passwd' });
    expect(unknownChannel).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const prototypeKey = await dispatch(core.handlers, '__proto__', {});
    expect(prototypeKey).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('turns an unexpected failure into a generic internal error with no stack trace', async () => {
    const seen: unknown[] = [];
    core.db.close();
    const result = await dispatch(core.handlers, 'settings:get', undefined, {
      onInternalError: (_channel, error) => seen.push(error),
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong while handling settings:get.',
        // Worded by the app in the advocate's language; never the thrown text.
        text: { id: 'error.code.internal', values: {} },
      },
    });
    expect(seen).toHaveLength(1);
    core.db = createTestCore().db; // let afterEach close something open
  });
});
