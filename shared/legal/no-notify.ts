/**
 * When the user may be told that their data went to an authority. A no-notify order (不得通知) runs
 * to the end of the day it names, Beijing time; one with no date keeps the user untold until the
 * authority lifts it, which is recorded by amending the entry.
 */

export interface NotifyTerms {
  noNotify: boolean;
  /** YYYY-MM-DD, the order's last day; null when the document sets none. */
  noNotifyUntil: string | null;
}

/** Whether a no-notify order still forbids telling the user on this (Shanghai) date. */
export function noNotifyApplies(terms: NotifyTerms, onDate: string): boolean {
  if (!terms.noNotify) return false;
  return terms.noNotifyUntil === null || onDate <= terms.noNotifyUntil;
}
