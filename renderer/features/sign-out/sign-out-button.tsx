import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { SignOutDialog, type UndeliveredChoice } from './sign-out-dialog';

/**
 * Signing out never drops a decision silently: when the core reports undelivered ones, the
 * staff member chooses to deliver them first or keep them for the next sign-in.
 */
export function SignOutButton({ onSignedOut, testId = 'sign-out-button' }: { onSignedOut(): void; testId?: string }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const errorMessage = useErrorMessage();
  const [undelivered, setUndelivered] = useState<{ count: number; retried: boolean } | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<DeskError | null>(null);

  const signOut = async (choice?: UndeliveredChoice) => {
    setWorking(true);
    setError(null);
    try {
      const answer = await desk.call('session:signOut', choice ? { undelivered: choice } : {});
      if (answer.signedOut) {
        setUndelivered(null);
        onSignedOut();
      } else if (answer.undelivered > 0) {
        setUndelivered({ count: answer.undelivered, retried: choice === 'deliver_first' });
      }
    } catch (failure) {
      setError(asDeskError(failure));
    } finally {
      setWorking(false);
    }
  };

  return (
    <>
      <button type="button" data-testid={testId} disabled={working && !undelivered} onClick={() => void signOut()}>
        {t('signOut.button')}
      </button>
      {error && !undelivered && (
        <span className="error" role="alert">
          {errorMessage(error)}
        </span>
      )}
      {undelivered && (
        <SignOutDialog
          count={undelivered.count}
          retried={undelivered.retried}
          working={working}
          error={error && errorMessage(error)}
          onChoose={(choice) => void signOut(choice)}
          onCancel={() => {
            setUndelivered(null);
            setError(null);
          }}
        />
      )}
    </>
  );
}
