import type { Page } from '@playwright/test';
import { dispatch, type Handlers } from '../../src/core';
import { channelNames, eventNames } from '../../src/shared/contract';

/**
 * Wires `window.gigdesk` in a Chromium page to the real handlers, exactly as the preload does in
 * Electron (one function per channel, `on` for contract events); only the IPC pipe is swapped
 * for Playwright's exposeBinding. The page code says `globalThis` (the page's window) so that this
 * file also compiles without DOM types: the render benchmark starts the app through it.
 */
export async function installBridge(page: Page, handlers: Handlers): Promise<void> {
  await page.exposeBinding('__gigdeskInvoke', (_source, channel: unknown, input: unknown) =>
    dispatch(handlers, channel, input),
  );
  await page.addInitScript(
    ({ channels, events }) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const invoke = (
        globalThis as unknown as { __gigdeskInvoke: (c: string, i: unknown) => Promise<unknown> }
      ).__gigdeskInvoke;
      const api: Record<string, unknown> = {};
      for (const name of channels) api[name] = (input?: unknown) => invoke(name, input);
      api['on'] = (event: string, listener: (payload: unknown) => void) => {
        if (!events.includes(event)) throw new Error(`Unknown event: ${event}`);
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      };
      Object.defineProperty(globalThis, 'gigdesk', { value: Object.freeze(api) });
      Object.defineProperty(globalThis, '__gigdeskEmit', {
        value: (event: string, payload: unknown) =>
          listeners.get(event)?.forEach((l) => l(payload)),
      });
    },
    { channels: channelNames as string[], events: eventNames as string[] },
  );
}

/** Pushes a contract event into the page, as `webContents.send` does in Electron. */
export async function emitToPage(page: Page, event: string, payload: unknown): Promise<void> {
  if (page.isClosed()) return;
  await page
    .evaluate(
      ([e, p]) =>
        (globalThis as unknown as { __gigdeskEmit: (e: string, p: unknown) => void }).__gigdeskEmit(
          e,
          p,
        ),
      [event, payload] as const,
    )
    .catch(() => undefined);
}
