import { afterEach, describe, expect, it } from 'vitest';
import { takeBridgeToken } from './connect-desk';

afterEach(() => sessionStorage.clear());

describe('the bridge token', () => {
  it('moves from the address bar to sessionStorage, so a reload still finds it', () => {
    history.replaceState(null, '', '/?token=per-launch-secret#queue');
    expect(takeBridgeToken()).toBe('per-launch-secret');
    expect(location.search).toBe('');
    expect(location.hash).toBe('#queue');
    expect(takeBridgeToken()).toBe('per-launch-secret');
  });
});
