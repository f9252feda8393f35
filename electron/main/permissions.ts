import type { Session } from 'electron';

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'
>;

/**
 * The console needs no browser permission — no camera, notifications, geolocation, clipboard
 * reads, HID/USB/serial devices, screen capture. Every request and every check is refused.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Without a handler getDisplayMedia fails anyway; an explicit refusal says it is deliberate.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}
