import { useCallback, useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import { asDeskError } from '../../desk/desk-call-error';

export interface TicketCall {
  working: boolean;
  error: DeskError | null;
  /** Runs one channel call; a failure is kept in `error` and answers null. */
  run<T>(call: () => Promise<T>): Promise<T | null>;
}

/** One action's progress and failure, so every button of a ticket behaves the same way. */
export function useTicketCall(): TicketCall {
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<DeskError | null>(null);
  const run = useCallback(async <T,>(call: () => Promise<T>): Promise<T | null> => {
    setWorking(true);
    setError(null);
    try {
      return await call();
    } catch (caught) {
      setError(asDeskError(caught));
      return null;
    } finally {
      setWorking(false);
    }
  }, []);
  return { working, error, run };
}
