import { useTranslation } from 'react-i18next';

interface SelectionBarProps {
  count: number;
  /** Bulk actions are a senior moderator's; others see the count and can clear it. */
  canBulk: boolean;
  onBulk(): void;
  onClear(): void;
}

export function SelectionBar({ count, canBulk, onBulk, onClear }: SelectionBarProps) {
  const { t } = useTranslation();
  return (
    <div className="selection-bar" role="group" aria-label={t('selection.label')}>
      <span>{t('selection.count', { count })}</span>
      {canBulk ? (
        <button type="button" className="primary" data-testid="bulk-button" onClick={onBulk}>
          {t('selection.bulk')}
        </button>
      ) : (
        <span className="muted">{t('selection.seniorOnly')}</span>
      )}
      <button type="button" onClick={onClear}>
        {t('selection.clear')}
      </button>
    </div>
  );
}
