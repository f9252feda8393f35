import { channelNames, eventNames, type DeskApi, type EventName, type EventPayload, type InvokeResult } from '../../shared/ipc/contract';

/** The part of ipcRenderer the preload uses; handed in so this file is tested without Electron. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const channels: ReadonlySet<string> = new Set(channelNames);
const events: ReadonlySet<string> = new Set(eventNames);

/**
 * `window.desk`: exactly the contract's channels and events, nothing else. The page never sees
 * ipcRenderer, so it cannot reach a channel the contract does not name, and unknown names fail
 * here before they cost a round trip. The main process checks everything again regardless.
 */
export function createDeskApi(ipc: RendererIpc): DeskApi {
  const invoke = async (channel: string, input: unknown): Promise<InvokeResult> => {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `no channel ${String(channel)}` } };
    }
    try {
      return (await ipc.invoke(`desk:${channel}`, input)) as InvokeResult;
    } catch {
      // Only when the main process itself failed to answer; the page gets a code, not a stack.
      return { ok: false, error: { code: 'internal', message: `${channel} could not reach the console` } };
    }
  };

  // The page is not trusted to respect the types: names and listeners are checked at runtime.
  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): (() => void) => {
    if (typeof event !== 'string' || !events.has(event)) throw new Error(`no event ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('a listener must be a function');
    const channel = `desk-event:${event}`;
    const relay = (_event: unknown, payload: unknown) => listener(payload as EventPayload<E>);
    ipc.on(channel, relay);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(channel, relay);
    };
  };

  const api: DeskApi = { invoke, on };
  return Object.freeze(api);
}
