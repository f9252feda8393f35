import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectBridgeDesk } from './bridge-desk';

/** Just enough of a browser WebSocket to drive the client from the test. */
class ScriptedSocket {
  static made: ScriptedSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  private handlers = new Map<string, ((event: { data?: unknown }) => void)[]>();
  constructor(readonly url: string) {
    ScriptedSocket.made.push(this);
  }
  addEventListener(type: string, handler: (event: { data?: unknown }) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.fire('open', {});
  }
  receive(message: unknown) {
    this.fire('message', { data: JSON.stringify(message) });
  }
  drop() {
    this.readyState = 3;
    this.fire('close', {});
  }
  private fire(type: string, event: { data?: unknown }) {
    for (const handler of this.handlers.get(type) ?? []) handler(event);
  }
}

const connect = () =>
  connectBridgeDesk({
    url: 'ws://127.0.0.1:5000/desk?token=abc',
    createSocket: (url) => new ScriptedSocket(url) as unknown as WebSocket,
    backoffMs: () => 1000,
  });

afterEach(() => {
  ScriptedSocket.made = [];
  vi.useRealTimers();
});

describe('the bridge client', () => {
  it('queues invocations until the socket opens and matches answers by id', async () => {
    const desk = connect();
    const socket = ScriptedSocket.made[0]!;
    expect(socket.url).toBe('ws://127.0.0.1:5000/desk?token=abc');
    const first = desk.invoke('sync:now', {});
    const second = desk.invoke('outbox:list', {});
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sent).toEqual([
      { type: 'invoke', id: 1, channel: 'sync:now', input: {} },
      { type: 'invoke', id: 2, channel: 'outbox:list', input: {} },
    ]);
    socket.receive({ type: 'result', id: 2, result: { ok: true, output: { entries: [] } } });
    socket.receive({ type: 'result', id: 1, result: { ok: false, error: { code: 'not_signed_in', message: 'sign in first' } } });
    await expect(second).resolves.toEqual({ ok: true, output: { entries: [] } });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'not_signed_in', message: 'sign in first' } });
  });

  it('delivers valid events to their listeners and drops malformed ones', () => {
    const desk = connect();
    const socket = ScriptedSocket.made[0]!;
    socket.open();
    const seen: unknown[] = [];
    const off = desk.on('outbox:changed', (payload) => seen.push(payload));
    socket.receive({ type: 'event', name: 'outbox:changed', payload: { pending: 2 } });
    socket.receive({ type: 'event', name: 'outbox:changed', payload: { pending: -1 } });
    socket.receive({ type: 'event', name: 'no:such', payload: {} });
    off();
    socket.receive({ type: 'event', name: 'outbox:changed', payload: { pending: 3 } });
    expect(seen).toEqual([{ pending: 2 }]);
  });

  it('answers pending calls with an internal error when the connection drops, then reconnects', async () => {
    vi.useFakeTimers();
    const desk = connect();
    const socket = ScriptedSocket.made[0]!;
    socket.open();
    const call = desk.invoke('sync:status', {});
    socket.drop();
    await expect(call).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'connection to the console core was lost' } });
    expect(ScriptedSocket.made).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(ScriptedSocket.made).toHaveLength(2);
    const refreshed: unknown[] = [];
    desk.on('cache:changed', (payload) => refreshed.push(payload));
    ScriptedSocket.made[1]!.open();
    // Whatever happened while away, queries look again.
    expect(refreshed).toEqual([{ entityTypes: [] }]);
  });
});
