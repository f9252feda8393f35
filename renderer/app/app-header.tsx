import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../shared/ipc/views';
import type { StaffProfile } from '../../shared/platform/entities';
import { ConsoleSettingsButton } from '../features/console-lock/console-settings-button';
import { SignOutButton } from '../features/sign-out/sign-out-button';
import { LanguageSwitch } from '../i18n/language-switch';
import { useShanghaiTime } from '../i18n/shanghai-time';

interface AppHeaderProps {
  staff: StaffProfile;
  lastSignInAt: SessionStatus['lastSignInAt'];
  onSignedOut(): void;
}

export function AppHeader({ staff, lastSignInAt, onSignedOut }: AppHeaderProps) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const roles = staff.roles.map((role) => t(`roles.${role}`)).join(t('header.roleSeparator'));
  return (
    <header className="app-header">
      <span className="brand">{t('app.name')}</span>
      <div className="staff">
        <span className="staff-name">{staff.displayName}</span>
        <span className="staff-roles">{roles}</span>
        {/* Shown so staff notice a sign-in that was not theirs. */}
        <span className="last-sign-in">
          {lastSignInAt ? t('header.lastSignIn', { time: formatTime(lastSignInAt) }) : t('header.firstSignIn')}
        </span>
      </div>
      <ConsoleSettingsButton />
      <LanguageSwitch />
      <SignOutButton onSignedOut={onSignedOut} />
    </header>
  );
}
