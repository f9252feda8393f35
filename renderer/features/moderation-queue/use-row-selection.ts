import { useCallback, useMemo, useRef, useState } from 'react';

/** Rows ticked for a bulk action: by checkbox, `x`, or a shift-click range from the last one ticked. */
export interface RowSelection {
  ids: string[];
  size: number;
  has(id: string): boolean;
  /** With `range`, every loaded row from the last ticked one to this one takes this one's new state. */
  toggle(id: string, index: number, range?: boolean): void;
  clear(): void;
}

export function useRowSelection(rowAt: (index: number) => { id: string } | undefined): RowSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);

  const toggle = useCallback(
    (id: string, index: number, range = false) => {
      // Read the anchor now: React may run the updater later, after it has moved.
      const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index;
      const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index;
      setSelected((current) => {
        const next = new Set(current);
        const on = !current.has(id);
        for (let i = from; i <= to; i++) {
          const rowId = i === index ? id : rowAt(i)?.id;
          if (!rowId) continue;
          if (on) next.add(rowId);
          else next.delete(rowId);
        }
        return next;
      });
      anchor.current = index;
    },
    [rowAt],
  );

  const clear = useCallback(() => {
    setSelected(new Set());
    anchor.current = null;
  }, []);

  return useMemo(
    () => ({ ids: [...selected], size: selected.size, has: (id: string) => selected.has(id), toggle, clear }),
    [selected, toggle, clear],
  );
}
