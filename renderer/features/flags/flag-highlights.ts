/**
 * Splits a listing's text into plain runs and highlighted runs at exactly the offsets its flags'
 * rules matched ([start, end) in UTF-16 units of the original string), so the moderator sees the
 * characters that fired each rule and nothing else.
 *
 * Spans that touch stay separate marks; a span inside another becomes a mark inside that mark,
 * so both keep their exact text. Two spans that cross cannot both be one element: the later one
 * is cut where the earlier one ends and continues as a second mark (`continued: true`).
 */
export interface HighlightSpan {
  start: number;
  end: number;
  rule: string;
  /** Which flag the span belongs to, for styling the focused one. */
  flagIndex: number;
}

export type HighlightNode =
  | { kind: 'text'; start: number; end: number; text: string }
  | { kind: 'mark'; start: number; end: number; text: string; span: HighlightSpan; continued: boolean; children: HighlightNode[] };

interface Piece {
  start: number;
  end: number;
  span: HighlightSpan;
  continued: boolean;
}

const byPosition = (a: Piece, b: Piece) => a.start - b.start || b.end - a.end;

function insertSorted(pieces: Piece[], piece: Piece, from: number): void {
  let at = from;
  while (at < pieces.length && byPosition(pieces[at]!, piece) <= 0) at++;
  pieces.splice(at, 0, piece);
}

function build(text: string, from: number, to: number, pieces: Piece[]): HighlightNode[] {
  const list = [...pieces].sort(byPosition);
  const nodes: HighlightNode[] = [];
  let position = from;
  let i = 0;
  while (i < list.length) {
    const outer = list[i]!;
    if (outer.start > position) nodes.push({ kind: 'text', start: position, end: outer.start, text: text.slice(position, outer.start) });
    const inner: Piece[] = [];
    let j = i + 1;
    while (j < list.length && list[j]!.start < outer.end) {
      const piece = list[j]!;
      if (piece.end <= outer.end) inner.push(piece);
      else {
        inner.push({ ...piece, end: outer.end });
        insertSorted(list, { ...piece, start: outer.end, continued: true }, j + 1);
      }
      j++;
    }
    nodes.push({
      kind: 'mark',
      start: outer.start,
      end: outer.end,
      text: text.slice(outer.start, outer.end),
      span: outer.span,
      continued: outer.continued,
      children: build(text, outer.start, outer.end, inner),
    });
    position = outer.end;
    i = j;
  }
  if (position < to) nodes.push({ kind: 'text', start: position, end: to, text: text.slice(position, to) });
  return nodes;
}

export function highlightSegments(text: string, spans: readonly HighlightSpan[]): HighlightNode[] {
  const pieces = spans
    .map((span) => ({ start: Math.max(0, Math.min(span.start, text.length)), end: Math.max(0, Math.min(span.end, text.length)), span, continued: false }))
    .filter((piece) => piece.start < piece.end);
  return build(text, 0, text.length, pieces);
}
