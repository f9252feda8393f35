import { useEffect, useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** Typing pauses this long before the queue is searched, so each keystroke is not a query. */
export const SEARCH_DELAY_MS = 300;

interface QueueSearchProps {
  ref: Ref<HTMLInputElement>;
  value: string;
  onSearch(text: string): void;
}

/** Title and body search (`/` focuses it; Enter searches at once; Escape clears). */
export function QueueSearch({ ref, value, onSearch }: QueueSearchProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onSearch(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <span className="queue-search">
      <label htmlFor={id} className="visually-hidden">
        {t('queue.search.label')}
      </label>
      <input
        ref={ref}
        id={id}
        type="search"
        data-testid="queue-search"
        maxLength={50}
        placeholder={t('queue.search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onSearch(text);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setText('');
            onSearch('');
          }
        }}
      />
    </span>
  );
}
