import { useTranslation } from 'react-i18next';
import type { Amendment } from '../../../shared/platform/disclosure-entities';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { useAmendmentWords } from './amendment-values';

/** Every correction, oldest first: who, when, why, and each field before → after. */
export function AmendmentHistory({ amendments }: { amendments: readonly Amendment[] }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const words = useAmendmentWords();
  if (amendments.length === 0) return <p className="muted">{t('disclosures.amendments.none')}</p>;
  return (
    <ol className="amendment-history" data-testid="amendment-history">
      {amendments.map((amendment) => (
        <li key={amendment.id} data-testid="amendment">
          <p>
            <strong>{amendment.staffName}</strong> · <time dateTime={amendment.at}>{formatTime(amendment.at)}</time>
          </p>
          <p>{t('disclosures.amendments.reason', { reason: amendment.reason })}</p>
          <table className="steps-table amendment-changes">
            <thead>
              <tr>
                <th scope="col">{t('disclosures.amendments.field')}</th>
                <th scope="col">{t('disclosures.amendments.before')}</th>
                <th scope="col" aria-hidden="true" />
                <th scope="col">{t('disclosures.amendments.after')}</th>
              </tr>
            </thead>
            <tbody>
              {amendment.changes.map((change) => (
                <tr key={change.path} data-testid="amendment-change">
                  <th scope="row">{words.label(change.path)}</th>
                  <td>
                    <del className="diff-removed">{words.value(change.path, change.before)}</del>
                  </td>
                  <td aria-hidden="true">→</td>
                  <td>
                    <ins className="diff-added">{words.value(change.path, change.after)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
      ))}
    </ol>
  );
}
