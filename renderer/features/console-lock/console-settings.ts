import { createContext, useCallback, useContext, useState } from 'react';
import { DEFAULT_IDLE_LOCK_MINUTES, type ConsoleSettings } from '../../../shared/ipc/governance-views';
import { useDesk } from '../../desk/desk-context';
import { useDeskQuery } from '../../desk/use-desk-query';

export interface ConsoleSettingsState {
  idleLockMinutes: number;
  save(settings: Partial<ConsoleSettings>): Promise<ConsoleSettings>;
}

/**
 * The console's settings as the core keeps them. Until they load (or if they cannot) the
 * console locks after the default idle time: an unreadable setting never means "never lock".
 */
export function useConsoleSettingsState(): ConsoleSettingsState {
  const desk = useDesk();
  const loaded = useDeskQuery('settings:get', {});
  const [saved, setSaved] = useState<ConsoleSettings | null>(null);
  const save = useCallback(
    async (settings: Partial<ConsoleSettings>) => {
      const next = await desk.call('settings:set', settings);
      setSaved(next);
      return next;
    },
    [desk],
  );
  return { idleLockMinutes: (saved ?? loaded.data)?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES, save };
}

/** Shared by the idle lock and the header's settings dialog, so a change applies at once. */
export const ConsoleSettingsContext = createContext<ConsoleSettingsState | null>(null);

export const useConsoleSettings = (): ConsoleSettingsState | null => useContext(ConsoleSettingsContext);
