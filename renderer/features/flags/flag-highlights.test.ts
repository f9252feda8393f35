import { describe, expect, it } from 'vitest';
import { highlightSegments, type HighlightNode, type HighlightSpan } from './flag-highlights';

const span = (start: number, end: number, rule = 'r', flagIndex = 0): HighlightSpan => ({ start, end, rule, flagIndex });

/** Writes the tree as text with [rule:…] around each mark, to compare at a glance. */
function show(nodes: HighlightNode[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.text : `[${n.span.rule}${n.continued ? '+' : ''}:${show(n.children)}]`)).join('');
}

/** Each span's one standing element, with its text as the DOM will hold it (hidden head included, as textContent does). */
function wholes(nodes: HighlightNode[]): { rule: string; text: string }[] {
  const textOf = (n: HighlightNode): string => (n.kind === 'text' ? n.text : n.hiddenHead + n.children.map(textOf).join(''));
  return nodes.flatMap((n) => (n.kind === 'text' ? [] : [...(n.last ? [{ rule: n.span.rule, text: textOf(n) }] : []), ...wholes(n.children)]));
}

function marks(nodes: HighlightNode[]): { rule: string; text: string; start: number; end: number }[] {
  return nodes.flatMap((n) => (n.kind === 'text' ? [] : [{ rule: n.span.rule, text: n.text, start: n.start, end: n.end }, ...marks(n.children)]));
}

const plain = (nodes: HighlightNode[]): string => nodes.map((n) => (n.kind === 'text' ? n.text : plain(n.children))).join('');

describe('highlightSegments', () => {
  const text = '加我薇信 abc123，先付定金200元';

  it('leaves text without spans as one plain run', () => {
    expect(highlightSegments(text, [])).toEqual([{ kind: 'text', start: 0, end: text.length, text }]);
    expect(highlightSegments('', [span(0, 3)])).toEqual([]);
  });

  it('marks exactly [start, end) of the original string', () => {
    const nodes = highlightSegments(text, [span(2, 11, 'contact.wechat')]);
    expect(show(nodes)).toBe('加我[contact.wechat:薇信 abc123]，先付定金200元');
    expect(marks(nodes)).toEqual([{ rule: 'contact.wechat', text: text.slice(2, 11), start: 2, end: 11 }]);
  });

  it('keeps adjacent spans as separate marks, in order whatever order they come in', () => {
    const nodes = highlightSegments(text, [span(14, 16, 'payment.deposit'), span(12, 14, 'payment.prepay')]);
    expect(show(nodes)).toBe('加我薇信 abc123，[payment.prepay:先付][payment.deposit:定金]200元');
  });

  it('nests a span inside another, so both keep their exact text', () => {
    const nodes = highlightSegments(text, [span(2, 11, 'outer'), span(5, 11, 'inner')]);
    expect(show(nodes)).toBe('加我[outer:薇信 [inner:abc123]]，先付定金200元');
    expect(marks(nodes).map((m) => m.text)).toEqual(['薇信 abc123', 'abc123']);
  });

  it('marks identical spans of two rules one inside the other', () => {
    expect(show(highlightSegments('定金', [span(0, 2, 'a'), span(0, 2, 'b')]))).toBe('[a:[b:定金]]');
  });

  it('cuts a crossing span where the earlier one ends and continues it, its last piece standing for the whole', () => {
    const nodes = highlightSegments('0123456789', [span(2, 6, 'a'), span(4, 8, 'b')]);
    expect(show(nodes)).toBe('01[a:23[b:45]][b+:67]89');
    expect(plain(nodes)).toBe('0123456789');
    expect(wholes(nodes)).toEqual([
      { rule: 'a', text: '2345' },
      { rule: 'b', text: '4567' },
    ]);
  });

  it('gives the real crossing payment rules one element each with their exact text', () => {
    const body = '请先押金转账到个人账户';
    const at = (part: string, rule: string) => span(body.indexOf(part), body.indexOf(part) + part.length, rule);
    const nodes = highlightSegments(body, [at('押金转账', 'payment.deposit'), at('转账到', 'payment.transfer'), at('个人账户', 'payment.transfer')]);
    expect(wholes(nodes)).toEqual([
      { rule: 'payment.deposit', text: '押金转账' },
      { rule: 'payment.transfer', text: '转账到' },
      { rule: 'payment.transfer', text: '个人账户' },
    ]);
    expect(plain(nodes)).toBe(body);
  });

  it('handles a span crossing into a run of adjacent and nested ones', () => {
    const nodes = highlightSegments('0123456789', [span(1, 4, 'a'), span(3, 9, 'b'), span(4, 6, 'c'), span(6, 7, 'd')]);
    expect(show(nodes)).toBe('0[a:12[b:3]][b+:[c:45][d:6]78]9');
    expect(plain(nodes)).toBe('0123456789');
  });

  it('clamps spans to the text and drops empty ones', () => {
    expect(show(highlightSegments('abc', [span(-2, 1, 'a'), span(2, 10, 'b'), span(1, 1, 'empty')]))).toBe('[a:a]b[b:c]');
  });

  it('always gives back the original text, for any spans', () => {
    for (let seed = 1; seed < 200; seed++) {
      let state = seed;
      const random = (n: number) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
      };
      const sample = 'ab😀cd微信13812345678ef';
      const spans = Array.from({ length: random(6) }, (_, i) => {
        const start = random(sample.length);
        return span(start, start + 1 + random(6), `r${i}`);
      });
      const nodes = highlightSegments(sample, spans);
      expect(plain(nodes)).toBe(sample);
      for (const mark of marks(nodes)) expect(mark.text).toBe(sample.slice(mark.start, mark.end));
      // One standing element per span; two-way crossings keep each span's exact text.
      expect(wholes(nodes).map((w) => w.rule).sort()).toEqual(spans.filter((s) => s.start < Math.min(s.end, sample.length)).map((s) => s.rule).sort());
    }
  });
});
