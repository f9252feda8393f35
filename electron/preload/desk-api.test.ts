import { describe, expect, it, vi } from 'vitest';
import { channelNames, eventNames, type ChannelName, type EventName } from '../../shared/ipc/contract';
import { createDeskApi, type RendererIpc } from './desk-api';

/** ipcRenderer as far as the preload uses it. */
function fakeIpc(answer: (channel: string, input: unknown) => Promise<unknown> = async () => ({ ok: true, output: 'x' })) {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(answer),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
    emit: (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({ sender: 'ipc-event' }, payload)),
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
  return ipc;
}

describe('createDeskApi', () => {
  it('exposes invoke and on, and nothing else', () => {
    const api = createDeskApi(fakeIpc() satisfies RendererIpc);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it.each(channelNames)('forwards %s to desk:%s with its input', async (channel) => {
    const ipc = fakeIpc();
    const result = await createDeskApi(ipc).invoke(channel, { any: 'input' } as never);
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(`desk:${channel}`, { any: 'input' });
    expect(result).toEqual({ ok: true, output: 'x' });
  });

  it.each(['vault:read', 'desk:session:status', 'session:status ', 'Session:Status', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, null, undefined, {}])(
    'refuses the unknown channel %j without touching ipc',
    async (channel) => {
      const ipc = fakeIpc();
      const result = await createDeskApi(ipc).invoke(channel as ChannelName, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      expect(ipc.invoke).not.toHaveBeenCalled();
    },
  );

  it('answers internal, without a stack, when the main process fails to answer', async () => {
    const ipc = fakeIpc(async () => {
      throw new Error("Error invoking remote method 'desk:sync:status': Error: No handler registered\n    at x (/app/main.js:1)");
    });
    const result = await createDeskApi(ipc).invoke('sync:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/app/main.js');
  });

  it.each(eventNames)('subscribes to %s on desk-event:%s, passing only the payload, and unsubscribes', (name) => {
    const ipc = fakeIpc();
    const listener = vi.fn();
    const off = createDeskApi(ipc).on(name, listener);
    ipc.emit(`desk-event:${name}`, { pending: 1 });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ pending: 1 });
    off();
    off();
    expect(ipc.removeListener).toHaveBeenCalledOnce();
    expect(ipc.count(`desk-event:${name}`)).toBe(0);
    ipc.emit(`desk-event:${name}`, { pending: 2 });
    expect(listener).toHaveBeenCalledOnce();
  });

  it('keeps two subscriptions to one event apart', () => {
    const ipc = fakeIpc();
    const api = createDeskApi(ipc);
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.on('outbox:changed', a);
    api.on('outbox:changed', b);
    offA();
    ipc.emit('desk-event:outbox:changed', { pending: 0 });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledOnce();
  });

  it.each(['vault:changed', 'desk-event:sync:progress', '', '__proto__', 'toString', 'session:Changed'])('throws for the unknown event %j', (name) => {
    const ipc = fakeIpc();
    expect(() => createDeskApi(ipc).on(name as EventName, () => undefined)).toThrow(/no event/);
    expect(ipc.on).not.toHaveBeenCalled();
  });

  it('throws when the listener is not a function', () => {
    expect(() => createDeskApi(fakeIpc()).on('cache:changed', 'alert(1)' as never)).toThrow(TypeError);
  });
});
