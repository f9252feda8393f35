import { useCallback, useEffect, useState } from 'react';
import { REVEAL_SECONDS, type Revealed } from '../../../shared/ipc/governance-views';
import { useConsoleLocked } from '../console-lock/lock-context';

export interface RevealedValue {
  value: string;
  /** When the value is masked again, ms since the epoch. */
  hideAt: number;
}

/**
 * A revealed value held in component state only: never stored, never logged, gone on unmount.
 * It is dropped at the core's hideAt, but never later than REVEAL_SECONDS from now, so a wrong
 * clock or a bad answer cannot keep a number on screen; and at once when the console locks.
 */
export function useRevealedValue(): { revealed: RevealedValue | null; show(answer: Revealed): void; hide(): void } {
  const [revealed, setRevealed] = useState<RevealedValue | null>(null);
  const locked = useConsoleLocked();
  const hide = useCallback(() => setRevealed(null), []);

  const show = useCallback((answer: Revealed) => {
    const latest = Date.now() + REVEAL_SECONDS * 1000;
    const stated = Date.parse(answer.hideAt);
    setRevealed({ value: answer.value, hideAt: Number.isNaN(stated) ? latest : Math.min(stated, latest) });
  }, []);

  const hideAt = revealed?.hideAt ?? null;
  useEffect(() => {
    if (hideAt === null) return;
    const timer = setTimeout(hide, Math.max(0, hideAt - Date.now()));
    return () => clearTimeout(timer);
  }, [hideAt, hide]);

  useEffect(() => {
    if (locked) hide();
  }, [locked, hide]);

  return { revealed, show, hide };
}
