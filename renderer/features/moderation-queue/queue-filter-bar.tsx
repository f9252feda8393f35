import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { categories, type Category } from '../../../shared/platform/entities';
import type { QueueFilters } from './queue-filters';

interface QueueFilterBarProps {
  filters: QueueFilters;
  districts: string[];
  total: number;
  onChange(change: Partial<QueueFilters>): void;
}

export function QueueFilterBar({ filters, districts, total, onChange }: QueueFilterBarProps) {
  const { t } = useTranslation();
  const id = useId();
  // A remembered district may be absent from today's queue; keep it selectable so it can be cleared.
  const districtOptions = filters.district && !districts.includes(filters.district) ? [filters.district, ...districts] : districts;
  return (
    <div className="queue-filters" role="group" aria-label={t('queue.filters.label')}>
      <label htmlFor={`${id}-category`}>{t('queue.filters.category')}</label>
      <select
        id={`${id}-category`}
        data-testid="filter-category"
        value={filters.category ?? ''}
        onChange={(e) => onChange({ category: e.target.value === '' ? undefined : (e.target.value as Category) })}
      >
        <option value="">{t('queue.filters.allCategories')}</option>
        {categories.map((category) => (
          <option key={category} value={category}>
            {t(`categories.${category}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-district`}>{t('queue.filters.district')}</label>
      <select
        id={`${id}-district`}
        data-testid="filter-district"
        value={filters.district ?? ''}
        onChange={(e) => onChange({ district: e.target.value === '' ? undefined : e.target.value })}
      >
        <option value="">{t('queue.filters.allDistricts')}</option>
        {districtOptions.map((district) => (
          <option key={district} value={district}>
            {district}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-sort`}>{t('queue.filters.sort')}</label>
      <select
        id={`${id}-sort`}
        data-testid="filter-sort"
        value={filters.sort}
        onChange={(e) => onChange({ sort: e.target.value === 'newest' ? 'newest' : 'oldest' })}
      >
        <option value="oldest">{t('queue.sort.oldest')}</option>
        <option value="newest">{t('queue.sort.newest')}</option>
      </select>
      <span className="queue-total">{t('queue.total', { count: total })}</span>
    </div>
  );
}
