import type { DeskError, DeskErrorCode } from '../../shared/errors';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  DeskApi,
  EventName,
  EventPayload,
  InvokeResult,
} from '../../shared/ipc/contract';

/**
 * Test-only: an in-memory `window.desk`. Each channel answers from a handler the test gives;
 * every call is recorded, and the test pushes events as the core would.
 */
export type FakeHandlers = {
  [C in ChannelName]?: (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export class FakeRefusal extends Error {
  constructor(readonly deskError: DeskError) {
    super(deskError.message);
  }
}

/** Throw from a handler to make the call answer `{ ok: false }` with this code. */
export function refuse(code: DeskErrorCode, message = `fake ${code}`, extra: Partial<DeskError> = {}): never {
  throw new FakeRefusal({ code, message, ...extra });
}

interface RecordedCall {
  channel: ChannelName;
  input: unknown;
}

export class FakeDesk implements DeskApi {
  readonly calls: RecordedCall[] = [];
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  constructor(public handlers: FakeHandlers = {}) {}

  async invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<InvokeResult> {
    this.calls.push({ channel, input });
    const handler = this.handlers[channel] as ((input: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: { code: 'unknown_channel', message: `no fake handler for ${channel}` } };
    try {
      return { ok: true, output: await handler(input) };
    } catch (error) {
      if (error instanceof FakeRefusal) return { ok: false, error: error.deskError };
      throw error;
    }
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    const entry = listener as (payload: unknown) => void;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  /** The inputs of every call to one channel, in order. */
  callsTo<C extends ChannelName>(channel: C): ChannelInput<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input as ChannelInput<C>);
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}
