import { describe, expect, it } from 'vitest';
import { findDuplicateClusters, PHONE_GROUP_PAIRWISE_LIMIT } from './clusters';
import { normaliseListingText } from './normalise';
import { jaccard, textShingles } from './shingles';
import { applyRepostEdit, repostEdits, seededRandom, syntheticListings, syntheticText } from './synthetic-listings';
import type { DuplicateCandidate } from './types';

let serial = 0;
/** A listing with its own seller and phone unless told otherwise, one minute newer than the last. */
function listing(fields: Partial<DuplicateCandidate> & Pick<DuplicateCandidate, 'title' | 'body'>): DuplicateCandidate {
  serial++;
  return {
    id: `lst_${String(serial).padStart(4, '0')}`,
    sellerId: `usr_${serial}`,
    contactPhoneMasked: `138****${String(serial).padStart(4, '0')}`,
    createdAt: new Date(Date.UTC(2025, 2, 1, 8, serial)).toISOString(),
    ...fields,
  };
}

const textJaccard = (a: DuplicateCandidate, b: DuplicateCandidate) =>
  jaccard(textShingles(normaliseListingText(a.title, a.body), 3), textShingles(normaliseListingText(b.title, b.body), 3));

const scooter = {
  title: '九成新电动车转让，天河区自提',
  body: '九成新电动车转让，电池续航60公里，天河区体育西路可自提，平时上下班代步用，刹车灵敏，原装充电器和钥匙都在，因为搬家到外地带不走，价格1200元可小刀，晚上下班后可以看车，非诚勿扰。',
};

describe('findDuplicateClusters: reposts by text', () => {
  it('clusters a listing with its reposts: word swapped, punctuation, price, full-width digits, emoji and spaces', () => {
    const original = listing(scooter);
    const reposts = [
      listing({ ...scooter, body: scooter.body.replace('电动车', '电瓶车') }),
      listing({ ...scooter, body: scooter.body.replace(/，/g, '！').replace('。', '！！') }),
      listing({ ...scooter, body: scooter.body.replace('1200元', '1100元') }),
      listing({ ...scooter, body: scooter.body.replace('60', '６０').replace('1200', '１２００') }),
      listing({ title: `🔥 ${scooter.title} 🔥`, body: scooter.body.replace(/，/g, ' ， ') }),
    ];
    for (const repost of reposts) expect(textJaccard(original, repost)).toBeGreaterThanOrEqual(0.8);
    const clusters = findDuplicateClusters([original, ...reposts]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.memberIds).toEqual([original, ...reposts].map((l) => l.id));
    expect(clusters[0]?.reasons).toEqual(['similar_text']);
    expect(clusters[0]?.similarity).toBe(1);
  });

  it('clusters every kind of synthetic repost edit with its original', () => {
    const random = seededRandom(42);
    for (const edit of repostEdits) {
      const text = syntheticText(random);
      const clusters = findDuplicateClusters([listing(text), listing(applyRepostEdit(text, edit, random))]);
      expect(clusters.map((c) => c.reasons), edit).toEqual([['similar_text']]);
    }
  });

  it('does not cluster clearly different listings of one category', () => {
    const bikes = [
      listing({ title: '八成新山地自行车出售', body: '捷安特山地自行车，骑了两年，变速正常，轮胎去年换过，番禺区市桥可看车，价格400元，不议价。' }),
      listing({ title: '全新未拆封电饭煲', body: '美的电饭煲，公司年会抽奖得的，全新未拆封，有发票，海珠区客村地铁站面交，价格150元。' }),
      listing({ title: '双开门冰箱低价转让', body: '海尔双开门冰箱用了三年，制冷很好，没有异味，因为换房子所以转让，白云区同和自提，价格800元。' }),
      listing({ title: '九成新电动车转让', body: '雅迪电动车骑了半年，电池很耐用，送头盔和雨衣，越秀区北京路附近面交，价格1500元可小刀。' }),
    ];
    expect(findDuplicateClusters(bikes)).toEqual([]);
  });

  it('respects a custom threshold', () => {
    const original = listing(scooter);
    const edited = listing({ ...scooter, body: scooter.body.replace('天河区体育西路可自提', '海珠区客村地铁站附近可以面交') });
    const similarity = textJaccard(original, edited);
    expect(similarity).toBeGreaterThan(0.6);
    expect(similarity).toBeLessThan(0.8);
    expect(findDuplicateClusters([original, edited])).toEqual([]);
    expect(findDuplicateClusters([original, edited], { threshold: 0.6 })).toHaveLength(1);
  });

  it('never clusters by text listings with nothing left after normalisation', () => {
    expect(findDuplicateClusters([listing({ title: '🔥🔥', body: '！！' }), listing({ title: '🔥🔥', body: '！！' })])).toEqual([]);
  });

  it('turns 500 identical spam posts into one cluster', () => {
    const spam = Array.from({ length: 500 }, () => listing({ title: '高价回收手机', body: '高价回收各种二手手机，上门回收，当场结算，微信同号。' }));
    const clusters = findDuplicateClusters(spam);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.memberIds).toHaveLength(500);
  });
});

