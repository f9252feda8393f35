import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasRole } from '../../app/staff-context';
import { DisclosureDetailView } from '../disclosures/disclosure-detail';
import { initialDisclosureFilters, type DisclosureFilters } from '../disclosures/disclosure-filters';
import { DisclosureForm } from '../disclosures/disclosure-form';
import { DisclosureList } from '../disclosures/disclosure-list';
import { LegalHoldsPage } from '../legal-holds/legal-holds-page';
import { ProcessorRegister } from '../processors/processor-register';
import { TabList } from '../tabs/tab-list';
import { TransparencyPage } from '../transparency-report/transparency-page';
import { LegalReminders, type Reminder } from './legal-reminders';

const allViews = ['register', 'new', 'holds', 'processors', 'transparency'] as const;
type LegalView = (typeof allViews)[number];

const viewOfReminder: Record<Reminder['kind'], LegalView> = { hold_expiring: 'holds', processor_review: 'processors', no_notify_ending: 'register' };

/**
 * The legal area: the disclosure register, a new entry (legal staff only), legal holds, the
 * processor register and the transparency report, under the reminders that fall due. The DPO
 * reads it all without action buttons. The register's filter and open entry live here, so a
 * trip to another tab keeps them.
 */
export function LegalArea() {
  const { t } = useTranslation();
  const ids = useId();
  const canAct = useHasRole('legal');
  const views = allViews.filter((view) => view !== 'new' || canAct);
  const [view, setView] = useState<LegalView>('register');
  const [filters, setFilters] = useState<DisclosureFilters>(initialDisclosureFilters);
  const [openedId, setOpenedId] = useState<string | null>(null);
  const tabId = (v: LegalView) => `${ids}-tab-${v}`;

  const openEntry = (disclosureId: string) => {
    setOpenedId(disclosureId);
    setView('register');
  };
  const openReminder = (reminder: Reminder) => {
    if (reminder.kind === 'no_notify_ending') openEntry(reminder.subjectId);
    else setView(viewOfReminder[reminder.kind]);
  };

  return (
    <div className="rights-area legal-area" data-testid="legal-area">
      <LegalReminders onOpen={openReminder} />
      <TabList<LegalView>
        className="legal-tabs"
        label={t('legal.nav.label')}
        tabs={views}
        current={view}
        tabLabel={(v) => t(`legal.nav.${v}`)}
        tabId={tabId}
        panelId={`${ids}-panel`}
        onSelect={setView}
      >
        {!canAct && <span className="read-only-note">{t('legal.readOnly')}</span>}
      </TabList>
      <div className="rights-panel" role="tabpanel" id={`${ids}-panel`} aria-labelledby={tabId(view)}>
        {view === 'register' && (
          <div className="rights-tickets">
            <DisclosureList filters={filters} onFilters={setFilters} openedId={openedId} onOpen={setOpenedId} />
            {openedId ? (
              <DisclosureDetailView key={openedId} disclosureId={openedId} canAct={canAct} />
            ) : (
              <section className="ticket-detail empty">
                <p className="muted">{t('disclosures.detail.none')}</p>
              </section>
            )}
          </div>
        )}
        {view === 'new' && canAct && <DisclosureForm onCreated={openEntry} />}
        {view === 'holds' && <LegalHoldsPage canAct={canAct} />}
        {view === 'processors' && <ProcessorRegister canAct={canAct} />}
        {view === 'transparency' && <TransparencyPage />}
      </div>
    </div>
  );
}
