import type { ListingFlagView } from '../../../shared/ipc/moderation-views';
import { highlightSegments, type HighlightNode, type HighlightSpan } from './flag-highlights';

interface HighlightedTextProps {
  text: string;
  field: 'title' | 'body';
  flags: ListingFlagView[];
  /** The flag the moderator is looking at; its marks stand out. */
  activeFlag: number | null;
}

export function spansOf(flags: ListingFlagView[], field: 'title' | 'body'): HighlightSpan[] {
  return flags.flatMap((flag, flagIndex) =>
    flag.spans.filter((s) => s.field === field).map((s) => ({ start: s.start, end: s.end, rule: flag.rule, flagIndex })),
  );
}

function Nodes({ nodes, flags, activeFlag }: { nodes: HighlightNode[]; flags: ListingFlagView[]; activeFlag: number | null }) {
  return (
    <>
      {nodes.map((node) => {
        if (node.kind === 'text') return <span key={`t${node.start}`}>{node.text}</span>;
        const { flagIndex, rule } = node.span;
        const classes = ['flag-span'];
        if (flags[flagIndex]?.dismissed) classes.push('dismissed');
        if (flagIndex === activeFlag) classes.push('active');
        // Only a span's last piece stands for the span (test id, rule, exact text); earlier pieces
        // of a crossing span are highlighted parts of it.
        return (
          <mark
            key={`m${node.start}-${node.end}-${flagIndex}-${rule}`}
            className={classes.join(' ')}
            data-testid={node.last ? 'flag-span' : undefined}
            data-rule={rule}
            data-part={node.last ? undefined : 'head'}
            data-continued={node.continued || undefined}
          >
            {node.hiddenHead && <span hidden>{node.hiddenHead}</span>}
            <Nodes nodes={node.children} flags={flags} activeFlag={activeFlag} />
          </mark>
        );
      })}
    </>
  );
}

/** A title or body with each flag's matched characters marked, at the rule's exact offsets. */
export function HighlightedText({ text, field, flags, activeFlag }: HighlightedTextProps) {
  return <Nodes nodes={highlightSegments(text, spansOf(flags, field))} flags={flags} activeFlag={activeFlag} />;
}
