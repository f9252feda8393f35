import type { z } from 'zod';
import {
  ipcChannels,
  ipcEvents,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type DeskApi,
  type EventName,
  type EventPayload,
} from '../../shared/ipc/contract';
import { DeskCallError } from './desk-call-error';

/** The renderer's typed view of `window.desk`: answers parsed by the contract, failures thrown. */
export interface DeskClient {
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createDeskClient(api: DeskApi): DeskClient {
  return {
    async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      let result;
      try {
        result = await api.invoke(channel, input);
      } catch (error) {
        throw new DeskCallError({ code: 'internal', message: error instanceof Error ? error.message : String(error) });
      }
      if (!result.ok) throw new DeskCallError(result.error);
      // Every boundary validates: a core answer that breaks the contract is a bug, not data.
      const schema = ipcChannels[channel].output as unknown as z.ZodType<ChannelOutput<C>>;
      const parsed = schema.safeParse(result.output);
      if (!parsed.success) {
        throw new DeskCallError({ code: 'internal', message: `${channel} answered outside its contract: ${parsed.error.message}` });
      }
      return parsed.data;
    },
    // The preload relays event payloads as they come; check them like any other input.
    on: (event, listener) =>
      api.on(event, (payload) => {
        const parsed = ipcEvents[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      }),
  };
}
