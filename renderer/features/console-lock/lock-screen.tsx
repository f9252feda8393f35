import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffProfile } from '../../../shared/platform/entities';
import { useDesk } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { useTicketCall } from '../rights-tickets/use-ticket-call';
import { SignOutButton } from '../sign-out/sign-out-button';

interface LockScreenProps {
  staff: StaffProfile;
  onUnlocked(): void;
  onSignedOut(): void;
}

/**
 * Covers the console after idle time: the staff member stays signed in (and undelivered work
 * stays queued) but must type their password again; or sign out, which a colleague at the
 * same desk may need to do.
 */
export function LockScreen({ staff, onUnlocked, onSignedOut }: LockScreenProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [password, setPassword] = useState('');
  const [empty, setEmpty] = useState(false);
  const { working, error, run } = useTicketCall();
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => field.current?.focus(), []);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) return setEmpty(true);
    setEmpty(false);
    const status = await run(() => desk.call('session:unlock', { password }));
    setPassword('');
    if (status && !status.locked) onUnlocked();
    else field.current?.focus();
  };

  const problem = empty ? t('lock.passwordMissing') : error ? t(`lock.errors.${error.code}`, { defaultValue: errorMessage(error) }) : null;

  return (
    <main className="lock-screen" data-testid="lock-screen" aria-labelledby={`${id}-heading`}>
      <form className="sign-in-form" onSubmit={(e) => void unlock(e)} noValidate>
        <h1 id={`${id}-heading`}>{t('lock.heading')}</h1>
        <p data-testid="lock-staff">{t('lock.who', { name: staff.displayName, username: staff.username })}</p>
        <p className="muted">{t('lock.explain')}</p>
        <label htmlFor={`${id}-password`}>{t('lock.password')}</label>
        <input
          ref={field}
          id={`${id}-password`}
          data-testid="lock-password"
          type="password"
          value={password}
          autoComplete="current-password"
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        {problem && (
          <p className="error" role="alert" id={`${id}-problem`}>
            {problem}
          </p>
        )}
        <button type="submit" className="primary" data-testid="lock-unlock" disabled={working}>
          {working ? t('lock.unlocking') : t('lock.unlock')}
        </button>
      </form>
      <p className="lock-sign-out">
        {t('lock.notYou')} <SignOutButton onSignedOut={onSignedOut} testId="lock-sign-out" />
      </p>
    </main>
  );
}
