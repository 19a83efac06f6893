import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signManifestText } from '../../../scripts/signRelease';
import { verifyManifest } from '../../../src/core/update';
import { fakeAppImage, latestLinuxYml, sha512 } from './updateServer';

const root = join(__dirname, '../../..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const script = join(root, 'scripts/signRelease.ts');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-sign-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [tsx, script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GIGDESK_RELEASE_KEY: '', ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const parsed = (text: string): unknown =>
  parseUpdateInfo(text, 'latest-linux.yml', new URL('file:///latest-linux.yml'));

describe('scripts/signRelease.ts (the release signing step)', () => {
  it('makes a key, signs a release folder the app then accepts, and refuses a wrong installer', () => {
    const keyFile = join(dir, 'release.pem');
    const made = run(['keygen', keyFile]);
    expect(made.code).toBe(0);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    const publicKey = createPublicKey(createPrivateKey(readFileSync(keyFile)));
    expect(made.out).toContain(publicKey.export({ type: 'spki', format: 'pem' }) as string);
    // Never overwrites a release key.
    expect(run(['keygen', keyFile]).code).not.toBe(0);

    const dist = join(dir, 'dist');
    const file = fakeAppImage(4096);
    const release = { version: '1.1.0', file };
    mkdirSync(dist);
    writeFileSync(join(dist, 'Gigdesk-1.1.0.AppImage'), file);
    const manifestPath = join(dist, 'latest-linux.yml');
    writeFileSync(manifestPath, latestLinuxYml(release));

    const signedRun = run([dist], { GIGDESK_RELEASE_KEY: keyFile });
    expect(signedRun.err).toBe('');
    expect(signedRun.code).toBe(0);
    const signed = readFileSync(manifestPath, 'utf8');
    expect(signed.startsWith(latestLinuxYml(release))).toBe(true);
    expect(() => verifyManifest(parsed(signed), publicKey)).not.toThrow();
    // Signing again replaces the signature instead of adding a second one.
    const again = signManifestText(signed, createPrivateKey(readFileSync(keyFile)));
    expect(again.match(/^signature:/gm)).toHaveLength(1);
    expect(() => verifyManifest(parsed(again), publicKey)).not.toThrow();

    // A manifest whose hash does not describe the installer next to it is not signed.
    const unsigned = latestLinuxYml({ ...release, publishedSha512: sha512(fakeAppImage(10)) });
    writeFileSync(manifestPath, unsigned);
    const refused = run(['--key', keyFile, dist]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/sha512 of Gigdesk-1.1.0.AppImage differs/);
    expect(readFileSync(manifestPath, 'utf8')).toBe(unsigned);
  }, 60_000);

  it('refuses to run without a key', () => {
    const result = run([dir]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/usage/);
  }, 30_000);
});
