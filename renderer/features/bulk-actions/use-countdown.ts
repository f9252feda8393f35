import { useEffect, useState } from 'react';

/** The platform's undo window for a batch when it does not say otherwise. */
export const BULK_UNDO_SECONDS = 60;

/** Whole seconds left until `until` (ms since epoch), ticking each second; null without a deadline. */
export function useCountdown(until: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  if (until === null) return null;
  return Math.max(0, Math.ceil((until - now) / 1000));
}
