import { resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { serveDirectory } from '../support/staticServer';
import { startGigdeskApp, type GigdeskApp } from './harness';

export type { DemoHandle, GigdeskApp } from './harness';

const rendererRoot = resolve(__dirname, '../../out/renderer');

export const test = base.extend<{ gigdesk: GigdeskApp }, { rendererUrl: string }>({
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveDirectory(rendererRoot);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  gigdesk: async ({ page, rendererUrl }, use) => {
    const { close, ...app } = await startGigdeskApp(page, rendererUrl);
    await use(app);
    await close();
  },
});

export { expect } from '@playwright/test';
