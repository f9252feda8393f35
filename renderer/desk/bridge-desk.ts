import {
  InvokeResult,
  ipcEvents,
  type ChannelInput,
  type ChannelName,
  type DeskApi,
  type EventName,
  type EventPayload,
} from '../../shared/ipc/contract';

/**
 * `window.desk` imitated over the development bridge's WebSocket, for the console running in a
 * plain browser (`npm run dev:web`, end-to-end tests). Same envelope, same events.
 */
export interface BridgeDeskOptions {
  url: string;
  createSocket?: (url: string) => WebSocket;
  /** Delay before reconnect attempt n (0-based). */
  backoffMs?: (attempt: number) => number;
}

type Listener = (payload: unknown) => void;

const lostConnection: InvokeResult = {
  ok: false,
  error: { code: 'internal', message: 'connection to the console core was lost' },
};

/** WebSocket.OPEN, without needing the global (tests hand in their own socket). */
const OPEN = 1;

const defaultBackoff = (attempt: number) => Math.min(10_000, 500 * 2 ** attempt);

export function connectBridgeDesk(options: BridgeDeskOptions): DeskApi & { close(): void } {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const backoff = options.backoffMs ?? defaultBackoff;
  const pending = new Map<number, (result: InvokeResult) => void>();
  const unsent: string[] = [];
  const listeners = new Map<EventName, Set<Listener>>();
  let nextId = 1;
  let attempt = 0;
  let closed = false;
  let everOpened = false;
  let socket: WebSocket;

  const dispatch = (name: EventName, payload: unknown) => {
    for (const listener of listeners.get(name) ?? []) listener(payload);
  };

  const onMessage = (event: MessageEvent) => {
    let message: unknown;
    try {
      message = JSON.parse(String(event.data));
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { type, id, result, name, payload } = message as Record<string, unknown>;
    if (type === 'result' && typeof id === 'number') {
      const settle = pending.get(id);
      if (!settle) return;
      pending.delete(id);
      const parsed = InvokeResult.safeParse(result);
      settle(parsed.success ? parsed.data : { ok: false, error: { code: 'internal', message: 'malformed answer from the console core' } });
    } else if (type === 'event' && typeof name === 'string' && name in ipcEvents) {
      const eventName = name as EventName;
      const parsed = ipcEvents[eventName].safeParse(payload);
      if (parsed.success) dispatch(eventName, parsed.data);
    }
  };

  const open = () => {
    socket = createSocket(options.url);
    socket.addEventListener('open', () => {
      attempt = 0;
      const reconnected = everOpened;
      everOpened = true;
      for (const text of unsent.splice(0)) socket.send(text);
      // Events sent while we were away are lost: tell every query to look again.
      if (reconnected) dispatch('cache:changed', { entityTypes: [] });
    });
    socket.addEventListener('message', onMessage);
    socket.addEventListener('close', () => {
      unsent.length = 0;
      for (const settle of pending.values()) settle(lostConnection);
      pending.clear();
      if (!closed) setTimeout(open, backoff(attempt++));
    });
  };
  open();

  return {
    invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
      const id = nextId++;
      const text = JSON.stringify({ type: 'invoke', id, channel, input });
      return new Promise<InvokeResult>((resolve) => {
        pending.set(id, resolve);
        if (socket.readyState === OPEN) socket.send(text);
        else unsent.push(text);
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const entry = listener as Listener;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    close() {
      closed = true;
      socket.close();
    },
  };
}
