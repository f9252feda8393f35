import { useTranslation } from 'react-i18next';

/**
 * What customer service may know of a legal hold: that one applies. Its details are legal's,
 * and the user must not learn of it from us (a hold often protects an investigation).
 */
export function LegalHoldNotice() {
  const { t } = useTranslation();
  return (
    <div className="notice legal-hold-notice" role="status" data-testid="legal-hold-notice">
      <p>
        <strong>{t('rights.legalHold.title')}</strong>
      </p>
      <p>{t('rights.legalHold.waits')}</p>
      <p>{t('rights.legalHold.doNotTell')}</p>
    </div>
  );
}
