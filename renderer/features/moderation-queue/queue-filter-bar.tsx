import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { flagKinds, QueueSortKey, type FlagKind } from '../../../shared/ipc/moderation-views';
import { categories, type Category } from '../../../shared/platform/entities';
import type { QueueFilters } from './queue-filters';
import { QueueSearch } from './queue-search';

interface QueueFilterBarProps {
  filters: QueueFilters;
  districts: string[];
  total: number;
  /** The search matched more than `total` (see ModerationQueuePage). */
  moreThanTotal: boolean;
  search: string;
  searchRef: RefObject<HTMLInputElement | null>;
  onChange(change: Partial<QueueFilters>): void;
  onSearch(text: string): void;
}

/** Minimum ages a moderator can filter by, in hours. */
export const minimumAges = [1, 4, 12, 24, 72] as const;
const sortKeys = QueueSortKey.options;

export function QueueFilterBar({ filters, districts, total, moreThanTotal, search, searchRef, onChange, onSearch }: QueueFilterBarProps) {
  const { t } = useTranslation();
  const id = useId();
  // A remembered district may be absent from today's queue; keep it selectable so it can be cleared.
  const districtOptions = filters.district && !districts.includes(filters.district) ? [filters.district, ...districts] : districts;
  const orNone = <T extends string>(value: string) => (value === '' ? undefined : (value as T));
  return (
    <div className="queue-filters" role="group" aria-label={t('queue.filters.label')}>
      <QueueSearch ref={searchRef} value={search} onSearch={onSearch} />
      <label htmlFor={`${id}-category`}>{t('queue.filters.category')}</label>
      <select id={`${id}-category`} data-testid="filter-category" value={filters.category ?? ''} onChange={(e) => onChange({ category: orNone<Category>(e.target.value) })}>
        <option value="">{t('queue.filters.allCategories')}</option>
        {categories.map((category) => (
          <option key={category} value={category}>
            {t(`categories.${category}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-district`}>{t('queue.filters.district')}</label>
      <select id={`${id}-district`} data-testid="filter-district" value={filters.district ?? ''} onChange={(e) => onChange({ district: orNone(e.target.value) })}>
        <option value="">{t('queue.filters.allDistricts')}</option>
        {districtOptions.map((district) => (
          <option key={district} value={district}>
            {district}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-flag`}>{t('queue.filters.flag')}</label>
      <select id={`${id}-flag`} data-testid="filter-flag" value={filters.flag ?? ''} onChange={(e) => onChange({ flag: orNone<FlagKind>(e.target.value) })}>
        <option value="">{t('queue.filters.allFlags')}</option>
        {flagKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`flagKinds.${kind}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-age`}>{t('queue.filters.minAge')}</label>
      <select
        id={`${id}-age`}
        data-testid="filter-min-age"
        value={filters.minAgeHours ?? ''}
        onChange={(e) => onChange({ minAgeHours: e.target.value === '' ? undefined : Number(e.target.value) })}
      >
        <option value="">{t('queue.filters.anyAge')}</option>
        {minimumAges.map((hours) => (
          <option key={hours} value={hours}>
            {t('queue.filters.atLeastHours', { count: hours })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-sort`}>{t('queue.filters.sort')}</label>
      <select
        id={`${id}-sort`}
        data-testid="filter-sort"
        value={filters.sort}
        onChange={(e) => onChange({ sort: QueueSortKey.catch('oldest').parse(e.target.value) })}
      >
        {sortKeys.map((key) => (
          <option key={key} value={key}>
            {t(`queue.sort.${key}`)}
          </option>
        ))}
      </select>
      <span className="queue-total" data-testid="queue-total">
        {moreThanTotal ? t('queue.moreThanTotal', { n: total }) : t('queue.total', { count: total })}
      </span>
    </div>
  );
}
