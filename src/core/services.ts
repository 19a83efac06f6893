import type { Database } from 'better-sqlite3';
import type { EventName, EventPayload } from '../shared/contract';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Where the device token lives: Electron safeStorage in the app, memory or a file in tests. */
export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** False where the OS offers no secret store. */
  isSecure(): boolean;
}

export interface RuntimeInfo {
  name: string;
  version: string;
  platform: string;
  runtime: Record<string, string>;
}

/** What the handlers need from their host (Electron main, or plain Node in tests). */
export interface Services {
  db: Database;
  emit: Emit;
  secrets: SecretStore;
  runtime: RuntimeInfo;
  /** UTC epoch ms; injectable for tests. */
  now: () => number;
}

export function memorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
    isSecure: () => false,
  };
}
