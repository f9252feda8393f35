import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainVerification as Verification } from '../../../shared/ipc/governance-views';
import { useDesk } from '../../desk/desk-context';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';

/**
 * Recomputes the trail's hash chain from the first event. An intact chain shows its head hash,
 * which the DPO can note down and compare later; a broken one names the first bad link and why,
 * as an alert, because it means the record was altered.
 */
export function ChainVerification() {
  const { t } = useTranslation();
  const desk = useDesk();
  const formatTime = useShanghaiTime();
  const [result, setResult] = useState<Verification | null>(null);
  const { working, error, run } = useTicketCall();

  const verify = async () => {
    setResult(null);
    const answer = await run(() => desk.call('audit:verify', {}));
    if (answer) setResult(answer);
  };

  return (
    <section className="chain-verification" aria-labelledby="chain-verification-heading">
      <h2 id="chain-verification-heading">{t('audit.verify.heading')}</h2>
      <button type="button" data-testid="audit-verify" disabled={working} onClick={() => void verify()}>
        {working ? t('audit.verify.working') : t('audit.verify.button')}
      </button>
      {result?.intact && (
        <div className="chain-result intact" role="status" data-testid="audit-verify-result" data-intact="true">
          <p>
            <strong>{t('audit.verify.intact', { count: result.checked })}</strong>
          </p>
          {result.head ? (
            <p>
              {t('audit.verify.head', { seq: result.head.seq })} <code data-testid="audit-head-hash">{result.head.hash}</code>
            </p>
          ) : (
            <p className="muted">{t('audit.verify.empty')}</p>
          )}
          <p className="muted">{t('audit.verify.at', { time: formatTime(result.verifiedAt) })}</p>
        </div>
      )}
      {result && !result.intact && (
        <div className="chain-result broken" role="alert" data-testid="audit-verify-result" data-intact="false" data-broken-seq={result.firstBroken?.seq}>
          <p>
            <strong>
              {result.firstBroken
                ? t('audit.verify.broken', { seq: result.firstBroken.seq, reason: t(`audit.verify.reasons.${result.firstBroken.reason}`) })
                : t('audit.verify.brokenUnknown')}
            </strong>
          </p>
          <p>{t('audit.verify.brokenAdvice', { count: result.checked })}</p>
          <p className="muted">{t('audit.verify.at', { time: formatTime(result.verifiedAt) })}</p>
        </div>
      )}
      <CallError error={error} />
    </section>
  );
}
