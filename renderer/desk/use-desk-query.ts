import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskError } from '../../shared/errors';
import type { ChannelInput, ChannelName, ChannelOutput, EventName } from '../../shared/ipc/contract';
import { asDeskError } from './desk-call-error';
import { useDesk } from './desk-context';

export interface DeskQuery<C extends ChannelName> {
  data: ChannelOutput<C> | undefined;
  error: DeskError | null;
  loading: boolean;
  refetch(): void;
}

export interface DeskQueryOptions {
  /** Core events after which the answer may be stale. */
  refetchOn?: readonly EventName[];
  enabled?: boolean;
}

interface Answer<C extends ChannelName> {
  key: string;
  data: ChannelOutput<C> | undefined;
  error: DeskError | null;
}

/**
 * One channel call kept fresh: it reruns when its input changes, when `refetch` is called and
 * when one of `refetchOn` fires. A late answer to an older request never overwrites a newer one.
 */
export function useDeskQuery<C extends ChannelName>(channel: C, input: ChannelInput<C>, options: DeskQueryOptions = {}): DeskQuery<C> {
  const desk = useDesk();
  const enabled = options.enabled ?? true;
  const key = `${channel}:${JSON.stringify(input)}`;
  const inputRef = useRef(input);
  inputRef.current = input;
  const [tick, setTick] = useState(0);
  const [answer, setAnswer] = useState<Answer<C> | null>(null);
  const [inFlight, setInFlight] = useState(false);
  const sequence = useRef(0);

  const refetch = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (!enabled) return;
    const mine = ++sequence.current;
    setInFlight(true);
    desk.call(channel, inputRef.current).then(
      (data) => {
        if (mine !== sequence.current) return;
        setAnswer({ key, data, error: null });
        setInFlight(false);
      },
      (error: unknown) => {
        if (mine !== sequence.current) return;
        setAnswer((previous) => ({ key, data: previous?.key === key ? previous.data : undefined, error: asDeskError(error) }));
        setInFlight(false);
      },
    );
  }, [desk, channel, key, tick, enabled]);

  const events = (options.refetchOn ?? []).join(' ');
  useEffect(() => {
    if (!events) return;
    const unsubscribes = events.split(' ').map((name) => desk.on(name as EventName, refetch));
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }, [desk, events, refetch]);

  const current = answer?.key === key ? answer : null;
  return {
    data: enabled ? current?.data : undefined,
    error: enabled ? (current?.error ?? null) : null,
    loading: enabled && (inFlight || current === null),
    refetch,
  };
}
