import { useState, type ReactNode } from 'react';
import type { SessionStatus } from '../../../shared/ipc/views';
import type { StaffProfile } from '../../../shared/platform/entities';
import { useDesk } from '../../desk/desk-context';
import { ConsoleSettingsContext, useConsoleSettingsState } from './console-settings';
import { ConsoleLockContext } from './lock-context';
import { LockScreen } from './lock-screen';
import { useIdleLock } from './use-idle-lock';

interface ConsoleGuardProps {
  session: SessionStatus;
  staff: StaffProfile;
  /** The session changed here (locked, unlocked, signed out): read it again from the core. */
  onSessionChanged(): void;
  children: ReactNode;
}

/**
 * Locks the signed-in console after idle time. The console stays mounted but hidden and inert
 * under the lock screen, so half-typed work survives while nothing of it can be seen, read by
 * a screen reader or focused; revealed numbers drop themselves (ConsoleLockContext).
 */
export function ConsoleGuard({ session, staff, onSessionChanged, children }: ConsoleGuardProps) {
  const desk = useDesk();
  const settings = useConsoleSettingsState();
  // Covers the console at once, before the core answers, and even if it cannot: a console that
  // should lock never stays open because a call failed. Unlocking clears it.
  const [lockedHere, setLockedHere] = useState(false);
  const locked = session.locked || lockedHere;

  useIdleLock({
    minutes: settings.idleLockMinutes,
    enabled: !locked,
    onIdle: () => {
      setLockedHere(true);
      desk.call('session:lock', {}).then(onSessionChanged, () => undefined);
    },
  });

  const unlocked = () => {
    setLockedHere(false);
    onSessionChanged();
  };

  return (
    <ConsoleLockContext.Provider value={locked}>
      <ConsoleSettingsContext.Provider value={settings}>
        <div className="console-content" data-testid="console-content" hidden={locked} inert={locked}>
          {children}
        </div>
      </ConsoleSettingsContext.Provider>
      {locked && <LockScreen staff={staff} onUnlocked={unlocked} onSignedOut={onSessionChanged} />}
    </ConsoleLockContext.Provider>
  );
}
