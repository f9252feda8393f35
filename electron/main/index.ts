import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, utilityProcess } from 'electron';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appEntryUrl, appScheme, appSchemePrivileges, createAppProtocolHandler } from './app-protocol';
import { builtPaths, dataPaths } from './app-paths';
import { CoreSupervisor, forkCore, type CoreLaunch } from './core-process';
import { IpcRouter } from './ipc-router';
import { devRendererOrigin, guardWebContents, trustedRendererUrl } from './navigation-guard';
import { denyAllPermissions } from './permissions';
import { configuredPlatformUrl, startEmbeddedSandbox, type RunningSandbox } from './sandbox-process';
import { mainWindowOptions } from './window-options';

// Wiring only: every decision lives in the modules above, which are tested without Electron.

const paths = builtPaths(dirname(fileURLToPath(import.meta.url)));
const devOrigin = devRendererOrigin(process.env, app.isPackaged);
const isTrusted = trustedRendererUrl(devOrigin);
const log = (line: string) => console.error(line);

let mainWindow: BrowserWindow | null = null;
let core: CoreSupervisor | null = null;
let sandbox: RunningSandbox | null = null;

const router = new IpcRouter({
  forward: (channel, input) => (core ? core.invoke(channel, input) : Promise.resolve({ ok: false, error: { code: 'internal', message: 'the console core is starting' } })),
  trustedWindow: () => {
    if (!mainWindow || mainWindow.isDestroyed()) return null;
    return { webContentsId: mainWindow.webContents.id, mainFrame: mainWindow.webContents.mainFrame };
  },
  isTrusted,
});

protocol.registerSchemesAsPrivileged(appSchemePrivileges);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    // Only https URLs on navigation-guard's allowlist (empty for now) reach openExternal; the
    // scanner's finding here is explained in resources/security/electronegativity-allowlist.json.
    guardWebContents(contents, { isTrusted, openExternal: (url) => shell.openExternal(url) });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', stopChildren);
  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  protocol.handle(appScheme, createAppProtocolHandler(paths.renderer));
  router.register(ipcMain);

  const data = dataPaths(app.getPath('userData'));
  const launch = await choosePlatform(data);
  core = new CoreSupervisor({
    spawn: () => forkCore(utilityProcess.fork, paths.core, launch),
    onEvent: (name, payload) => router.coreEvent(name, payload, mainWindow?.webContents ?? null),
    // A core resumes the last session before it listens, so its session:changed goes unheard:
    // ask it who is signed in (after a restart too) and tell the router and the window.
    onReady: () => void core?.invoke('session:status', {}).then((result) => {
      if (result.ok) router.coreEvent('session:changed', result.output, mainWindow?.webContents ?? null);
    }),
    log,
  });
  core.start();
  createWindow();
}

async function choosePlatform(data: ReturnType<typeof dataPaths>): Promise<CoreLaunch> {
  const configured = configuredPlatformUrl(process.env);
  if (configured) return { dataDir: data.desk, platformUrl: configured, demoAccounts: null };
  sandbox = await startEmbeddedSandbox({ fork: utilityProcess.fork, modulePath: paths.sandbox, dataDir: data.sandbox, seedDatabase: paths.seedDatabase, log });
  return { dataDir: data.desk, platformUrl: sandbox.url, demoAccounts: sandbox.accounts };
}

function createWindow(): void {
  // The hardening is in window-options.ts (and its test), where a static scanner cannot see it;
  // new windows are denied by the guard, so middle-clicks open nothing. The scanner's findings
  // on this line are explained in resources/security/electronegativity-allowlist.json.
  const window = new BrowserWindow(mainWindowOptions(paths.preload));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devOrigin ? `${devOrigin}/` : appEntryUrl);
}

function stopChildren(): void {
  core?.stop();
  core = null;
  sandbox?.stop();
  sandbox = null;
}

function fail(error: unknown): void {
  log(`main: could not start: ${(error as Error).stack ?? String(error)}`);
  dialog.showErrorBox('讯通工作台无法启动', (error as Error).message ?? String(error));
  stopChildren();
  app.exit(1);
}