describe('findDuplicateClusters: same masked phone', () => {
  const bike = { title: '八成新山地自行车出售', body: '捷安特山地自行车，骑了两年，变速正常，轮胎去年换过，番禺区市桥可看车，价格400元，不议价。' };
  const rice = { title: '全新未拆封电饭煲', body: '美的电饭煲，公司年会抽奖得的，全新未拆封，有发票，海珠区客村地铁站面交，价格150元。' };

  it('clusters one seller’s listings with one phone even when the texts differ', () => {
    const first = listing({ ...bike, sellerId: 'usr_a', contactPhoneMasked: '135****7162' });
    const second = listing({ ...rice, sellerId: 'usr_a', contactPhoneMasked: '135****7162' });
    const clusters = findDuplicateClusters([first, second]);
    expect(clusters).toEqual([{ id: `dup_${first.id}`, memberIds: [first.id, second.id], reasons: ['same_phone'], similarity: textJaccard(first, second) }]);
  });

  it('does not cluster different sellers whose masked phones collide when the texts differ', () => {
    const first = listing({ ...bike, sellerId: 'usr_a', contactPhoneMasked: '135****7162' });
    const second = listing({ ...rice, sellerId: 'usr_b', contactPhoneMasked: '135****7162' });
    expect(findDuplicateClusters([first, second])).toEqual([]);
  });

  it('clusters different sellers sharing a phone once the texts are at least half alike', () => {
    const first = listing({ ...scooter, sellerId: 'usr_a', contactPhoneMasked: '135****7162' });
    const rewritten = { ...scooter, body: scooter.body.replace('天河区体育西路可自提', '海珠区客村地铁站附近可以面交').replace('平时上下班代步用', '买来只骑过几次') };
    const second = listing({ ...rewritten, sellerId: 'usr_b', contactPhoneMasked: '135****7162' });
    const similarity = textJaccard(first, second);
    expect(similarity).toBeGreaterThanOrEqual(0.5);
    expect(similarity).toBeLessThan(0.8);
    expect(findDuplicateClusters([first, second]).map((c) => c.reasons)).toEqual([['same_phone']]);
    expect(findDuplicateClusters([first, { ...second, contactPhoneMasked: '135****0000' }])).toEqual([]);
  });

  it('reports both reasons when a repost also keeps the phone, and none by phone when samePhone is off', () => {
    const first = listing({ ...scooter, sellerId: 'usr_a', contactPhoneMasked: '135****7162' });
    const repost = listing({ ...scooter, sellerId: 'usr_a', contactPhoneMasked: '135****7162', body: scooter.body.replace('1200', '1000') });
    const other = listing({ ...bike, sellerId: 'usr_a', contactPhoneMasked: '135****7162' });
    expect(findDuplicateClusters([first, repost, other])[0]?.reasons).toEqual(['similar_text', 'same_phone']);
    expect(findDuplicateClusters([first, repost, other], { samePhone: false })).toEqual([
      { id: `dup_${first.id}`, memberIds: [first.id, repost.id], reasons: ['similar_text'], similarity: textJaccard(first, repost) },
    ]);
  });

  it(`chains a seller’s listings in a phone group larger than ${PHONE_GROUP_PAIRWISE_LIMIT} and still finds cross-seller reposts in it`, () => {
    const random = seededRandom(5);
    const bulk = Array.from({ length: PHONE_GROUP_PAIRWISE_LIMIT + 50 }, () => listing({ ...syntheticText(random), sellerId: 'usr_agent', contactPhoneMasked: '000****0000' }));
    const strangers = Array.from({ length: 20 }, () => listing({ ...syntheticText(random), contactPhoneMasked: '000****0000' }));
    const copy = listing({ ...(strangers[0] as DuplicateCandidate), id: 'lst_copy', sellerId: 'usr_copier' });
    const clusters = findDuplicateClusters([...bulk, ...strangers, copy]);
    expect(clusters.map((c) => c.memberIds.length)).toEqual([bulk.length, 2]);
    expect(clusters[1]?.memberIds).toEqual([strangers[0]?.id, 'lst_copy']);
    expect(clusters[1]?.reasons).toEqual(['similar_text', 'same_phone']);
  });
});

describe('findDuplicateClusters: output shape and determinism', () => {
  it('names a cluster after its smallest id and lists members oldest first, then by id', () => {
    const early = listing({ ...scooter, id: 'lst_b', createdAt: '2025-03-01T00:00:00Z' });
    const tie = listing({ ...scooter, id: 'lst_c', createdAt: '2025-03-01T00:00:00.000Z' });
    const late = listing({ ...scooter, id: 'lst_a', createdAt: '2025-03-02T00:00:00Z' });
    const [cluster] = findDuplicateClusters([late, tie, early]);
    expect(cluster?.id).toBe('dup_lst_a');
    expect(cluster?.memberIds).toEqual(['lst_b', 'lst_c', 'lst_a']);
  });

  it('returns the same clusters in the same order for shuffled input, largest first then by id', () => {
    const { listings } = syntheticListings(600, { seed: 3, plantedGroups: 40, collidingPhones: 5 });
    const expected = findDuplicateClusters(listings);
    expect(expected.length).toBeGreaterThan(30);
    for (let i = 1; i < expected.length; i++) {
      const [before, after] = [expected[i - 1], expected[i]] as [typeof expected[0], typeof expected[0]];
      expect(before.memberIds.length > after.memberIds.length || (before.memberIds.length === after.memberIds.length && before.id < after.id)).toBe(true);
    }
    const random = seededRandom(9);
    for (let round = 0; round < 3; round++) {
      const shuffled = [...listings].sort(() => random() - 0.5);
      expect(findDuplicateClusters(shuffled)).toEqual(expected);
    }
  });

  it('returns no clusters for no or one listing, and rejects bad options and repeated ids', () => {
    expect(findDuplicateClusters([])).toEqual([]);
    expect(findDuplicateClusters([listing(scooter)])).toEqual([]);
    expect(() => findDuplicateClusters([], { threshold: 0 })).toThrow(RangeError);
    expect(() => findDuplicateClusters([], { bands: 2.5 })).toThrow(RangeError);
    expect(() => findDuplicateClusters([], { shingle: 0 })).toThrow(RangeError);
    const twice = listing(scooter);
    expect(() => findDuplicateClusters([twice, twice])).toThrow(/appears twice/);
  });
});
