import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { DeskClient } from './desk-client';

const DeskContext = createContext<DeskClient | null>(null);

export function DeskProvider({ client, children }: { client: DeskClient; children: ReactNode }) {
  return <DeskContext.Provider value={client}>{children}</DeskContext.Provider>;
}

export function useDesk(): DeskClient {
  const client = useContext(DeskContext);
  if (!client) throw new Error('useDesk needs a <DeskProvider> above it');
  return client;
}

/** Subscribes for the component's lifetime; the latest listener is always the one called. */
export function useDeskEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): void {
  const desk = useDesk();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => desk.on(name, (payload) => latest.current(payload)), [desk, name]);
}
