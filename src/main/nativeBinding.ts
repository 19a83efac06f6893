import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * In development (`npm start`) node_modules holds a better-sqlite3 built for Node, which the tests
 * use; `scripts/electronNative.mjs` builds a second copy for Electron into this cache folder.
 * Packaged apps get an Electron build from electron-builder and need no override.
 */
export function electronNativeBinding(appPath: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const file = join(
    appPath,
    'node_modules',
    '.cache',
    'gigdesk-native',
    `electron-${process.versions.electron}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
  return existsSync(file) ? file : undefined;
}
