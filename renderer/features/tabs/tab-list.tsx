import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** What a tab's button carries besides its role and state: a class of its own and data attributes. */
export type TabAttributes = { className?: string } & { [attribute: `data-${string}`]: string | undefined };

interface TabListProps<T extends string> {
  label: string;
  tabs: readonly T[];
  current: T;
  tabLabel(tab: T): ReactNode;
  /** The id of a tab's button, which its panel is labelled by. */
  tabId(tab: T): string;
  panelId: string;
  onSelect(tab: T): void;
  /** Added to the list's `tab-list` class. */
  className?: string;
  /** The list's class in place of `tab-list`, for a list styled on its own (the queue tabs). */
  listClassName?: string;
  tabProps?(tab: T): TabAttributes;
  children?: ReactNode;
}

/** WAI-ARIA tabs: one tab stop for the list, arrow keys (and Home/End) move between tabs. */
export function TabList<T extends string>({ label, tabs, current, tabLabel, tabId, panelId, onSelect, className, listClassName = 'tab-list', tabProps, children }: TabListProps<T>) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.indexOf(current);
    const target =
      event.key === 'ArrowRight' ? tabs[(at + 1) % tabs.length]
      : event.key === 'ArrowLeft' ? tabs[(at - 1 + tabs.length) % tabs.length]
      : event.key === 'Home' ? tabs[0]
      : event.key === 'End' ? tabs[tabs.length - 1]
      : undefined;
    if (!target) return;
    event.preventDefault();
    onSelect(target);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(target))}`)?.focus();
  };
  return (
    <div className={className ? `${listClassName} ${className}` : listClassName} role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          {...tabProps?.(tab)}
          id={tabId(tab)}
          type="button"
          role="tab"
          aria-selected={tab === current}
          aria-controls={panelId}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onSelect(tab)}
        >
          {tabLabel(tab)}
        </button>
      ))}
      {children}
    </div>
  );
}
