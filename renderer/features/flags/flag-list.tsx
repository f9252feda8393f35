import { useTranslation } from 'react-i18next';
import type { ListingFlagView } from '../../../shared/ipc/moderation-views';
import { currentLanguage } from '../../i18n/desk-i18n';
import { useErrorMessage } from '../../i18n/error-message';
import { usePriceFormat } from '../moderation-queue/listing-price';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { priceGroupLabel } from './price-group-label';
import type { FlagFeedback } from './use-flag-feedback';

interface FlagListProps {
  feedback: FlagFeedback;
  activeFlag: number | null;
  onActivate(index: number): void;
}

const numberIn = (detail: ListingFlagView['detail'], key: string) => (typeof detail[key] === 'number' ? (detail[key] as number) : null);
const textIn = (detail: ListingFlagView['detail'], key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : '');

/** Why a flag fired, in words: how far below the median, or what text matched. */
function FlagExplanation({ flag }: { flag: ListingFlagView }) {
  const { t, i18n } = useTranslation();
  const formatPrice = usePriceFormat();
  const percent = numberIn(flag.detail, 'percentBelow');
  const median = numberIn(flag.detail, 'median');
  if (flag.kind === 'price_far_below_median' && percent !== null) {
    const values = { percent, median: median === null ? '—' : formatPrice(median, 'item') };
    const group = priceGroupLabel(textIn(flag.detail, 'category'), textIn(flag.detail, 'group'), currentLanguage(i18n));
    return <span>{group ? t('flags.belowGroupMedian', { ...values, group }) : t('flags.belowMedian', values)}</span>;
  }
  const matched = flag.spans.map((s) => `「${s.text}」`).join(t('queue.listSeparator'));
  return matched ? <span>{t('flags.matched', { text: matched })}</span> : null;
}

/**
 * The listing's auto-flags, each with its rule and why. `f` (or the button) records the
 * focused flag as a false positive (`moderation:flagFeedback`).
 */
export function FlagList({ feedback, activeFlag, onActivate }: FlagListProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { flags, problem, markFalsePositive } = feedback;
  const focusedIndex = () => activeFlag ?? flags.findIndex((f) => !f.dismissed);
  useShortcuts({ falsePositive: () => void markFalsePositive(focusedIndex()) });

  if (flags.length === 0) return <p className="muted">{t('flags.none')}</p>;
  return (
    <>
      <ul className="flag-list" data-testid="flag-list">
        {flags.map((flag, index) => (
          <li
            key={`${flag.rule}-${index}`}
            className={index === activeFlag ? 'flag active' : 'flag'}
            data-testid="flag"
            data-rule={flag.rule}
            data-dismissed={flag.dismissed || undefined}
            onFocus={() => onActivate(index)}
            onMouseEnter={() => onActivate(index)}
          >
            <strong>{t(`flagKinds.${flag.kind}`)}</strong> <code>{flag.rule}</code> <FlagExplanation flag={flag} />
            {flag.dismissed ? (
              <span className="flag-dismissed">{t('flags.dismissed')}</span>
            ) : (
              <button type="button" data-testid="flag-false-positive" aria-keyshortcuts="f" onClick={() => void markFalsePositive(index)}>
                {t('flags.falsePositive')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {problem && (
        <p className="error" role="alert">
          {errorMessage(problem)}
        </p>
      )}
    </>
  );
}
