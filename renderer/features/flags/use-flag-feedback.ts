import { useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import type { ListingFlagView } from '../../../shared/ipc/moderation-views';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';

export interface FlagFeedback {
  /** The listing's flags, with the ones marked here shown dismissed before the cache catches up. */
  flags: ListingFlagView[];
  problem: DeskError | null;
  markFalsePositive(index: number): Promise<void>;
}

/** Records a moderator's verdict that a flag was wrong (`moderation:flagFeedback`). */
export function useFlagFeedback(listingId: string, flags: ListingFlagView[]): FlagFeedback {
  const desk = useDesk();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<DeskError | null>(null);
  const merged = flags.map((flag) => (dismissed.has(flag.rule) && !flag.dismissed ? { ...flag, dismissed: true } : flag));

  const markFalsePositive = async (index: number) => {
    const flag = merged[index];
    if (!flag || flag.dismissed) return;
    setProblem(null);
    try {
      await desk.call('moderation:flagFeedback', { listingId, rule: flag.rule });
      setDismissed((current) => new Set([...current, flag.rule]));
    } catch (error) {
      setProblem(asDeskError(error));
    }
  };

  return { flags: merged, problem, markFalsePositive };
}
