import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags this machine's Chromium needs: no sandbox as root, no network chatter, headless. */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const systemCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/**
 * A Chromium for the end-to-end tests: `GIGDESK_CHROMIUM`, else the system's (Debian's
 * /usr/bin/chromium), else Playwright's own, downloaded on first use where there is internet.
 */
export function findChromium(): string {
  const override = process.env['GIGDESK_CHROMIUM'];
  if (override) {
    if (!existsSync(override))
      throw new Error(`GIGDESK_CHROMIUM points at ${override}, which does not exist.`);
    return override;
  }
  const system = systemCandidates.find((path) => existsSync(path));
  if (system) return system;
  const bundled = chromium.executablePath();
  if (existsSync(bundled)) return bundled;
  try {
    execFileSync(
      process.execPath,
      [require.resolve('@playwright/test/cli'), 'install', 'chromium'],
      {
        stdio: 'inherit',
      },
    );
  } catch {
    // Reported below.
  }
  if (existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`), ' +
      'or set GIGDESK_CHROMIUM to a Chromium or Chrome binary, or give this machine internet so ' +
      'Playwright can download its own.',
  );
}
