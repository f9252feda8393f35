import { useTranslation } from 'react-i18next';
import reasonsFile from '../../../resources/moderation/reasons.json';
import {
  findReason, noticeTemplate, parseReasonTaxonomy, reasonsFor as reasonsOf, renderNotice,
  type AppealOutcome, type ModerationReason, type NoticeLanguage, type ReasonAction,
} from '../../../shared/moderation/notices';
import { currentLanguage } from '../../i18n/desk-i18n';
import { DISPLAY_TIME_ZONE } from '../../i18n/shanghai-time';

/**
 * The reason taxonomy from resources/moderation/reasons.json: labels come from the file in each
 * interface language; the i18n catalogues keep only the interface's own words.
 */
export const reasonTaxonomy = parseReasonTaxonomy(reasonsFile);

export const reasonsFor = (action: ReasonAction): ModerationReason[] => reasonsOf(reasonTaxonomy, action);
export const reasonByCode = (code: string): ModerationReason | undefined => findReason(reasonTaxonomy, code);

/** A reason code's label in the interface language; an unknown code is shown as it is. */
export function useReasonLabel(): (code: string) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (code) => reasonByCode(code)?.label[language] ?? code;
}

/**
 * The platform's users read it in Chinese, so the notice they receive is written in Chinese
 * whatever language the console shows; the English templates are for reference.
 */
export const NOTICE_LANGUAGE: NoticeLanguage = 'zh-CN';

const noticeDateFormat = new Intl.DateTimeFormat(NOTICE_LANGUAGE, { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' });

/** What a notice may name: the listing or the account, and a suspension's length. */
export interface NoticeSubject {
  title?: string;
  listingId?: string;
  nickname?: string;
  days?: number;
}

/** The notice for a reason and action with its placeholders filled; what is unknown stays visible. */
export function draftNotice(code: string, action: ReasonAction, subject: NoticeSubject, now: Date = new Date()): string {
  const reason = reasonByCode(code);
  if (!reason) return '';
  return renderNotice(noticeTemplate(reason, action, NOTICE_LANGUAGE), {
    ...subject,
    reason: reason.label[NOTICE_LANGUAGE],
    date: noticeDateFormat.format(now),
  });
}

/** The notice for an appeal's outcome, naming the original decision's reason. */
export function draftAppealNotice(outcome: AppealOutcome, title: string, reasonCode: string | null, now: Date = new Date()): string {
  const reason = reasonCode ? reasonByCode(reasonCode)?.label[NOTICE_LANGUAGE] ?? reasonCode : null;
  return renderNotice(reasonTaxonomy.appealNotices[outcome][NOTICE_LANGUAGE], { title, reason, date: noticeDateFormat.format(now) });
}
