import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffProfile } from '../../shared/platform/entities';
import type { SessionStatus } from '../../shared/ipc/views';
import { AuditArea } from '../features/audit-trail/audit-area';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { DuplicatesPage } from '../features/duplicates/duplicates-page';
import { LegalArea } from '../features/legal-area/legal-area';
import { ModerationQueuePage } from '../features/moderation-queue/moderation-queue-page';
import { RightsArea } from '../features/rights-tickets/rights-area';
import { SyncStatusBar } from '../features/sync-status/sync-status-bar';
import { CacheProblemBanner } from '../features/cache-health/cache-problem-banner';
import { AppHeader } from './app-header';
import { AreaPlaceholder } from './area-placeholder';
import { areasFor, homeArea, isBuilt, type AreaId, type BuiltArea } from './areas';
import { StaffProvider } from './staff-context';

interface ShellProps {
  session: SessionStatus;
  staff: StaffProfile;
  onSignedOut(): void;
}

const pages: Record<BuiltArea, () => JSX.Element> = {
  moderation: ModerationQueuePage,
  duplicates: DuplicatesPage,
  dashboard: DashboardPage,
  rights_requests: RightsArea,
  disclosures: LegalArea,
  audit: AuditArea,
};

export function Shell({ session, staff, onSignedOut }: ShellProps) {
  const { t } = useTranslation();
  const available = areasFor(staff.roles);
  const [chosen, setChosen] = useState<AreaId | null>(null);
  const current = chosen && available.includes(chosen) ? chosen : homeArea(staff.roles);
  const Page = current !== undefined && isBuilt(current) ? pages[current] : null;

  return (
    <StaffProvider staff={staff}>
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
        <CacheProblemBanner />
        <main className="app-main">
          {Page && <Page />}
          {current !== undefined && !isBuilt(current) && <AreaPlaceholder area={current} />}
          {current === undefined && <p>{t('placeholder.noArea')}</p>}
        </main>
        <SyncStatusBar />
      </div>
    </StaffProvider>
  );
}
