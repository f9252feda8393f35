/**
 * Splits a listing's text into plain runs and highlighted runs at exactly the offsets its flags'
 * rules matched ([start, end) in UTF-16 units of the original string), so the moderator sees the
 * characters that fired each rule and nothing else.
 *
 * Spans that touch stay separate marks; a span inside another becomes a mark inside that mark,
 * so both keep their exact text. Two spans that cross cannot both be one element: the later one
 * is cut where the earlier one ends and continues as a second mark (`continued: true`). Its last
 * piece (`last: true`) carries the characters before it as `hiddenHead`, so one element per span
 * can still hold the span's exact text (shown once; the head is rendered hidden).
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
  | {
      kind: 'mark';
      start: number;
      end: number;
      text: string;
      span: HighlightSpan;
      continued: boolean;
      /** The piece that ends where the span ends: the one element that stands for the whole span. */
      last: boolean;
      /** For a cut span's last piece: the span's text before this piece (empty when uncut). */
      hiddenHead: string;
      children: HighlightNode[];
    };

interface Piece {
  start: number;
  end: number;
  /** The whole span, clamped to the text. */
  from: number;
  to: number;
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
      last: outer.end === outer.to,
      hiddenHead: outer.end === outer.to ? text.slice(outer.from, outer.start) : '',
      children: build(text, outer.start, outer.end, inner),
    });
    position = outer.end;
    i = j;
  }
  if (position < to) nodes.push({ kind: 'text', start: position, end: to, text: text.slice(position, to) });
  return nodes;
}

export function highlightSegments(text: string, spans: readonly HighlightSpan[]): HighlightNode[] {
  const clamp = (n: number) => Math.max(0, Math.min(n, text.length));
  const pieces = spans
    .map((span) => ({ start: clamp(span.start), end: clamp(span.end), from: clamp(span.start), to: clamp(span.end), span, continued: false }))
    .filter((piece) => piece.start < piece.end);
  return build(text, 0, text.length, pieces);
}
