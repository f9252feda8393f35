import { textDifferences } from '../../../shared/moderation/duplicates';

/**
 * `text` against the cluster's first listing: what it adds is marked <ins>, what it lacks <del>,
 * so a repost's changed phone digit or price stands out in an otherwise identical text.
 */
export function TextComparison({ base, text }: { base: string | null; text: string }) {
  if (base === null || base === text) return <>{text}</>;
  return (
    <>
      {textDifferences(base, text).map((part, n) =>
        part.kind === 'same' ? (
          <span key={n}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={n} className="diff-added">
            {part.text}
          </ins>
        ) : (
          <del key={n} className="diff-removed">
            {part.text}
          </del>
        ),
      )}
    </>
  );
}
