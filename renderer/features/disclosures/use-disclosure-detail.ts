import { useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import type { DisclosureDetail } from '../../../shared/ipc/legal-views';
import { useDeskQuery } from '../../desk/use-desk-query';

export interface DisclosureDetailState {
  detail: DisclosureDetail | undefined;
  error: DeskError | null;
  /** An action's answer: shown at once, before the cache catches up and `cache:changed` refetches. */
  accept(detail: DisclosureDetail): void;
}

/** The open register entry, kept fresh from the cache; whichever copy has the higher version wins. */
export function useDisclosureDetail(disclosureId: string): DisclosureDetailState {
  const query = useDeskQuery('legal:disclosure', { disclosureId }, { refetchOn: ['cache:changed'] });
  const [answered, setAnswered] = useState<DisclosureDetail | null>(null);
  const mine = answered?.disclosure.id === disclosureId ? answered : null;
  const cached = query.data;
  const detail = !mine ? cached : !cached || mine.disclosure.version > cached.disclosure.version ? mine : cached;
  return { detail, error: detail ? null : query.error, accept: setAnswered };
}
