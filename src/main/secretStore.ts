import { existsSync, readFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import type { SecretStore } from '../core';
import { writeFileAtomic } from '../core/db/atomicFile';

/**
 * Secrets (the device token) encrypted with the OS secret store through `safeStorage`, kept in a
 * file under userData. Where the OS has no secret store (Linux without a keyring), Electron falls
 * back to a fixed key: `isSecure()` then answers false and Settings warns the advocate.
 */
export function safeStorageSecretStore(file: string): SecretStore {
  const read = (): Record<string, string> => {
    if (!existsSync(file)) return {};
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  // A torn write here would sign the device out: the file is replaced atomically, with fsync.
  const write = (values: Record<string, string>) =>
    writeFileAtomic(file, JSON.stringify(values), 0o600);
  const isSecure = () => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (process.platform !== 'linux') return true;
    return safeStorage.getSelectedStorageBackend() !== 'basic_text';
  };
  return {
    get(key) {
      const stored = read()[key];
      if (stored === undefined) return null;
      return safeStorage.decryptString(Buffer.from(stored, 'base64'));
    },
    set(key, value) {
      write({ ...read(), [key]: safeStorage.encryptString(value).toString('base64') });
    },
    delete(key) {
      const values = read();
      delete values[key];
      write(values);
    },
    isSecure,
  };
}
