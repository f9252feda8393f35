import type { ChannelInput } from '../../../shared/ipc/contract';
import type { DisclosureStatus } from '../../../shared/legal/disclosure-rules';

/** The register's filter: kept by the legal area, so a trip to another tab comes back to it. */
export interface DisclosureFilters {
  status: DisclosureStatus | '';
  search: string;
}

export const initialDisclosureFilters: DisclosureFilters = { status: '', search: '' };

export function disclosureQuery(filters: DisclosureFilters): ChannelInput<'legal:disclosures'> {
  const search = filters.search.trim();
  return { ...(filters.status ? { status: filters.status } : {}), ...(search ? { search } : {}) };
}
