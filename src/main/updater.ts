import { autoUpdater, type AppUpdater, type ProgressInfo, type UpdateInfo } from 'electron-updater';
import type { Emit } from '../core';
import type { KeyObject } from 'node:crypto';
import {
  createUpdateController,
  RELEASE_PUBLIC_KEY_PEM,
  releasePublicKey,
  verifyManifest,
  type UpdateController,
  type UpdateSource,
} from '../core/update';

const MAX_NOTES = 4000;

function notesText(notes: UpdateInfo['releaseNotes']): string | null {
  if (notes == null) return null;
  const text =
    typeof notes === 'string'
      ? notes
      : notes.map((n) => `${n.version}: ${n.note ?? ''}`).join('\n');
  return text.slice(0, MAX_NOTES) || null;
}

/**
 * Adapts electron-updater (any `AppUpdater`: the platform's `autoUpdater` in the app, a real
 * `AppImageUpdater` over a loopback server in tests) to the update policy in src/core/update.
 * The policy decides when to download and install; the updater itself never does on its own.
 *
 * Every manifest the server offers is verified against `releaseKey` inside electron-updater's
 * check, before it records the offer: an unsigned or wrongly signed one makes the check fail,
 * so there is nothing to download and nothing to install. The verified object is the one whose
 * sha512 electron-updater then checks the downloaded bytes against.
 */
export function appUpdaterSource(updater: AppUpdater, releaseKey: KeyObject): UpdateSource {
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = true;
  const isSupported = updater.isUpdateSupported;
  updater.isUpdateSupported = (info) => {
    verifyManifest(info, releaseKey);
    return isSupported(info);
  };
  return {
    currentVersion: updater.currentVersion.version,
    async check() {
      const result = await updater.checkForUpdates();
      if (!result?.isUpdateAvailable) return null;
      return {
        version: result.updateInfo.version,
        releaseNotes: notesText(result.updateInfo.releaseNotes),
      };
    },
    async download(onProgress) {
      const listener = (p: ProgressInfo): void =>
        onProgress({
          percent: p.percent,
          transferredBytes: p.transferred,
          totalBytes: p.total,
          bytesPerSecond: p.bytesPerSecond,
        });
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
      } finally {
        updater.off('download-progress', listener);
      }
    },
    installNow() {
      // isSilent=false, forceRunAfter=true: the installer may show its UI, the app comes back.
      updater.quitAndInstall(false, true);
    },
  };
}

export interface AppUpdatesOptions {
  emit: Emit;
  now: () => number;
  logger: {
    info(...args: unknown[]): void;
    warn(...args: unknown[]): void;
    error(...args: unknown[]): void;
  };
}

/** The app's update policy over the platform's electron-updater (generic provider, see electron.builder.yml). */
export function createAppUpdates({ emit, now, logger }: AppUpdatesOptions): UpdateController {
  autoUpdater.logger = logger;
  return createUpdateController({
    source: appUpdaterSource(autoUpdater, releasePublicKey(RELEASE_PUBLIC_KEY_PEM)),
    now,
    onStatus: (status) => emit('update:status', status),
    onError: (error) => logger.warn('Update failed', error),
  });
}
