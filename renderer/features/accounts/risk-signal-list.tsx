import { useTranslation } from 'react-i18next';
import type { RiskSignal } from '../../../shared/platform/entities';
import { useShanghaiTime } from '../../i18n/shanghai-time';

/** Account-security signals: new region, bursts of failed logins, a device or phone shared by many accounts. */
export function RiskSignalList({ signals }: { signals: RiskSignal[] }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  if (signals.length === 0) return <p className="muted">{t('detail.noRiskSignals')}</p>;
  return (
    <ul className="risk-signals">
      {signals.map((signal, n) => (
        <li key={`${signal.kind}-${n}`}>
          <strong>{t(`riskSignals.${signal.kind}`)}</strong> <span>{signal.detail}</span>{' '}
          <time dateTime={signal.at}>{formatTime(signal.at)}</time>
        </li>
      ))}
    </ul>
  );
}
