/** Reasons and the notices users receive with a moderation decision: the module's public surface. */
export { placeholdersOf, renderNotice, type NoticeValues } from './render-notice';
export {
  appealOutcomes, findReason, LocalisedText, ModerationReason, noticeLanguages, noticeTemplate, parseReasonTaxonomy, ReasonAction,
  reasonActions, reasonsFor, ReasonTaxonomy, type AppealOutcome, type NoticeLanguage,
} from './reason-taxonomy';
