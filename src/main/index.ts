import { join } from 'node:path';
import { app, BrowserWindow, ipcMain } from 'electron';
import { createHandlers, openDatabase, type Db } from '../core';
import { APP_ORIGIN, isAppUrl } from './appUrl';
import { registerIpc } from './ipc';
import { electronNativeBinding } from './nativeBinding';
import { safeStorageSecretStore } from './secretStore';
import {
  denyPermissions,
  lockDownContents,
  registerAppScheme,
  rendererRoot,
  serveRenderer,
} from './security';

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
let mainWindow: BrowserWindow | null = null;
let db: Db | null = null;

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
  app.on('will-quit', () => db?.close());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  denyPermissions();
  serveRenderer(rendererRoot());

  const userData = app.getPath('userData');
  db = openDatabase(join(userData, 'gigdesk.sqlite'), {
    nativeBinding: electronNativeBinding(app.getAppPath(), app.isPackaged),
  });
  const handlers = createHandlers({
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
    emit: (event, payload) => mainWindow?.webContents.send(event, payload),
  });
  registerIpc(ipcMain, handlers, {
    isAppUrl: (url) => isAppUrl(url, devServerUrl),
    onInternalError: (channel, error) => console.error(`IPC ${channel} failed`, error),
  });
  createWindow();
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
