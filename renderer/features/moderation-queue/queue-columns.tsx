import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationQueueRow, QueueKind } from '../../../shared/ipc/moderation-views';
import { listingAge, useAgeText, type ListingAge } from './listing-age';
import { usePriceFormat } from './listing-price';

/** The queue's columns after the checkbox: the title (the row's focusable handle), then plain text. */
export type QueueColumnId = 'title' | 'category' | 'district' | 'price' | 'age' | 'reportReasons' | 'flags' | 'reports';

export interface QueueColumn {
  id: QueueColumnId;
  header: string;
  className: string;
}

/** What one row shows, translated and formatted once per row, language, queue and minute. */
export interface QueueRowText {
  category: string;
  price: string;
  age: string;
  /** The badge of an overdue row. */
  overdue: string | null;
  /** Reported rows: reports and reasons; auto-flagged rows: flag kinds; others: the report count. */
  signals: string;
  selectLabel: string;
  /** Someone else's claim. */
  claimedBy: string | null;
}

/**
 * The last column depends on the queue: reported rows add their reports and reasons,
 * auto-flagged rows their flag kinds, the rest their report count.
 */
const signalColumn = (queue: QueueKind): QueueColumnId => (queue === 'reported' ? 'reportReasons' : queue === 'flagged' ? 'flags' : 'reports');

export function useQueueColumns(queue: QueueKind): QueueColumn[] {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const signals = signalColumn(queue);
    return [
      { id: 'title', header: t('queue.columns.title'), className: 'col-title' },
      { id: 'category', header: t('queue.columns.category'), className: 'col-category' },
      { id: 'district', header: t('queue.columns.district'), className: 'col-district' },
      { id: 'price', header: t('queue.columns.price'), className: 'col-price' },
      { id: 'age', header: t('queue.columns.age'), className: 'col-age' },
      { id: signals, header: t(`queue.columns.${signals}`), className: signals === 'reports' ? 'col-reports' : 'col-signals' },
    ];
    // t changes identity with the language; the language is what the headers depend on.
  }, [t, i18n.language, queue]);
}

/** A placeholder no translation contains: a translation is built once and filled per row. */
const SLOT = '\u0000';

/** Memoises `text(key)` by key. */
function memo<T>(text: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = text(key);
      known.set(key, value);
    }
    return value;
  };
}

/**
 * The texts of each row, kept per row object (rows keep their object while unchanged, see
 * use-queue-rows) so a re-render formats nothing, and each translation is looked up once per
 * distinct value rather than once per cell: a scroll of the whole queue renders some tens of
 * thousands of rows, and i18next's lookup and interpolation were most of each row's cost.
 */
export function useQueueRowText(queue: QueueKind, now: number): (row: ModerationQueueRow) => QueueRowText {
  const { t, i18n } = useTranslation();
  const formatPrice = usePriceFormat();
  const ageText = useAgeText();
  return useMemo(() => {
    const byRow = new WeakMap<ModerationQueueRow, QueueRowText>();
    const category = memo((key) => t(`categories.${key}`));
    const price = memo((key) => {
      const [fen, unit] = key.split('|') as [string, ModerationQueueRow['priceUnit']];
      return formatPrice(fen === '' ? null : Number(fen), unit);
    });
    // By unit and count, not by time: every row's time differs, and a lookup per row was a
    // tenth of what a fast scroll allocated.
    const ageInWords = memo((bucket) => {
      const [key, count] = bucket.split('|') as [ListingAge['key'], string];
      return ageText({ key, count: Number(count) });
    });
    const age = (iso: string) => {
      const { key, count } = listingAge(now, iso);
      return ageInWords(`${key}|${count}`);
    };
    const overdue = t('queue.overdue');
    const separator = t('queue.listSeparator');
    const reportReason = memo((reason) => t(`reportReasons.${reason}`, { defaultValue: reason }));
    const flagKind = memo((kind) => t(`flagKinds.${kind}`));
    const reportSummary = memo((count) => t('queue.reportSummary', { count: Number(count), reasons: SLOT }));
    const selectLabel = t('queue.selectRow', { title: SLOT });
    const claimedBy = t('queue.claimedBy', { name: SLOT });
    const fill = (template: string, value: string) => template.split(SLOT).join(value);
    const signalsOf = (row: ModerationQueueRow) =>
      queue === 'reported'
        ? fill(reportSummary(String(row.reportCount)), row.reportReasons.map(reportReason).join(separator))
        : queue === 'flagged'
          ? row.flags.map(flagKind).join(separator)
          : String(row.reportCount);
    return (row) => {
      let text = byRow.get(row);
      if (!text) {
        text = {
          category: category(row.category),
          price: price(`${row.priceFen ?? ''}|${row.priceUnit}`),
          age: age(row.queuedAt),
          overdue: row.overdue ? overdue : null,
          signals: signalsOf(row),
          selectLabel: fill(selectLabel, row.title),
          claimedBy: row.claim && !row.claim.mine ? fill(claimedBy, row.claim.holderName) : null,
        };
        byRow.set(row, text);
      }
      return text;
    };
    // formatPrice/ageText are new each render; the language, the queue and the clock are what they depend on.
  }, [t, i18n.language, now, queue]);
}
