import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import type { RevealTarget } from '../../../shared/ipc/governance-views';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useMayCall } from './channel-access';
import { RevealDialog, type RevealChoice } from './reveal-dialog';
import { RevealedPhone } from './revealed-phone';
import { useRevealedValue } from './use-revealed-value';

interface MaskedPhoneProps {
  /** The masked form the cache holds, e.g. 135****7162. */
  masked: string;
  subjectType: RevealTarget['subjectType'];
  subjectId: string;
}

/**
 * A phone number as the console shows it: masked, with "查看" for the roles the contract lets
 * reveal. The full number is fetched live for a stated reason, shown for a short countdown and
 * masked again; copying it is recorded in the audit trail before it reaches the clipboard.
 */
export function MaskedPhone({ masked, subjectType, subjectId }: MaskedPhoneProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const mayReveal = useMayCall('pii:reveal');
  const [asking, setAsking] = useState(false);
  const [working, setWorking] = useState(false);
  // Kept per opening of the dialog: a refusal from an earlier attempt is not shown again.
  const [refusal, setRefusal] = useState<DeskError | null>(null);
  const { revealed, show, hide } = useRevealedValue();
  const target: RevealTarget = { subjectType, subjectId, field: 'phone' };

  const confirm = async (choice: RevealChoice) => {
    setWorking(true);
    setRefusal(null);
    try {
      show(await desk.call('pii:reveal', { ...target, ...choice }));
      setAsking(false);
    } catch (error) {
      setRefusal(asDeskError(error));
    } finally {
      setWorking(false);
    }
  };

  if (revealed) return <RevealedPhone target={target} revealed={revealed} onHide={hide} />;

  return (
    <span className="masked-phone" data-testid="masked-phone">
      <span className="phone">{masked}</span>
      {mayReveal && (
        <>
          {' '}
          <button
            type="button"
            data-testid="reveal-button"
            aria-label={t('reveal.buttonLabel', { masked })}
            onClick={() => {
              setRefusal(null);
              setAsking(true);
            }}
          >
            {t('reveal.button')}
          </button>
        </>
      )}
      {asking && (
        <RevealDialog masked={masked} working={working} error={refusal} onConfirm={(choice) => void confirm(choice)} onCancel={() => setAsking(false)} />
      )}
    </span>
  );
}
