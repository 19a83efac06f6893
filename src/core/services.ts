import type { Database } from 'better-sqlite3';
import type { EventName, EventPayload } from '../shared/contract';
import type { SearchWorkerEntry } from './kb/searchProtocol';
import type { UpdateController } from './update/controller';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Where the device token lives: Electron safeStorage in the app, memory or a file in tests. */
export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** False where the OS offers no secret store. */
  isSecure(): boolean;
}

export interface RecentError {
  /** UTC epoch ms. */
  at: number;
  level: 'error' | 'warn';
  message: string;
}

/** The last warnings and errors, scrubbed, for "Copy diagnostics". Fed by the app's log. */
export interface ErrorJournal {
  record(entry: RecentError): void;
  /** Newest first. */
  list(): RecentError[];
}

export interface RuntimeInfo {
  name: string;
  version: string;
  platform: string;
  runtime: Record<string, string>;
}

/** Desktop integration: Electron `Notification` and `app.setBadgeCount` in the app. */
export interface DesktopShell {
  /** `taskId`: the task a click on the notification opens. */
  notify(notification: { title: string; body: string; taskId?: string | null }): void;
  /** The dock/taskbar badge; 0 clears it. */
  setBadgeCount(count: number): void;
  /** Whether the app's window has focus; absent = unknown (treated as focused). */
  isFocused?(): boolean;
}

/**
 * The in-process demo feed server (`startServer` from src/server on a loopback port, its SQLite
 * file under userData), seeded with the demo brand.
 */
export interface DemoWorkspace {
  /** Starts the server if needed; answers its base URL and a fresh demo advocate invite code. */
  open(): Promise<{ serverUrl: string; inviteCode: string }>;
  /** Starts the server of an existing demo session again (after a restart); answers its base URL. */
  resume(): Promise<string>;
  close(): Promise<void>;
}

/** What the handlers need from their host (Electron main, or plain Node in tests). */
export interface Services {
  db: Database;
  emit: Emit;
  secrets: SecretStore;
  runtime: RuntimeInfo;
  /** UTC epoch ms; injectable for tests. */
  now: () => number;
  /**
   * Asks where to save a file (the system save dialog in the app) and writes `contents` there;
   * answers the chosen path, or null when the user cancelled.
   */
  saveFile: (suggestedName: string, contents: string) => Promise<string | null>;
  desktop: DesktopShell;
  demoWorkspace: DemoWorkspace;
  /** The auto-update policy (src/core/update) over electron-updater in the app. */
  updates: UpdateController;
  /** Recent warnings and errors (scrubbed) for "Copy diagnostics"; fed by the log in the app. */
  diagnostics: ErrorJournal;
  /** How to start the KB search worker thread (the built file in the app, tsx in tests). */
  kbSearchWorker: SearchWorkerEntry;
  /** The initial-sync worker thread (sync/snapshotLoad.ts); without it the load runs in-thread. */
  snapshotWorker?: { file: string; execArgv: string[] };
  /** The after-sync announce worker thread (feed/announceRunner.ts); without it, in-thread. */
  announceWorker?: { file: string; execArgv: string[] };
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
