import { describe, expect, it, vi } from 'vitest';

/**
 * Runs the real preload entry (index.ts) against a stand-in for Electron and records what it
 * hands the page through contextBridge: exactly window.desk, and nothing that is, or leads
 * to, ipcRenderer or any other Electron object (checklist items 3 and 20).
 */
const exposed = vi.hoisted(() => new Map<string, unknown>());
const ipcRenderer = vi.hoisted(() => ({
  invoke: async () => ({ ok: true, output: null }),
  on: () => undefined,
  removeListener: () => undefined,
  send: () => undefined,
  sendSync: () => undefined,
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    exposeInIsolatedWorld: () => {
      throw new Error('the preload must not expose anything to another world');
    },
  },
  ipcRenderer,
  webFrame: {},
  shell: {},
}));

/** Every value reachable from `value` through own properties (functions included). */
function reachable(value: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return seen;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) reachable(descriptor.value, seen);
  }
  return seen;
}

describe('the preload entry', () => {
  it('exposes window.desk and nothing else', async () => {
    await import('./index');
    expect([...exposed.keys()]).toEqual(['desk']);
  });

  it('hands the page two frozen functions, never ipcRenderer or its methods', async () => {
    await import('./index');
    const desk = exposed.get('desk') as Record<string, unknown>;
    expect(Object.keys(desk).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(desk)).toBe(true);
    // Everything exposed under any name, so a second exposure of ipcRenderer fails here too.
    const values = reachable(Object.fromEntries(exposed));
    expect(values.has(ipcRenderer)).toBe(false);
    for (const method of Object.values(ipcRenderer)) expect(values.has(method)).toBe(false);
  });
});
