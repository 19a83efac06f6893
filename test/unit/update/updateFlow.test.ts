import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type IncomingMessage, type RequestOptions } from 'node:http';
import {
  AppImageUpdater,
  DebUpdater,
  MacUpdater,
  NsisUpdater,
  type AppUpdater,
} from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpdateController, type UpdateController } from '../../../src/core/update';
import { appUpdaterSource } from '../../../src/main/updater';
import type { UpdateStatus } from '../../../src/shared/contract/update';
import {
  fakeAppImage,
  releaseKeys,
  sha512,
  startUpdateServer,
  strangerKeys,
  type Release,
  type UpdateServer,
} from './updateServer';

const requireHere = createRequire(__filename);

/** Its last 4 bytes put this installation at the 90th percentile of a staged rollout. */
const STAGING_ID_AT_90_PERCENT = '4b5a9e2c-1d3f-5a6b-8c7d-0000e6666666';

interface Harness {
  updater: AppUpdater;
  controller: UpdateController;
  statuses: UpdateStatus[];
  /** Failures in full detail (what the log gets). */
  errors: unknown[];
  cacheDir: string;
}

let dir: string;
let server: UpdateServer;
let savedAppImage: string | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-update-'));
  savedAppImage = process.env['APPIMAGE'];
  // The running AppImage that electron-updater would replace.
  process.env['APPIMAGE'] = join(dir, 'Gigdesk-1.0.0.AppImage');
  writeFileSync(process.env['APPIMAGE'], fakeAppImage(1024));
});

afterEach(async () => {
  await server?.close();
  if (savedAppImage === undefined) delete process.env['APPIMAGE'];
  else process.env['APPIMAGE'] = savedAppImage;
  rmSync(dir, { recursive: true, force: true });
});

/**
 * electron-updater's own executor (its download() with the sha512 check is what the app runs);
 * only the transport under it, Electron's `net.request`, is swapped for Node's http.
 */
class LoopbackHttpExecutor extends ElectronHttpExecutor {
  override createRequest(
    options: RequestOptions,
    callback: (response: IncomingMessage) => void,
  ): ReturnType<ElectronHttpExecutor['createRequest']> {
    // Node's ClientRequest has the surface builder-util-runtime uses (on, end, abort, headers).
    return request(options, callback) as unknown as ReturnType<
      ElectronHttpExecutor['createRequest']
    >;
  }
}

/** The real electron-updater AppImageUpdater, driven in Node through a test AppAdapter. */
type MakeUpdater = (app: AppAdapter) => AppUpdater;

