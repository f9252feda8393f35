import type { EventName, EventPayload } from '../../shared/ipc/contract';

type Listener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** The core's outgoing events, fanned out to whoever hosts it (the main process or the bridge). */
export class CoreEvents {
  private readonly listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload);
  }
}
