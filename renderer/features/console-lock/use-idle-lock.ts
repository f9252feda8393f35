import { useEffect, useRef } from 'react';

/** What counts as the staff member being at the console. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

interface IdleLockOptions {
  minutes: number;
  enabled: boolean;
  onIdle(): void;
}

/**
 * Calls `onIdle` once the console has had no keyboard, pointer or wheel input for `minutes`.
 * Input only stamps the time; the one timer re-arms itself for what is left when it fires, so
 * a moving mouse costs no timer churn. Plain setTimeout and Date.now, so fake timers drive it.
 */
export function useIdleLock({ minutes, enabled, onIdle }: IdleLockOptions): void {
  const latest = useRef(onIdle);
  latest.current = onIdle;

  useEffect(() => {
    if (!enabled) return;
    const idleMs = minutes * 60_000;
    let lastInput = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const quiet = Date.now() - lastInput;
      if (quiet < idleMs) {
        timer = setTimeout(check, idleMs - quiet);
        return;
      }
      // Re-armed after firing: should the lock itself fail, the next idle period tries again.
      lastInput = Date.now();
      timer = setTimeout(check, idleMs);
      latest.current();
    };
    timer = setTimeout(check, idleMs);
    const onInput = () => {
      lastInput = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onInput, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onInput, { capture: true });
    };
  }, [minutes, enabled]);
}
