import { z } from 'zod';
import { Category } from '../../platform/entities';

/**
 * The shape of resources/moderation/flag-keywords.json. The lists are edited by policy staff,
 * not engineers, so the schema is strict: a misspelt key or a group that is not a list fails
 * when the rules are built, instead of silently flagging nothing.
 */

const Phrase = z.string().trim().min(1).max(40);
const SingleCharacter = z.string().length(1, 'a fold maps one UTF-16 character to one');

/** A group's name becomes half of a stable rule id (prohibited.weapon), so it is kept plain. */
const GroupName = z.string().regex(/^[a-z][a-z_]*$/, 'a group name becomes a rule id: lower-case letters and _');

export const PhraseGroup = z.strictObject({
  /** Why the group exists, for the people who maintain the list. */
  note: z.string().optional(),
  phrases: z.array(Phrase).min(1),
  /** Longer phrases that contain a phrase but are innocent (象牙白 is a colour, 打气枪 a pump). */
  except: z.array(Phrase).default([]),
  /** Categories the group applies to; 培训费 is a scam in a job ad and a price in a driving school's. */
  onlyIn: z.array(Category).min(1).optional(),
});
export type PhraseGroup = z.output<typeof PhraseGroup>;

const LocalisedLabel = z.strictObject({ 'zh-CN': z.string().trim().min(1), en: z.string().trim().min(1) });

/** A kind of goods within a category whose prices are comparable (phones, not phones and sofas). */
export const PriceGroup = z.strictObject({
  name: GroupName,
  label: LocalisedLabel,
  phrases: z.array(Phrase).min(1),
});
export type PriceGroup = z.output<typeof PriceGroup>;

export const PriceGroups = z.strictObject({
  note: z.string().optional(),
  /** Per category, in order: a listing belongs to the first group with a phrase in its title. */
  groups: z.partialRecord(Category, z.array(PriceGroup)),
});

export const FlagKeywords = z.strictObject({
  version: z.number().int().positive(),
  /** Traditional or variant character → the simplified one the phrases are written in. */
  characterFolds: z.record(SingleCharacter, SingleCharacter),
  contact: z.strictObject({
    /** Words that announce a WeChat id: 微信 and its homophones and abbreviations (V, vx, 薇). */
    wechatIntroducers: z.array(Phrase).min(1),
    qqIntroducers: z.array(Phrase).min(1),
    /** 加 / + before an introducer ("加V"), included in the highlighted span. */
    addPrefixes: z.array(Phrase),
    /** Words allowed between an introducer and the id: 微信号：, QQ群 … */
    idLabels: z.array(Phrase),
  }),
  /** Words that, just before a payment phrase, turn it into a warning (拒绝私下交易). */
  paymentNegations: z.array(Phrase),
  payment: z.record(GroupName, PhraseGroup),
  prohibited: z.record(GroupName, PhraseGroup),
  priceGroups: PriceGroups.default({ groups: {} }),
});

export const FlagConfig = FlagKeywords.extend({
  /** A price at or below this share of its category's median is flagged. */
  priceThreshold: z.number().gt(0).lt(1).default(0.3),
});
export type FlagConfig = z.output<typeof FlagConfig>;

/**
 * Validates the keywords file (as imported JSON) and applies overrides. Throws a ZodError
 * naming the offending path, so a bad edit to the lists stops the process that loads them.
 */
export function parseFlagConfig(keywords: unknown, overrides: { priceThreshold?: number } = {}): FlagConfig {
  const merged = typeof keywords === 'object' && keywords !== null && !Array.isArray(keywords) ? { ...keywords, ...overrides } : keywords;
  return FlagConfig.parse(merged);
}
