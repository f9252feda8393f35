import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasRole } from '../../app/staff-context';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { TabList } from '../tabs/tab-list';
import { RetentionTable } from './retention-table';
import { SweepAction } from './sweep-action';
import { SweepLog } from './sweep-log';

const retentionStates = ['due', 'held', 'done'] as const;
type RetentionState = (typeof retentionStates)[number];

/** Privacy policy 三.2: listings past their display period are deleted or anonymised, and this shows it happening. */
export function RetentionPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const ids = useId();
  const isDpo = useHasRole('dpo');
  const [state, setState] = useState<RetentionState>('due');
  const list = useDeskQuery('retention:list', { state }, { refetchOn: ['cache:changed'] });
  const items = list.data?.items ?? [];
  const tabId = (s: RetentionState) => `${ids}-tab-${s}`;

  return (
    <section className="retention-page" data-testid="retention-page" aria-labelledby={`${ids}-heading`}>
      <h1 id={`${ids}-heading`}>{t('retention.heading')}</h1>
      {isDpo && <SweepAction />}
      <TabList<RetentionState> label={t('retention.tabsLabel')} tabs={retentionStates} current={state} tabLabel={(s) => t(`retention.tabs.${s}`)} tabId={tabId} panelId={`${ids}-panel`} onSelect={setState} />
      <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={tabId(state)}>
        {list.error && (
          <p className="error" role="alert">
            {errorMessage(list.error)}
          </p>
        )}
        {list.data && (
          <p className="muted" data-testid="retention-total">
            {list.data.total !== null && list.data.total > items.length ? t('retention.showing', { shown: items.length, total: list.data.total }) : t('retention.count', { n: items.length })}
          </p>
        )}
        {items.length > 0 && <RetentionTable items={items} />}
      </div>
      <SweepLog />
    </section>
  );
}
