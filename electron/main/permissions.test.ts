import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from './permissions';

type Handlers = {
  request?: Parameters<Session['setPermissionRequestHandler']>[0];
  check?: Parameters<Session['setPermissionCheckHandler']>[0];
  device?: Parameters<Session['setDevicePermissionHandler']>[0];
  display?: Parameters<Session['setDisplayMediaRequestHandler']>[0];
};

function fakeSession() {
  const handlers: Handlers = {};
  const session = {
    setPermissionRequestHandler: (h: Handlers['request']) => (handlers.request = h),
    setPermissionCheckHandler: (h: Handlers['check']) => (handlers.check = h),
    setDevicePermissionHandler: (h: Handlers['device']) => (handlers.device = h),
    setDisplayMediaRequestHandler: (h: Handlers['display']) => (handlers.display = h),
  } as unknown as Session;
  return { session, handlers };
}

const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'pointerLock', 'display-capture', 'unknown'] as const;

describe('denyAllPermissions', () => {
  const { session, handlers } = fakeSession();
  denyAllPermissions(session);

  it('answers every permission request with callback(false)', () => {
    for (const permission of permissions) {
      const callback = vi.fn();
      handlers.request!({} as never, permission as never, callback, {} as never);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('fails every permission check', () => {
    for (const permission of ['media', 'geolocation', 'hid', 'serial', 'usb', 'clipboard-read', 'notifications'] as const) {
      expect(handlers.check!(null, permission, 'app://desk', {} as never), permission).toBe(false);
    }
  });

  it('refuses devices and screen capture', () => {
    expect(handlers.device!({ deviceType: 'usb', origin: 'app://desk', device: {} } as never)).toBe(false);
    const callback = vi.fn();
    handlers.display!({} as never, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({});
  });
});
