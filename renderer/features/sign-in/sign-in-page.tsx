import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import type { DemoAccount, SessionStatus } from '../../../shared/ipc/views';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { LanguageSwitch } from '../../i18n/language-switch';
import { DemoAccounts } from './demo-accounts';

interface SignInPageProps {
  session: SessionStatus;
  onSignedIn(status: SessionStatus): void;
}

export function SignInPage({ session, onSignedIn }: SignInPageProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [platformUrl, setPlatformUrl] = useState(session.platformUrl);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<DeskError | 'missing_fields' | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('missing_fields');
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const url = platformUrl.trim();
      const status = await desk.call('session:signIn', { ...(url ? { platformUrl: url } : {}), username: username.trim(), password });
      onSignedIn(status);
    } catch (failure) {
      setError(asDeskError(failure));
      setSubmitting(false);
    }
  };

  const fill = (account: DemoAccount) => {
    setUsername(account.username);
    setPassword(account.password);
    setError(null);
  };

  return (
    <div className="sign-in-screen">
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className="sign-in-main">
        <form className="sign-in-form" data-testid="sign-in-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`}>
          <h1 id={`${id}-heading`}>{t('signIn.heading')}</h1>
          <label htmlFor={`${id}-platform`}>{t('signIn.platformUrl')}</label>
          <input
            id={`${id}-platform`}
            type="url"
            value={platformUrl}
            onChange={(e) => setPlatformUrl(e.target.value)}
            autoComplete="url"
            spellCheck={false}
          />
          <label htmlFor={`${id}-username`}>{t('signIn.username')}</label>
          <input
            id={`${id}-username`}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            spellCheck={false}
            required
          />
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
          {error && (
            <p className="error" role="alert">
              {error === 'missing_fields' ? t('signIn.missingFields') : errorMessage(error)}
            </p>
          )}
          <button type="submit" className="primary" disabled={submitting}>
            {submitting ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
        {session.demo && <DemoAccounts accounts={session.demo.accounts} onUse={fill} />}
      </main>
    </div>
  );
}
