import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { createHandlers, type Db, type Services } from '../core';
import { keepSidecar } from '../core/db/keepsake';
import { openOrRecover, type Recovery } from '../core/db/recovery';
import type { DemoWorkspace } from '../core/services';
import kbSearchWorkerFile from '../core/kb/searchWorker?modulePath';
import snapshotWorkerFile from '../core/handlers/snapshotWorker?modulePath';
import announceWorkerFile from '../core/feed/announceWorker?modulePath';
import { createErrorJournal } from '../core/diagnostics/errorJournal';
import { createAppSync } from '../core/handlers/appSync';
import type { SyncController } from '../core/sync/controller';
import { APP_ORIGIN, isAppUrl } from './appUrl';
import { inProcessDemoWorkspace } from './demoWorkspace';
import { createDesktopShell } from './desktopShell';
import { registerIpc } from './ipc';
import { saveFileWithDialog } from './saveFile';
import { setupLogging } from './log';
import { safeStorageSecretStore } from './secretStore';
import {
  denyPermissions,
  lockDownContents,
  registerAppScheme,
  rendererRoot,
  serveRenderer,
} from './security';
import { createAppUpdates } from './updater';

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
let mainWindow: BrowserWindow | null = null;
let db: Db | null = null;
let sync: SyncController | null = null;
let demoWorkspace: DemoWorkspace | null = null;
let stopSidecar: (() => void) | null = null;
const errorJournal = createErrorJournal();
const log = setupLogging(errorJournal);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, devServerUrl));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    stopSidecar?.();
    stopSidecar = null;
    if (!sync) return db?.close();
    // Let the sync engine finish its transaction before the database closes.
    event.preventDefault();
    const stopping = sync;
    sync = null;
    void stopping
      .stop()
      .then(() => demoWorkspace?.close())
      .catch(() => undefined)
      .finally(() => {
        db?.close();
        db = null;
        app.quit();
      });
  });
  void app.whenReady().then(start).catch(failedToStart);
}

/**
 * A start that cannot go on says why, and lets go of the single-instance lock: a later launch
 * must not quit at once because this broken one still holds it.
 */
function failedToStart(error: unknown): void {
  log.error('Gigdesk could not start', error);
  dialog.showErrorBox(
    'Gigdesk could not start',
    `${error instanceof Error ? error.message : String(error)}\n\nThe details are in the log file.`,
  );
  app.releaseSingleInstanceLock();
  app.exit(1);
}

function reportRecovery(recovery: Recovery): void {
  const options = {
    type: 'warning' as const,
    title: 'Gigdesk recovered your work',
    message: 'The local database could not be opened, so Gigdesk started a new one.',
    detail: recovery.message,
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

async function start(): Promise<void> {
  denyPermissions();
  serveRenderer(rendererRoot());

  const userData = app.getPath('userData');
  const dbFile = join(userData, 'gigdesk.sqlite');
  const opened = openOrRecover(dbFile, Date.now());
  db = opened.db;
  if (opened.recovery) log.warn(opened.recovery.message);
  stopSidecar = keepSidecar(
    db,
    dbFile,
    () => Date.now(),
    60_000,
    (error) => log.error('Could not write the backup copy of queued work', error),
  );
  const services: Services = {
    db,
    secrets: safeStorageSecretStore(join(userData, 'secrets.json')),
    runtime: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      runtime: {
        electron: process.versions.electron ?? '',
        chrome: process.versions.chrome ?? '',
        node: process.versions.node,
      },
    },
    now: () => Date.now(),
    saveFile: saveFileWithDialog(() => mainWindow),
    emit: (event, payload) => mainWindow?.webContents.send(event, payload),
    desktop: createDesktopShell({
      window: () => mainWindow,
      emit: (event, payload) => mainWindow?.webContents.send(event, payload),
    }),
    demoWorkspace: (demoWorkspace = inProcessDemoWorkspace({
      dbFile: join(userData, 'demo-server.sqlite'),
    })),
    kbSearchWorker: {
      file: kbSearchWorkerFile,
      execArgv: [],
    },
    snapshotWorker: { file: snapshotWorkerFile, execArgv: [] },
    announceWorker: { file: announceWorkerFile, execArgv: [] },
    updates: createAppUpdates({
      emit: (event, payload) => mainWindow?.webContents.send(event, payload),
      now: () => Date.now(),
      logger: log,
    }),
    diagnostics: errorJournal,
  };
  sync = createAppSync(services);
  const handlers = createHandlers(services, sync);
  registerIpc(ipcMain, handlers, {
    isAppUrl: (url) => isAppUrl(url, devServerUrl),
    onInternalError: (channel, error) => log.error(`IPC ${channel} failed`, error),
  });
  createWindow();
  if (opened.recovery) reportRecovery(opened.recovery);
  void sync.start();
  services.updates.startSchedule();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  // Kept as one literal here so the Electronegativity gate (npm run security) can read it.
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Gigdesk',
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}
