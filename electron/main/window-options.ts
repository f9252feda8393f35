import type { BrowserWindowConstructorOptions } from 'electron';

/** The hardening every window of ours gets; tests check each flag, so none slips. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  // The renderer has nothing to do with navigation on its own (see navigation-guard.ts).
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: '讯通工作台',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show, so staff never see a blank white frame.
    show: false,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: { ...secureWebPreferences, preload: preloadPath },
  };
}
