import type { ChannelInput } from '../../../shared/ipc/contract';
import { maskPhone } from '../../../shared/masking';
import type { RightsRequestType } from '../../../shared/rights/ticket-states';

export const ticketViews = ['open', 'closed', 'all'] as const;
export type TicketView = (typeof ticketViews)[number];

/** The list's filters; held by the rights area so they survive a trip to another sub-view. */
export interface TicketFilters {
  view: TicketView;
  type: RightsRequestType | '';
  search: string;
}

export const initialTicketFilters: TicketFilters = { view: 'open', type: '', search: '' };

/**
 * The core's query: empty filters are left out, so the core applies its own defaults. A phone
 * typed in full is searched masked: the cache holds nothing else, and the number stays here.
 */
export function ticketQuery(filters: TicketFilters): ChannelInput<'rights:tickets'> {
  const typed = filters.search.trim();
  const search = /^1\d{10}$/.test(typed) ? maskPhone(typed) : typed;
  return { view: filters.view, ...(filters.type ? { type: filters.type } : {}), ...(search ? { search } : {}) };
}
