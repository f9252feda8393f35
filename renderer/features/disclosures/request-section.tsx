import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureDetail } from '../../../shared/ipc/legal-views';
import { RegisterFileLink } from './register-file-link';
import { RequestFacts } from './request-facts';

/**
 * The request as registered. Once amended, the entry reads as corrected, and the original (as
 * first saved, never changed) is one click away: the register proves what was first written.
 */
export function RequestSection({ detail }: { detail: DisclosureDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const { disclosure, accounts } = detail;
  const [view, setView] = useState<'current' | 'original'>('current');
  const amended = disclosure.amendments.length > 0;
  const shown = amended && view === 'original' ? 'original' : 'current';
  return (
    <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="request-section">
      <h3 id={`${id}-heading`}>{t('disclosures.detail.requestHeading')}</h3>
      {amended && (
        <div className="segmented" role="group" aria-label={t('disclosures.detail.versions')}>
          {(['current', 'original'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={shown === v} onClick={() => setView(v)}>
              {t(`disclosures.detail.${v}`, { n: disclosure.amendments.length })}
            </button>
          ))}
        </div>
      )}
      {shown === 'original' ? (
        <RequestFacts request={disclosure.original} accounts={accounts} withScope testId="original-request" />
      ) : (
        <RequestFacts request={disclosure.request} accounts={accounts} withScope={false} testId="current-request" />
      )}
      <h4>{t('disclosures.detail.scan')}</h4>
      <RegisterFileLink file={disclosure.scan} testId="scan-file" />
    </section>
  );
}
