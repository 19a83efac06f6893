import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppUrl, externalUrl } from '../../../src/main/appUrl';
import { registerIpc } from '../../../src/main/ipc';
import { channelNames } from '../../../src/shared/contract';
import { createTestCore, type TestCore } from '../../support/core';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

/** A test double of electron's ipcMain: records handlers and lets a test invoke them. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handle: (channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    invoke: (channel: string, input: unknown, frameUrl: string) => {
      const listener = handlers.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      return listener({ senderFrame: { url: frameUrl } } as unknown as IpcMainInvokeEvent, input);
    },
    handlers,
  };
}

let core: TestCore;
let ipc: ReturnType<typeof fakeIpcMain>;
beforeEach(() => {
  core = createTestCore();
  ipc = fakeIpcMain();
  registerIpc(ipc, core.handlers, { isAppUrl: (url) => isAppUrl(url) });
});
afterEach(() => core.close());

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('answers the app own page with a Result', async () => {
    const answer = await ipc.invoke('settings:get', undefined, 'app://gigdesk/index.html');
    expect(answer).toMatchObject({ ok: true, value: { theme: 'system' } });
  });

  it.each([
    'https://evil.example/',
    'app://gigdesk.evil/index.html',
    'file:///etc/passwd',
    'about:blank',
    '',
  ])('refuses a sender at %j', async (url) => {
    const answer = await ipc.invoke('settings:set', { theme: 'dark' }, url);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(core.db.prepare('SELECT COUNT(*) FROM settings').pluck().get()).toBe(0);
  });

  it('answers settings:set with a wrong type as invalid_input, not a crash', async () => {
    const answer = await ipc.invoke('settings:set', { theme: 7 }, 'app://gigdesk/index.html');
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((answer as { error: { message: string } }).error.message).toContain('theme');
  });
});

describe('app URLs', () => {
  it('trusts the dev server origin only when one is given', () => {
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('lets only http(s) links out to the system browser', () => {
    expect(externalUrl('https://help.example.com/a?b=1')).toBe('https://help.example.com/a?b=1');
    expect(externalUrl('javascript:alert(1)')).toBeNull();
    expect(externalUrl('file:///etc/passwd')).toBeNull();
    expect(externalUrl('not a url')).toBeNull();
  });
});
