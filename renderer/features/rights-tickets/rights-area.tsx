import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasRole } from '../../app/staff-context';
import { RetentionPage } from '../retention/retention-page';
import { RightsDashboardPage } from '../rights-dashboard/rights-dashboard-page';
import { TabList } from '../tabs/tab-list';
import { IntakeForm } from './intake-form';
import { TicketDetail } from './ticket-detail';
import { initialTicketFilters, type TicketFilters } from './ticket-filters';
import { TicketList } from './ticket-list';

const allViews = ['tickets', 'new', 'retention', 'dashboard'] as const;
type RightsView = (typeof allViews)[number];

/**
 * The rights-request area: tickets, a new ticket (customer service only), retention and the
 * dashboard. Filters and the open ticket live here, so a trip to another tab keeps them.
 */
export function RightsArea() {
  const { t } = useTranslation();
  const ids = useId();
  const canAct = useHasRole('cs_agent');
  const views = allViews.filter((view) => view !== 'new' || canAct);
  const [view, setView] = useState<RightsView>('tickets');
  const [filters, setFilters] = useState<TicketFilters>(initialTicketFilters);
  const [openedId, setOpenedId] = useState<string | null>(null);
  const tabId = (v: RightsView) => `${ids}-tab-${v}`;

  const openTicket = (ticketId: string) => {
    setOpenedId(ticketId);
    setView('tickets');
  };

  return (
    <div className="rights-area" data-testid="rights-area">
      <TabList<RightsView>
        className="rights-tabs"
        label={t('rights.nav.label')}
        tabs={views}
        current={view}
        tabLabel={(v) => t(`rights.nav.${v}`)}
        tabId={tabId}
        panelId={`${ids}-panel`}
        onSelect={setView}
      >
        {!canAct && <span className="read-only-note">{t('rights.readOnly')}</span>}
      </TabList>
      <div className="rights-panel" role="tabpanel" id={`${ids}-panel`} aria-labelledby={tabId(view)}>
        {view === 'tickets' && (
          <div className="rights-tickets">
            <TicketList filters={filters} onFilters={setFilters} openedId={openedId} onOpen={setOpenedId} />
            {openedId ? (
              <TicketDetail key={openedId} ticketId={openedId} />
            ) : (
              <section className="ticket-detail empty">
                <p className="muted">{t('rights.detail.none')}</p>
              </section>
            )}
          </div>
        )}
        {view === 'new' && canAct && <IntakeForm onCreated={openTicket} onOpenTicket={openTicket} />}
        {view === 'retention' && <RetentionPage />}
        {view === 'dashboard' && <RightsDashboardPage />}
      </div>
    </div>
  );
}
