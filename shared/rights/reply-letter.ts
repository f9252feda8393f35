import { shanghaiDateOf, type IsoDate } from '../calendar/civil-date';
import { renderNotice } from '../moderation/notices/render-notice';
import type { ExecutionStep, RightsTicket } from '../platform/rights-entities';
import type { LetterKind, LetterLanguage, ReplyTemplates } from './reply-templates';
import { removesData, type RightsRequestType } from './ticket-states';

/**
 * The reply letter a rights ticket ends with, drafted from the template file for the agent to
 * read and edit before it is sent. Pure: the caller says what day it is.
 */

export interface LetterOptions {
  /** Today's date in Asia/Shanghai, 'YYYY-MM-DD'. */
  today: IsoDate;
  /** The ticket's due date as the core computed it; open tickets only. */
  dueDate?: IsoDate | null;
  /** The user reads Chinese; English drafts exist for staff to read. */
  language?: LetterLanguage;
}

const completedLetters: Partial<Record<RightsRequestType, LetterKind>> = {
  deletion: 'completed_deletion',
  cancellation: 'completed_cancellation',
  correction: 'completed_correction',
  deceased_relative: 'completed_deceased_relative',
};

/**
 * Which letter fits the ticket now. A ticket whose removal waits on a legal hold gets the
 * "being processed, some data must be kept as the law requires" letter, which says nothing of
 * the hold; anything not finished yet gets the acknowledgement with its due date.
 */
export function letterKindOf(ticket: RightsTicket): LetterKind {
  if (ticket.state === 'refused') return 'refused';
  const executed = ticket.execution?.outcome === 'completed';
  if (ticket.legalHold && removesData(ticket.type) && !executed) return 'in_progress_kept';
  if (ticket.type === 'access') return ticket.accessPackage ? 'access_ready' : 'in_progress';
  if (ticket.type === 'explanation') return ticket.state === 'approved' || ticket.state === 'completed' ? 'explanation' : 'in_progress';
  return executed ? (completedLetters[ticket.type] ?? 'in_progress') : 'in_progress';
}

export function letterDate(date: IsoDate, language: LetterLanguage): string {
  if (language === 'en') return date;
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The day the request was answered: refused, executed or packaged; otherwise the letter's own day. */
function completedOn(ticket: RightsTicket, today: IsoDate): IsoDate {
  const refusedAt = ticket.state === 'refused' ? [...ticket.history].reverse().find((e) => e.state === 'refused')?.at : undefined;
  const at = refusedAt ?? ticket.execution?.at ?? ticket.accessPackage?.createdAt;
  return at ? shanghaiDateOf(at) : today;
}

/** Kept by a law the user may be told of; a hold (or a step with no basis) is only "as the law requires". */
const namedLaw = (step: ExecutionStep) => (step.basis === 'ecommerce_law_art31' || step.basis === 'cybersecurity_law_art21' ? step.basis : null);
const isKept = (step: ExecutionStep) => step.outcome === 'kept' || step.outcome === 'held' || step.basis !== null;

function stepLine(step: ExecutionStep, templates: ReplyTemplates, language: LetterLanguage): string {
  const { lines } = templates;
  const subject = templates.subjects[step.subject][language];
  if (!isKept(step)) {
    const outcome = step.outcome === 'deleted' || step.outcome === 'anonymised' || step.outcome === 'corrected' ? step.outcome : 'kept';
    return renderNotice(lines.done[language], { subject, count: step.count, outcome: templates.outcomes[outcome][language] });
  }
  const law = namedLaw(step);
  if (!law || step.outcome === 'held') return renderNotice(lines.keptGeneral[language], { subject, count: step.count });
  const until = step.keptUntil ? renderNotice(lines.keptUntil[language], { date: letterDate(step.keptUntil, language) }) : '';
  return renderNotice(lines.kept[language], {
    subject,
    count: step.count,
    outcome: templates.outcomes[step.outcome === 'anonymised' ? 'anonymised' : 'kept'][language],
    basis: templates.bases[law][language],
    until,
  });
}

/** What execution did ({done}) and what the law keeps ({kept}), one line per step with records. */
export function stepSummaries(steps: readonly ExecutionStep[], templates: ReplyTemplates, language: LetterLanguage): { done: string; kept: string } {
  const counted = steps.filter((step) => step.count > 0);
  const render = (chosen: ExecutionStep[]) => (chosen.length > 0 ? chosen.map((s) => stepLine(s, templates, language)).join('\n') : templates.lines.none[language]);
  return { done: render(counted.filter((s) => !isKept(s))), kept: render(counted.filter(isKept)) };
}

/** The letter for the ticket's current outcome, placeholders filled; what only the agent knows stays `{visible}`. */
export function draftReplyLetter(ticket: RightsTicket, templates: ReplyTemplates, options: LetterOptions): string {
  const language = options.language ?? 'zh-CN';
  const { done, kept } = stepSummaries(ticket.execution?.steps ?? [], templates, language);
  return renderNotice(templates.letters[letterKindOf(ticket)][language], {
    ticketNumber: ticket.number,
    nickname: ticket.userNickname,
    receivedDate: letterDate(shanghaiDateOf(ticket.receivedAt), language),
    dueDate: options.dueDate ? letterDate(options.dueDate, language) : null,
    completedDate: letterDate(completedOn(ticket, options.today), language),
    done,
    kept,
    reason: ticket.refusal ? templates.refusalReasons[ticket.refusal.reasonCode][language] : null,
    requestType: templates.requestTypes[ticket.type][language],
    ...templates.contact,
  });
}
