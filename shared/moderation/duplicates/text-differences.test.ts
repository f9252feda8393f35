import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from './synthetic-listings';
import { textDifferences, type TextDifference } from './text-differences';

const sideA = (parts: TextDifference[]) => parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('');
const sideB = (parts: TextDifference[]) => parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('');
const sameLength = (parts: TextDifference[]) => parts.filter((p) => p.kind === 'same').reduce((n, p) => n + Array.from(p.text).length, 0);

/** Length of the longest common subsequence by the textbook table: the diff must keep exactly this much. */
function lcsLength(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let previous = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) row[j] = x[i - 1] === y[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, row[j - 1] ?? 0);
    previous = row;
  }
  return previous[y.length] ?? 0;
}

const alphabet = Array.from('九成新电动车转让天河区价格元，。！🔥ab12 ');
function randomText(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}
function mutated(random: Random, text: string): string {
  const chars = Array.from(text);
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (chars.length + 1));
    const roll = random();
    if (roll < 0.33) chars.splice(at, 1);
    else if (roll < 0.66) chars.splice(at, 0, ...Array.from(randomText(random, 1 + Math.floor(random() * 3))));
    else chars.splice(at, 1, ...Array.from(randomText(random, 2)));
  }
  return chars.join('');
}

describe('textDifferences', () => {
  it('marks a swapped word as one removal followed by one addition', () => {
    const before = '九成新电动车转让，天河区可自提，价格可小刀';
    const after = '九成新电动车转让，海珠区可自提，价格可小刀';
    expect(textDifferences(before, after)).toEqual([
      { kind: 'same', text: '九成新电动车转让，' },
      { kind: 'removed', text: '天河' },
      { kind: 'added', text: '海珠' },
      { kind: 'same', text: '区可自提，价格可小刀' },
    ]);
  });

  it('handles identical, empty and one-sided inputs', () => {
    expect(textDifferences('一样', '一样')).toEqual([{ kind: 'same', text: '一样' }]);
    expect(textDifferences('', '')).toEqual([]);
    expect(textDifferences('', '新增')).toEqual([{ kind: 'added', text: '新增' }]);
    expect(textDifferences('删除', '')).toEqual([{ kind: 'removed', text: '删除' }]);
  });

  it('never splits an emoji (astral code point) into halves', () => {
    const parts = textDifferences('价格🔥800', '价格🔥750');
    for (const part of parts) expect(part.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(parts[0]).toEqual({ kind: 'same', text: '价格🔥' });
  });

  it('reconstructs both sides exactly and keeps a longest common subsequence, on 400 random pairs', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 400; n++) {
      const a = randomText(random, Math.floor(random() * 60));
      const b = n % 3 === 0 ? randomText(random, Math.floor(random() * 60)) : mutated(random, a);
      const parts = textDifferences(a, b);
      expect(sideA(parts)).toBe(a);
      expect(sideB(parts)).toBe(b);
      expect(sameLength(parts)).toBe(lcsLength(a, b));
      for (let i = 1; i < parts.length; i++) expect(parts[i]?.kind === 'same' && parts[i - 1]?.kind === 'same').toBe(false);
    }
  });

  it('copes with two unrelated 5,000-character texts (linear space)', () => {
    const random = seededRandom(11);
    const a = randomText(random, 5000);
    const b = randomText(random, 5000);
    const parts = textDifferences(a, b);
    expect(sideA(parts)).toBe(a);
    expect(sideB(parts)).toBe(b);
  });
});
