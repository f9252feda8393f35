import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../i18n/error-message';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import type { ClaimState } from './use-claim';

/** Who holds the item when it is not us, or that the platform could not be asked. */
export function ClaimBanner({ claim }: { claim: ClaimState }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const errorMessage = useErrorMessage();
  if (claim.status === 'held') {
    return (
      <p className="notice claim-held" role="status" data-testid="claim-holder">
        {claim.expiresAt
          ? t('claim.heldUntil', { holderName: claim.holderName, time: formatTime(claim.expiresAt) })
          : t('claim.held', { holderName: claim.holderName })}
      </p>
    );
  }
  if (claim.status === 'unconfirmed') {
    return (
      <p className="notice undelivered" role="status">
        {t('claim.unconfirmed', { reason: errorMessage(claim.error) })}
      </p>
    );
  }
  return null;
}
