import { describe, expect, it } from 'vitest';
import { normaliseListingText } from './normalise';
import { jaccard, textShingles } from './shingles';

describe('normaliseListingText', () => {
  it('folds full-width letters and digits to lower-case half-width ASCII', () => {
    expect(normaliseListingText('ＩＰＨＯＮＥ１３', '价格１２００元')).toBe('iphone13价格1200元');
  });

  it('drops whitespace, ASCII and CJK punctuation and emoji, keeps CJK and alphanumerics', () => {
    const noisy = '🔥【急售】 九成新，电动车！！ “天河区”（可自提）…—·《原价》；：？、‘好’ 3000元 ~!@#';
    expect(normaliseListingText(noisy, '\t\n\u3000')).toBe('急售九成新电动车天河区可自提原价好3000元');
  });

  it('treats title and body as one text, so a word moved between them barely matters', () => {
    expect(normaliseListingText('九成新', '电动车')).toBe(normaliseListingText('', '九成新电动车'));
  });

  it('keeps rare ideographs outside the basic block, including astral ones', () => {
    expect(normaliseListingText('𠀋㐀', '')).toBe('𠀋㐀');
  });
});

describe('jaccard', () => {
  it('is |A ∩ B| / |A ∪ B|, and 0 for two empty sets (no evidence of sameness)', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBe(0.5);
    expect(jaccard(new Set(['a']), new Set(['a']))).toBe(1);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(jaccard(new Set(['a']), new Set())).toBe(0);
  });

  it('scores a one-character edit of a 100-character listing near 0.95 with 3-shingles', () => {
    const body = '九成新电动车转让，电池续航60公里，天河区体育西路可自提，平时上下班代步用，刹车灵敏，原装充电器和钥匙都在，因为搬家到外地带不走，价格可小刀，非诚勿扰。';
    const edited = body.replace('电池', '电瓶');
    const similarity = jaccard(textShingles(normaliseListingText('', body), 3), textShingles(normaliseListingText('', edited), 3));
    expect(similarity).toBeGreaterThan(0.9);
    expect(similarity).toBeLessThan(1);
  });
});
