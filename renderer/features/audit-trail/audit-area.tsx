import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffRolesPage } from '../staff-roles/staff-roles-page';
import { TabList } from '../tabs/tab-list';
import { AuditTrailPage } from './audit-trail-page';

const views = ['trail', 'staff'] as const;
type AuditView = (typeof views)[number];

/**
 * The DPO's area: the audit trail, and staff roles beside it, since every grant is an audit
 * event and the DPO reads the one to check the other.
 */
export function AuditArea() {
  const { t } = useTranslation();
  const ids = useId();
  const [view, setView] = useState<AuditView>('trail');
  const tabId = (v: AuditView) => `${ids}-tab-${v}`;
  return (
    <div className="rights-area audit-area" data-testid="audit-area">
      <TabList<AuditView>
        label={t('audit.nav.label')}
        tabs={views}
        current={view}
        tabLabel={(v) => t(`audit.nav.${v}`)}
        tabId={tabId}
        panelId={`${ids}-panel`}
        onSelect={setView}
      />
      <div className="rights-panel" role="tabpanel" id={`${ids}-panel`} aria-labelledby={tabId(view)}>
        {view === 'trail' ? <AuditTrailPage /> : <StaffRolesPage />}
      </div>
    </div>
  );
}
