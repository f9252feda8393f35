import { describe, expect, it } from 'vitest';
import keywords from '../../../resources/moderation/flag-keywords.json';
import { createFlagRules, flagListing, parseFlagConfig } from './index';

/** A deep copy of the shipped file to break one thing in. */
const copy = (): Record<string, unknown> => JSON.parse(JSON.stringify(keywords)) as Record<string, unknown>;
const prohibitedOf = (file: Record<string, unknown>) => file.prohibited as Record<string, Record<string, unknown>>;

describe('FlagConfig', () => {
  it('accepts the shipped keywords file and defaults the price threshold', () => {
    const config = parseFlagConfig(keywords);
    expect(config.version).toBeGreaterThan(0);
    expect(config.priceThreshold).toBe(0.3);
    expect(Object.keys(config.prohibited)).toEqual(expect.arrayContaining(['weapon', 'wildlife', 'drugs', 'documents', 'financial', 'fireworks', 'tobacco']));
  });

  it('rejects a group whose phrases are not a list', () => {
    const file = copy();
    const weapon = prohibitedOf(file).weapon;
    if (weapon) weapon.phrases = '仿真枪';
    expect(() => parseFlagConfig(file)).toThrow(/prohibited.*weapon.*phrases/s);
  });

  it('rejects a group written as a bare list instead of an object', () => {
    const file = copy();
    prohibitedOf(file).weapon = ['仿真枪'] as unknown as Record<string, unknown>;
    expect(() => parseFlagConfig(file)).toThrow();
  });

  it('rejects a misspelt key rather than ignoring it', () => {
    const file = copy();
    const weapon = prohibitedOf(file).weapon;
    if (weapon) weapon.exept = ['打气枪'];
    expect(() => parseFlagConfig(file)).toThrow(/exept/);
  });

  it('rejects group names that cannot be rule ids, unknown categories, empty phrases and bad folds', () => {
    const badName = copy();
    prohibitedOf(badName)['Weapons!'] = { phrases: ['枪'] };
    expect(() => parseFlagConfig(badName)).toThrow();

    const badCategory = copy();
    (badCategory.payment as Record<string, Record<string, unknown>>).job_fee!.onlyIn = ['jobz'];
    expect(() => parseFlagConfig(badCategory)).toThrow();

    const emptyPhrase = copy();
    prohibitedOf(emptyPhrase).drugs!.phrases = ['处方药', '  '];
    expect(() => parseFlagConfig(emptyPhrase)).toThrow();

    const badFold = copy();
    badFold.characterFolds = { 電話: '电话' };
    expect(() => parseFlagConfig(badFold)).toThrow();
  });

  it('rejects a missing file and an impossible threshold', () => {
    expect(() => parseFlagConfig(undefined)).toThrow();
    expect(() => parseFlagConfig([])).toThrow();
    expect(() => parseFlagConfig(keywords, { priceThreshold: 1.5 })).toThrow();
  });

  it('matches phrases written in any form the text could be', () => {
    const file = copy();
    prohibitedOf(file).weapon!.phrases = ['仿真槍', 'ＢＢ彈'];
    const rules = createFlagRules(parseFlagConfig(file));
    const flags = flagListing(rules, { title: '仿真枪 bb弹', body: '', category: 'second_hand', priceFen: null, priceUnit: 'item' }, {});
    expect(flags.map((f) => f.spans.map((s) => s.text))).toEqual([['仿真枪', 'bb弹']]);
  });
});
