import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const require = createRequire(join(root, 'package.json'));
// electron-builder reads its yml with js-yaml; so does this test.
const { load } = require('js-yaml') as { load: (text: string) => unknown };

interface BuilderConfig {
  appId: string;
  linux: { target: string[]; icon: string };
  mac: { target: string; hardenedRuntime: boolean; entitlements: string; icon: string };
  win: {
    target: string;
    icon: string;
    forceCodeSigning: boolean;
    verifyUpdateCodeSignature: boolean;
    signtoolOptions: { publisherName: string[] };
  };
  electronFuses: Record<string, boolean>;
  publish: { provider: string; url: string };
}

const raw = load(readFileSync(join(root, 'electron.builder.yml'), 'utf8'));
const config = raw as BuilderConfig;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron.builder.yml (installers and the update feed)', () => {
  it("passes electron-builder's own configuration schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (c: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (on: boolean) => unknown;
    };
    await expect(validateConfiguration(raw, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, mac: { ...config.mac, hardenedRuntme: true } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/configuration/);
  }, 30_000);

  it('builds AppImage + deb, a hardened dmg and nsis, with icons and entitlements that exist', () => {
    expect(config.appId).toBe('com.gigdesk.app');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac).toMatchObject({ target: 'dmg', hardenedRuntime: true });
    expect(config.win.target).toBe('nsis');
    const entitlements = readFileSync(join(root, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
    expect(pngSize(join(root, config.linux.icon))).toEqual([512, 512]);
    expect(pngSize(join(root, config.mac.icon))).toEqual([512, 512]);
    expect(pngSize(join(root, config.win.icon))).toEqual([256, 256]);
    expect(existsSync(join(root, 'resources/icon.svg'))).toBe(true);
  });

  it('locks the fuses and publishes updates over https to a generic feed', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.publish.provider).toBe('generic');
    // Windows installs only Authenticode-signed updates from this publisher, and never builds unsigned.
    expect(config.win).toMatchObject({ forceCodeSigning: true, verifyUpdateCodeSignature: true });
    expect(config.win.signtoolOptions.publisherName).toEqual(['Gigdesk']);
    expect(new URL(config.publish.url).protocol).toBe('https:');
  });
});
