import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightsTicketDetail } from '../../../shared/ipc/rights-views';
import type { ProcessorTask, RightsTicket } from '../../../shared/platform/rights-entities';
import { useDesk } from '../../desk/desk-context';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { CallError } from './call-error';
import { useTicketCall } from './use-ticket-call';

interface ProcessorTasksProps {
  ticket: RightsTicket;
  canAct: boolean;
  onChanged(detail: RightsTicketDetail): void;
}

/**
 * Processors (cloud, SMS, analytics) hold copies too; a deletion is done when each confirms,
 * and their own reference is what proves it.
 */
export function ProcessorTasks({ ticket, canAct, onChanged }: ProcessorTasksProps) {
  const { t } = useTranslation();
  const id = useId();
  if (ticket.processorTasks.length === 0) return null;
  return (
    <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="processor-tasks">
      <h3 id={`${id}-heading`}>{t('rights.processors.heading')}</h3>
      <ul className="processor-tasks">
        {ticket.processorTasks.map((task) => (
          <ProcessorTaskItem key={task.id} ticketId={ticket.id} task={task} canAct={canAct} onChanged={onChanged} />
        ))}
      </ul>
    </section>
  );
}

function ProcessorTaskItem({ ticketId, task, canAct, onChanged }: { ticketId: string; task: ProcessorTask; canAct: boolean; onChanged(detail: RightsTicketDetail): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const formatTime = useShanghaiTime();
  const [reference, setReference] = useState('');
  const [missing, setMissing] = useState(false);
  const { working, error, run } = useTicketCall();

  const confirm = async () => {
    setMissing(!reference.trim());
    if (!reference.trim()) return;
    const detail = await run(() => desk.call('rights:confirmProcessorTask', { ticketId, taskId: task.id, reference: reference.trim() }));
    if (detail) onChanged(detail);
  };

  return (
    <li data-testid="processor-task" data-confirmed={task.confirmedAt !== null}>
      <strong>{task.processorName}</strong> · {task.dataCategories.join(t('rights.listSeparator'))} · <span className="muted">{t('rights.processors.requested', { time: formatTime(task.requestedAt) })}</span>
      {task.confirmedAt ? (
        <p className="verified">{t('rights.processors.confirmed', { time: formatTime(task.confirmedAt), name: task.confirmedByName ?? '', reference: task.reference ?? '' })}</p>
      ) : canAct ? (
        <div className="finder-row">
          <label htmlFor={`${id}-reference`}>{t('rights.processors.reference')}</label>
          <input id={`${id}-reference`} maxLength={200} value={reference} aria-invalid={missing} onChange={(e) => setReference(e.target.value)} />
          <button type="button" disabled={working} onClick={() => void confirm()}>
            {t('rights.processors.confirm')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('rights.processors.waiting')}</p>
      )}
      {missing && (
        <p className="error" role="alert">
          {t('rights.processors.referenceRequired')}
        </p>
      )}
      <CallError error={error} />
    </li>
  );
}
