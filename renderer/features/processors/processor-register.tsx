import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Processor } from '../../../shared/platform/legal-entities';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { shanghaiToday } from '../legal-area/legal-dates';
import { useCalendarDate } from '../rights-tickets/calendar-date';
import { ProcessorForm } from './processor-form';
import { reviewState } from './review-due';

const columns = ['name', 'kind', 'dataCategories', 'purpose', 'agreementDate', 'reviewDate', 'deletionContact'] as const;

/**
 * The processor register (policy 四.1): who receives which categories of users' data, under which
 * agreement, and when it is next reviewed; a review within 30 days or past is marked in words.
 */
export function ProcessorRegister({ canAct }: { canAct: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDate = useCalendarDate();
  const register = useDeskQuery('legal:processors', {}, { refetchOn: ['cache:changed'] });
  // `null` adds a processor; a processor edits it; undefined shows no form.
  const [editing, setEditing] = useState<Processor | null | undefined>(undefined);
  const today = shanghaiToday();
  const separator = t('legal.listSeparator');
  const processors = register.data?.processors ?? [];
  const saved = () => {
    setEditing(undefined);
    register.refetch();
  };

  return (
    <section className="legal-page" aria-labelledby="processors-heading" data-testid="processor-register">
      <div className="ticket-list-heading">
        <h1 id="processors-heading">{t('processors.heading')}</h1>
        {canAct && editing === undefined && (
          <button type="button" className="primary" data-testid="add-processor" onClick={() => setEditing(null)}>
            {t('processors.add')}
          </button>
        )}
      </div>
      {canAct && editing !== undefined && <ProcessorForm key={editing?.id ?? 'new'} processor={editing} onSaved={saved} onCancel={() => setEditing(undefined)} />}
      {register.error && (
        <p className="error" role="alert">
          {errorMessage(register.error)}
        </p>
      )}
      {!register.data && !register.error && <p className="muted">{t('processors.loading')}</p>}
      {register.data && processors.length === 0 && <p className="queue-empty">{t('processors.empty')}</p>}
      {processors.length > 0 && (
        <div className="ticket-scroll">
          <table className="ticket-table processor-table" data-testid="processor-table" aria-label={t('processors.heading')}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {t(`processors.fields.${column}`)}
                  </th>
                ))}
                {canAct && <th scope="col">{t('processors.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {processors.map((processor) => {
                const review = reviewState(processor.reviewDate, today);
                return (
                  <tr key={processor.id} data-testid="processor-row" className={review ? `ticket-row urgency-${review.urgency === 'overdue' ? 'overdue' : 'due-soon'}` : 'ticket-row'}>
                    <td>{processor.name}</td>
                    <td>{t(`legal.processorKinds.${processor.kind}`)}</td>
                    <td>{processor.dataCategories.join(separator)}</td>
                    <td>{processor.purpose}</td>
                    <td className="col-nowrap">{formatDate(processor.agreementDate)}</td>
                    <td className="col-nowrap" data-testid="review-date">
                      {formatDate(processor.reviewDate)}
                      {review && <span className={`urgency-badge ${review.urgency === 'overdue' ? 'overdue' : 'due-soon'}`}>{t(`processors.review.${review.urgency}`, { n: review.days })}</span>}
                    </td>
                    <td>{processor.deletionContact}</td>
                    {canAct && (
                      <td>
                        <button type="button" data-testid="edit-processor" onClick={() => setEditing(processor)}>
                          {t('processors.edit')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