function harness(make: MakeUpdater = (app) => new AppImageUpdater(null, app)): Harness {
  const userData = join(dir, 'userData');
  const cacheBase = join(dir, 'cache');
  const configPath = join(dir, 'app-update.yml');
  writeFileSync(
    configPath,
    `provider: generic\nurl: ${server.url}\nupdaterCacheDirName: gigdesk-updater\n`,
  );
  const app: AppAdapter = {
    version: '1.0.0',
    name: 'Gigdesk',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: userData,
    baseCachePath: cacheBase,
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const updater = make(app);
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor =
    new LoopbackHttpExecutor();
  updater.disableDifferentialDownload = true;
  updater.logger = null;
  const statuses: UpdateStatus[] = [];
  const errors: unknown[] = [];
  const controller = createUpdateController({
    source: appUpdaterSource(updater, releaseKeys.publicKey),
    now: () => Date.now(),
    onStatus: (status) => void statuses.push(status),
    onError: (error) => void errors.push(error),
  });
  return { updater, controller, statuses, errors, cacheDir: join(cacheBase, 'gigdesk-updater') };
}

const signed = (release: Release): Release => ({ ...release, signedWith: releaseKeys.privateKey });

/**
 * Whether electron-updater has armed its install-when-the-app-quits handler (macOS' updater
 * has none: there only a downloaded file reaches the native installer).
 */
const installsOnQuit = (updater: AppUpdater): boolean =>
  (updater as unknown as { quitHandlerAdded?: boolean }).quitHandlerAdded === true;

const downloadedFiles = (cacheDir: string): string[] => {
  const pending = join(cacheDir, 'pending');
  return existsSync(pending) ? readdirSync(pending).filter((f) => f.endsWith('.AppImage')) : [];
};

describe('auto-update against a generic update server on loopback', () => {
  it('offers a newer version, downloads only after consent, and installs on request', async () => {
    const file = fakeAppImage();
    server = await startUpdateServer(signed({ version: '1.1.0', file }));
    const { updater, controller, statuses, cacheDir } = harness();
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(true);

    const checked = await controller.check();
    expect(checked).toMatchObject({
      state: 'available',
      version: '1.1.0',
      currentVersion: '1.0.0',
    });
    expect(checked.lastCheckedAt).toEqual(expect.any(Number));
    // Consent first: the file was never requested by the check.
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests.filter((p) => p.endsWith('.AppImage'))).toEqual([]);

    expect(controller.download().state).toBe('downloading');
    await controller.settled();
    expect(controller.status()).toMatchObject({ state: 'downloaded', version: '1.1.0' });
    expect(statuses.map((s) => s.state)).toEqual([
      'checking',
      'available',
      'downloading',
      'downloading',
      'downloaded',
    ]);
    expect(statuses.find((s) => s.progress?.percent === 100)?.progress?.totalBytes).toBe(
      file.length,
    );

    const [downloaded] = downloadedFiles(cacheDir);
    expect(downloaded).toBe('Gigdesk-1.1.0.AppImage');
    expect(readFileSync(join(cacheDir, 'pending', downloaded!)).equals(file)).toBe(true);

    // Installing now: refused while a ticket is open, done through the updater otherwise.
    const quitAndInstall = vi.spyOn(updater, 'quitAndInstall').mockImplementation(() => undefined);
    expect(() => controller.installNow(true)).toThrow(/open ticket/);
    expect(quitAndInstall).not.toHaveBeenCalled();
    expect(controller.status().state).toBe('downloaded');
    controller.installNow(false);
    expect(quitAndInstall).toHaveBeenCalledOnce();
  });

  it('answers "no update" when the server offers the running version', async () => {
    server = await startUpdateServer(signed({ version: '1.0.0', file: fakeAppImage() }));
    const { controller } = harness();
    const status = await controller.check();
    expect(status).toMatchObject({ state: 'idle', version: null, error: null });
    expect(status.lastCheckedAt).toEqual(expect.any(Number));
    expect(() => controller.download()).toThrow(/no update waiting/);
  });

  it('refuses a download whose sha512 does not match latest-linux.yml, and keeps nothing', async () => {
    const file = fakeAppImage();
    const other = fakeAppImage();
    server = await startUpdateServer(
      signed({ version: '1.1.0', file, publishedSha512: sha512(other) }),
    );
    const { controller, cacheDir } = harness();
    await controller.check();
    controller.download();
    await controller.settled();
    expect(controller.status()).toMatchObject({ state: 'error' });
    expect(controller.status().error).toMatch(/checksum/);
    expect(downloadedFiles(cacheDir)).toEqual([]);
    expect(() => controller.installNow(false)).toThrow(/No update has been downloaded/);
    // A later check starts over from the error.
    expect((await controller.check()).state).toBe('available');
  });

  it('a staged rollout that has not reached this installation offers nothing', async () => {
    server = await startUpdateServer(
      signed({ version: '1.1.0', file: fakeAppImage(), stagingPercentage: 50 }),
    );
    const first = harness();
    const userData = join(dir, 'userData');
    rmSync(userData, { recursive: true, force: true });
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, '.updaterId'), STAGING_ID_AT_90_PERCENT);
    expect((await first.controller.check()).state).toBe('idle');

    // The same installation is in once the rollout passes its percentile. Raising it needs no
    // new signature: the percentage decides who gets the signed release, not which bytes.
    server.release = {
      ...server.release,
      tamper: (yml) => yml.replace('stagingPercentage: 50', 'stagingPercentage: 95'),
    };
    expect(await harness().controller.check()).toMatchObject({
      state: 'available',
      version: '1.1.0',
    });
  });

  it('reports an unreachable server quietly, as a status with a plain reason', async () => {
    server = await startUpdateServer(signed({ version: '1.1.0', file: fakeAppImage() }));
    const { controller } = harness();
    await server.close();
    const status = await controller.check();
    expect(status.state).toBe('error');
    expect(status.error).toMatch(/Could not reach the update server/);
    server = await startUpdateServer(signed({ version: '1.1.0', file: fakeAppImage() }));
  });
});

