import type { UpdateProgress } from '../../shared/contract/update';

export interface UpdateOffer {
  version: string;
  releaseNotes: string | null;
}

/**
 * What the update policy needs from an updater (electron-updater's `autoUpdater` in the app,
 * adapted in src/main/updater.ts). It never downloads or installs on its own.
 */
export interface UpdateSource {
  readonly currentVersion: string;
  /** Asks the update server; answers the newer version offered to this installation, or null. */
  check(): Promise<UpdateOffer | null>;
  /** Downloads the offered update and verifies its checksum; rejects if it does not match. */
  download(onProgress: (progress: UpdateProgress) => void): Promise<void>;
  /** Quits the app and installs the downloaded update. */
  installNow(): void;
}

/** For hosts with no updater (development builds, tests): never offers anything. */
export function noUpdateSource(currentVersion: string): UpdateSource {
  return {
    currentVersion,
    check: () => Promise.resolve(null),
    download: () => Promise.reject(new Error('No update source in this build.')),
    installNow: () => undefined,
  };
}
