import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences!;

  it('turns on every isolation and turns off every Node and legacy escape hatch', () => {
    expect(prefs).toMatchObject({
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
    });
    // Strict equality, not truthiness: `undefined` would mean Electron's default.
    for (const flag of ['contextIsolation', 'sandbox', 'webSecurity'] as const) expect(prefs[flag]).toBe(true);
    for (const flag of ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures', 'webviewTag'] as const) {
      expect(prefs[flag]).toBe(false);
    }
  });

  it('loads the given preload and nothing that widens the page', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('is titled 讯通工作台 and stays hidden until ready-to-show', () => {
    expect(options.title).toBe('讯通工作台');
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.minWidth).toBeLessThanOrEqual(options.width!);
  });

  it('gives each window its own preferences object', () => {
    const a = mainWindowOptions('/a');
    const b = mainWindowOptions('/b');
    expect(a.webPreferences).not.toBe(b.webPreferences);
    expect(a.webPreferences!.preload).toBe('/a');
  });
});