describe('only manifests signed with the release key are installed', () => {
  /**
   * The refusal as the advocate and the updater see it: an error status saying why, the
   * installer never requested, electron-updater holding no offer it could download, nothing in
   * its cache, and nothing to install.
   */
  async function expectRefused(h: Harness, reason: RegExp): Promise<void> {
    const status = await h.controller.check();
    expect(status).toMatchObject({ state: 'error', version: null });
    expect(status.error).toMatch(/not signed with the Gigdesk release key/);
    expect(h.statuses.at(-1)).toEqual(status);
    expect(String(h.errors.at(-1))).toMatch(reason);
    expect(() => h.controller.download()).toThrow(/no update waiting/);
    await expect(h.updater.downloadUpdate()).rejects.toThrow(/check update first/);
    expect(() => h.controller.installNow(false)).toThrow(/No update has been downloaded/);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests.filter((p) => p.endsWith('.AppImage'))).toEqual([]);
    expect(downloadedFiles(h.cacheDir)).toEqual([]);
    expect(installsOnQuit(h.updater)).toBe(false);
  }

  it('refuses an unsigned manifest whose sha512 matches the file', async () => {
    const file = fakeAppImage();
    server = await startUpdateServer({ version: '1.1.0', file, publishedSha512: sha512(file) });
    const h = harness();
    await expectRefused(h, /is not signed/);
    // The same release, signed, is then accepted and installs.
    server.release = signed(server.release);
    expect((await h.controller.check()).state).toBe('available');
    h.controller.download();
    await h.controller.settled();
    expect(h.controller.status().state).toBe('downloaded');
    expect(downloadedFiles(h.cacheDir)).toEqual(['Gigdesk-1.1.0.AppImage']);
    expect(installsOnQuit(h.updater)).toBe(true);
  });

  /** Windows' updater, reading latest.yml as it does on win32. */
  const nsis: MakeUpdater = (app) => {
    const updater = new NsisUpdater(null, app);
    (updater as unknown as { _testOnlyOptions: object })._testOnlyOptions = {
      platform: 'win32',
      isUseDifferentialDownload: false,
    };
    return updater;
  };

  /**
   * macOS' updater, reading latest-mac.yml as it does on darwin. It hands downloads to
   * Electron's native autoUpdater, which Node does not have: a bare emitter stands in for it.
   */
  const mac: MakeUpdater = (app) => {
    const electron = requireHere.resolve('electron', {
      paths: [requireHere.resolve('electron-updater')],
    });
    requireHere.cache[electron] ??= { exports: { autoUpdater: new EventEmitter() } } as NodeModule;
    const updater = new MacUpdater(undefined, app);
    (updater as unknown as { _testOnlyOptions: object })._testOnlyOptions = { platform: 'darwin' };
    return updater;
  };

  it.each<[string, MakeUpdater, string]>([
    ['AppImage', (app) => new AppImageUpdater(null, app), '/latest-linux.yml'],
    ['deb (installs as root)', (app) => new DebUpdater(null, app), '/latest-linux.yml'],
    ['NSIS (Windows)', nsis, '/latest.yml'],
    ['macOS', mac, '/latest-mac.yml'],
  ])(
    'the %s updater refuses an unsigned manifest and takes the signed one',
    async (_n, make, yml) => {
      server = await startUpdateServer({ version: '1.1.0', file: fakeAppImage() });
      const h = harness(make);
      await expectRefused(h, /is not signed/);
      expect(server.requests).toContain(yml);
      server.release = signed(server.release);
      expect(await h.controller.check()).toMatchObject({ state: 'available', version: '1.1.0' });
    },
  );

  it('refuses a manifest signed with another key', async () => {
    server = await startUpdateServer({
      version: '1.1.0',
      file: fakeAppImage(),
      signedWith: strangerKeys.privateKey,
    });
    await expectRefused(harness(), /does not match the release key/);
  });

  it.each<[string, (yml: string, other: Buffer) => string, RegExp]>([
    // The host swaps in its own file and publishes that file's (correct) hash and size.
    [
      'swapped file and hash',
      (yml, other) =>
        yml
          .replaceAll(/sha512: .*/g, `sha512: ${sha512(other)}`)
          .replace(/size: \d+/, `size: ${other.length}`),
      /does not match/,
    ],
    ['newer version', (yml) => yml.replace('version: 1.1.0', 'version: 1.1.1'), /does not match/],
    [
      'other url',
      (yml) => yml.replaceAll('Gigdesk-1.1.0.AppImage', 'Gigdesk-evil.AppImage'),
      /does not match/,
    ],
    ['added field', (yml) => `${yml}minimumSystemVersion: 1.0.0\n`, /does not match/],
    [
      'signature not canonical base64',
      (yml) => yml.replace(/signature: (.*)/, 'signature: .$1'),
      /malformed/,
    ],
    ['signature emptied', (yml) => yml.replace(/signature: .*/, "signature: ''"), /is not signed/],
  ])('refuses a signed manifest tampered after signing: %s', async (_name, tamper, reason) => {
    const other = fakeAppImage();
    server = await startUpdateServer({
      version: '1.1.0',
      file: other,
      signedWith: releaseKeys.privateKey,
      publishedSha512: sha512(fakeAppImage()),
      tamper: (yml) => tamper(yml, other),
    });
    await expectRefused(harness(), reason);
  });
});
