import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffProfile } from '../../shared/platform/entities';
import type { SessionStatus } from '../../shared/ipc/views';
import { ModerationQueuePage } from '../features/moderation-queue/moderation-queue-page';
import { SyncStatusBar } from '../features/sync-status/sync-status-bar';
import { AppHeader } from './app-header';
import { AreaPlaceholder } from './area-placeholder';
import { areasFor, type AreaId } from './areas';

interface ShellProps {
  session: SessionStatus;
  staff: StaffProfile;
  onSignedOut(): void;
}

export function Shell({ session, staff, onSignedOut }: ShellProps) {
  const { t } = useTranslation();
  const available = areasFor(staff.roles);
  const [chosen, setChosen] = useState<AreaId | null>(null);
  const current = chosen && available.includes(chosen) ? chosen : available[0];

  return (
    <div className="shell">
      <AppHeader staff={staff} lastSignInAt={session.lastSignInAt} onSignedOut={onSignedOut} />
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {available.map((area) => (
            <li key={area}>
              <button type="button" aria-current={area === current ? 'page' : undefined} onClick={() => setChosen(area)}>
                {t(`nav.${area}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main">
        {current === 'moderation' && <ModerationQueuePage />}
        {current !== undefined && current !== 'moderation' && <AreaPlaceholder area={current} />}
        {current === undefined && <p>{t('placeholder.noArea')}</p>}
      </main>
      <SyncStatusBar />
    </div>
  );
}
