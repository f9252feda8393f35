import { z } from 'zod';
import { personalDataSubjects, retentionBases } from './retention-policy';
import { refusalReasons, rightsRequestTypes } from './ticket-states';

/**
 * The reply letters of rights tickets (resources/rights/reply-templates.json): one body per
 * outcome, and the words the bodies are assembled from. Shared code cannot read resources/, so
 * callers load the file and hand it to `parseReplyTemplates`. Users read Chinese; the English
 * text is there so staff who work in English can read what was sent.
 */

export const letterLanguages = ['zh-CN', 'en'] as const;
export type LetterLanguage = (typeof letterLanguages)[number];

const LocalisedText = z.object({ 'zh-CN': z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
export type LocalisedLetterText = z.infer<typeof LocalisedText>;

/** Which letter a ticket gets; see `letterKindOf` in reply-letter.ts for the rule. */
export const letterKinds = [
  'completed_deletion',
  'completed_cancellation',
  'completed_correction',
  'completed_deceased_relative',
  'access_ready',
  'explanation',
  'in_progress',
  'in_progress_kept',
  'refused',
] as const;
export const LetterKind = z.enum(letterKinds);
export type LetterKind = z.infer<typeof LetterKind>;

/** Everything a letter body may name. Any other `{name}` in a template is a mistake in the file. */
export const letterPlaceholders = [
  'ticketNumber', 'nickname', 'receivedDate', 'dueDate', 'completedDate', 'done', 'kept', 'reason', 'requestType',
  'company', 'serviceHotline', 'contactPhone',
  // Left for the agent to write in: the answer itself, and a refusal reason the codes do not cover.
  'explanation', 'otherReason',
] as const;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;
const placeholdersIn = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);

const record = <K extends string>(keys: readonly [K, ...K[]]) => z.record(z.enum(keys), LocalisedText);

export const ReplyTemplates = z
  .object({
    version: z.number().int().positive(),
    description: z.string().optional(),
    /** As the privacy policy (七 联系我们, 六.2) states them; letters sign with these. */
    contact: z.object({ company: z.string().trim().min(1), serviceHotline: z.string().regex(/^\d{7,12}$/), contactPhone: z.string().regex(/^\d{7,12}$/) }).strict(),
    letters: record(letterKinds),
    /** Inserted as {reason}: in words the user understands, never the code. */
    refusalReasons: record(refusalReasons),
    requestTypes: record(rightsRequestTypes),
    subjects: record(personalDataSubjects),
    outcomes: z.object({ deleted: LocalisedText, anonymised: LocalisedText, corrected: LocalisedText, kept: LocalisedText }).strict(),
    /** The law named beside what was kept. A legal hold is never named to the user, so it has no entry. */
    bases: z.object({ ecommerce_law_art31: LocalisedText, cybersecurity_law_art21: LocalisedText }).strict(),
    lines: z.object({ done: LocalisedText, kept: LocalisedText, keptUntil: LocalisedText, keptGeneral: LocalisedText, none: LocalisedText }).strict(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const known = new Set<string>(letterPlaceholders);
    for (const kind of letterKinds) {
      for (const language of letterLanguages) {
        const body = file.letters[kind][language];
        for (const name of placeholdersIn(body)) {
          if (!known.has(name)) ctx.addIssue({ code: 'custom', path: ['letters', kind, language], message: `unknown placeholder {${name}}` });
        }
      }
    }
    // PIPL art. 50: a refused requester must be told where to complain or sue, and how to reach us.
    const refused = file.letters.refused['zh-CN'];
    for (const needed of ['投诉', '举报', '人民法院', '{serviceHotline}', '{reason}']) {
      if (!refused.includes(needed)) ctx.addIssue({ code: 'custom', path: ['letters', 'refused', 'zh-CN'], message: `a refusal letter must contain ${needed}` });
    }
    // A legal hold's existence is for legal staff only; no letter may hint at one.
    for (const [kind, text] of Object.entries(file.letters)) {
      if (/保全|冻结|legal hold|preservation/i.test(`${text['zh-CN']} ${text.en}`)) {
        ctx.addIssue({ code: 'custom', path: ['letters', kind], message: 'a letter must not mention a legal hold' });
      }
    }
  });
export type ReplyTemplates = z.infer<typeof ReplyTemplates>;

/** Parses the file's JSON; a broken template file is a build error, so this throws with the path. */
export function parseReplyTemplates(json: unknown): ReplyTemplates {
  return ReplyTemplates.parse(json);
}

/** The placeholders a text uses, in order of first use. */
export function letterPlaceholdersOf(text: string): string[] {
  return [...new Set(placeholdersIn(text))];
}
