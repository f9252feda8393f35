import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../desk/use-desk-query';
import { ConsoleGuard } from '../features/console-lock/console-guard';
import { SignInPage } from '../features/sign-in/sign-in-page';
import { useErrorMessage } from '../i18n/error-message';
import { Shell } from './shell';

/** Signed out → the sign-in screen; signed in → the shell, under the lock when idle. The core's session decides. */
export function App() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const session = useDeskQuery('session:status', {}, { refetchOn: ['session:changed'] });

  if (!session.data) {
    return (
      <main className="app-loading">
        {session.error ? (
          <>
            <p className="error" role="alert">
              {errorMessage(session.error)}
            </p>
            <button type="button" onClick={session.refetch}>
              {t('app.retry')}
            </button>
          </>
        ) : (
          <p role="status">{t('app.connecting')}</p>
        )}
      </main>
    );
  }
  const { staff } = session.data;
  if (session.data.state === 'signed_out' || !staff) {
    return <SignInPage session={session.data} onSignedIn={session.refetch} />;
  }
  return (
    <ConsoleGuard key={staff.id} session={session.data} staff={staff} onSessionChanged={session.refetch}>
      <Shell session={session.data} staff={staff} onSignedOut={session.refetch} />
    </ConsoleGuard>
  );
}
