import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import type { SecretStore } from '../core';

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
  const write = (values: Record<string, string>) => {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(values), { mode: 0o600 });
    renameSync(tmp, file);
  };
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
