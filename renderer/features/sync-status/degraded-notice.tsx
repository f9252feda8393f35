import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/ipc/views';
import { DISPLAY_TIME_ZONE } from '../../i18n/shanghai-time';

/** The degraded codes the core reports (electron/core/platform/platform-health.ts); others read as plain errors. */
const KNOWN = new Set(['timeout', 'server_error', 'connection_reset', 'rate_limited']);

const clockTime = new Intl.DateTimeFormat('en-GB', { timeZone: DISPLAY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * A calm line, not an alarm: the platform answers badly and the core is retrying on its own.
 * Nothing for the staff member to do, so no error colour and no toast, only since when.
 */
export function DegradedNotice({ degraded }: { degraded: NonNullable<SyncStatus['degraded']> }) {
  const { t } = useTranslation();
  const code = KNOWN.has(degraded.code) ? degraded.code : 'other';
  return (
    <span className="degraded" data-testid="degraded-indicator" title={t('syncStatus.degradedHint')}>
      {t(`syncStatus.degraded.${code}`, { time: clockTime.format(new Date(degraded.since)) })}
    </span>
  );
}
