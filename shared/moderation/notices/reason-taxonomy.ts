import { z } from 'zod';
import { accountActions, moderationActions } from '../../platform/entities';

/**
 * The reason taxonomy (resources/moderation/reasons.json): every reason a moderator may give,
 * which actions it applies to, its labels, and the notice the user receives. Shared code cannot
 * read resources/, so callers load the file and hand it to `parseReasonTaxonomy`.
 */

export const noticeLanguages = ['zh-CN', 'en'] as const;
export type NoticeLanguage = (typeof noticeLanguages)[number];

export const LocalisedText = z.object({ 'zh-CN': z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
export type LocalisedText = z.infer<typeof LocalisedText>;

/** Listing decisions and account actions both take a reason from the one taxonomy. */
export const reasonActions = [...moderationActions, ...accountActions] as const;
export const ReasonAction = z.enum(reasonActions);
export type ReasonAction = z.infer<typeof ReasonAction>;

export const ModerationReason = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/),
    label: LocalisedText,
    actions: z.array(ReasonAction).min(1),
    /** The notice for every listed action, unless `noticeByAction` has one of its own. */
    notice: LocalisedText,
    noticeByAction: z.partialRecord(ReasonAction, LocalisedText).optional(),
  })
  .strict()
  .superRefine((reason, ctx) => {
    for (const action of Object.keys(reason.noticeByAction ?? {})) {
      if (!reason.actions.includes(action as ReasonAction)) {
        ctx.addIssue({ code: 'custom', path: ['noticeByAction', action], message: `${action} is not one of this reason's actions` });
      }
    }
    if (new Set(reason.actions).size !== reason.actions.length) {
      ctx.addIssue({ code: 'custom', path: ['actions'], message: 'an action is listed twice' });
    }
  });
export type ModerationReason = z.infer<typeof ModerationReason>;

export const appealOutcomes = ['uphold', 'overturn'] as const;
export type AppealOutcome = (typeof appealOutcomes)[number];

export const ReasonTaxonomy = z
  .object({
    version: z.number().int().positive(),
    description: z.string().optional(),
    reasons: z.array(ModerationReason).min(1),
    /** What the user is told when their appeal is decided. */
    appealNotices: z.object({ uphold: LocalisedText, overturn: LocalisedText }).strict(),
  })
  .strict()
  .superRefine((taxonomy, ctx) => {
    const seen = new Set<string>();
    taxonomy.reasons.forEach((reason, index) => {
      if (seen.has(reason.code)) ctx.addIssue({ code: 'custom', path: ['reasons', index, 'code'], message: `duplicate code ${reason.code}` });
      seen.add(reason.code);
    });
  });
export type ReasonTaxonomy = z.infer<typeof ReasonTaxonomy>;

/** Parses the file's JSON; a broken taxonomy is a build error, so this throws with the path. */
export function parseReasonTaxonomy(json: unknown): ReasonTaxonomy {
  return ReasonTaxonomy.parse(json);
}

/** The reasons that apply to an action, in the file's order (which is the order 1–9 pick). */
export function reasonsFor(taxonomy: ReasonTaxonomy, action: ReasonAction): ModerationReason[] {
  return taxonomy.reasons.filter((reason) => reason.actions.includes(action));
}

export function findReason(taxonomy: ReasonTaxonomy, code: string): ModerationReason | undefined {
  return taxonomy.reasons.find((reason) => reason.code === code);
}

/** The notice template a reason gives for an action, in one language. */
export function noticeTemplate(reason: ModerationReason, action: ReasonAction, language: NoticeLanguage): string {
  return (reason.noticeByAction?.[action] ?? reason.notice)[language];
}
