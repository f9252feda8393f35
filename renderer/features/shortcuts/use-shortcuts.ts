import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from './shortcut-map';

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

/** Typing goes to the field, never to a shortcut. */
export const isTypingTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Enter on a focused button or link already activates it; a shortcut must not act twice. */
const activatesNatively = (target: EventTarget | null) => target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);

/**
 * The page-wide (`queue` scope) shortcuts, bound through the shortcut map. They never fire while
 * typing in a field, with Ctrl/Alt/⌘ held, or while a modal dialog is open. Several components
 * may each bind their own actions; the map guarantees their keys differ.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled = true): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      const action = shortcutFor('queue', event.key);
      const handler = action && latest.current[action];
      if (!handler) return;
      if (event.key === 'Enter' && activatesNatively(event.target)) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
