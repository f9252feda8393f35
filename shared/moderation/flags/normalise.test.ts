import { describe, expect, it } from 'vitest';
import { digitRunsOf } from './digit-runs';
import { normaliseText, originalRange } from './normalise';

// A few folds are enough here; the real list lives in resources and is tested with the rules.
const folds = new Map([['電', '电'], ['話', '话'], ['訂', '订']]);
const normalise = (text: string) => normaliseText(text, folds);

describe('normaliseText', () => {
  it('folds full-width, case and traditional characters', () => {
    expect(normalise('ＱＱ：Ａｂｃ１２３　電話訂金').text).toBe('qq:abc123 电话订金');
  });

  it('reads enclosed and parenthesised digits, ⑩ to ⑳ as two digits', () => {
    expect(normalise('⓪①⑨⑩⑳❶➀➊⑴⒈⓫⓵').text).toBe('019102011111111');
  });

  it('reads Chinese numerals only in a run long enough to be a number', () => {
    expect(normalise('一个人 三房两厅 七八成新 二〇一九年').text).toBe('一个人 三房两厅 七八成新 二〇一九年');
    expect(normalise('幺三八 一二三四 伍陆柒捌').text).toBe('138 1234 5678');
    expect(normalise('电话1三8①2３4五6七8').text).toBe('电话13812345678');
  });

  it('maps every normalised range back to the original characters', () => {
    const original = '🏠 電話：①③⑧-１２３４ 5678\u200b';
    const n = normalise(original);
    const at = n.text.indexOf('138');
    const { start, end } = originalRange(n, at, n.text.length);
    expect(original.slice(start, end)).toBe('①③⑧-１２３４ 5678\u200b');
    expect(n.starts).toHaveLength(n.text.length);
    // Each normalised character's range is inside the original and in order.
    n.starts.forEach((s, i) => {
      expect(s).toBeLessThan(n.ends[i] ?? -1);
      if (i > 0) expect(s).toBeGreaterThanOrEqual(n.starts[i - 1] ?? 0);
    });
  });

  it('keeps astral characters whole', () => {
    const n = normalise('😀a');
    expect(n.text).toBe('😀a');
    expect(originalRange(n, 0, 1)).toEqual({ start: 0, end: 2 });
    expect(originalRange(n, 2, 3)).toEqual({ start: 2, end: 3 });
  });
});

describe('digitRunsOf', () => {
  it('joins digits across separators and remembers where groups begin', () => {
    const [run] = digitRunsOf(normalise('电话 138 - 1234.5678 详聊'));
    expect(run?.digits).toBe('13812345678');
    expect([...(run?.groupStarts ?? [])]).toEqual([0, 3, 7]);
  });

  it('starts a group where the way of writing digits changes', () => {
    const [run] = digitRunsOf(normalise('13812345678一'));
    expect(run?.digits).toBe('138123456781');
    expect(run?.groupStarts.has(11)).toBe(true);
  });

  it('ends a run at a long stretch of separators or a line break', () => {
    expect(digitRunsOf(normalise('138 ---- 1234')).map((r) => r.digits)).toEqual(['138', '1234']);
    expect(digitRunsOf(normalise('138\n1234')).map((r) => r.digits)).toEqual(['138', '1234']);
  });
});
