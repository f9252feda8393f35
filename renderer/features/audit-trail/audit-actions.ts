import { useTranslation } from 'react-i18next';

/**
 * The actions the platform and the console write to the trail today, offered as suggestions in
 * the filter and translated in the list. The trail may hold others (a newer platform): those
 * are shown and filtered by their raw name.
 */
export const knownAuditActions = [
  'auth.login', 'auth.login_failed', 'auth.login_throttled', 'auth.logout', 'auth.refresh_reuse',
  'console.lock', 'console.unlock',
  'pii.reveal', 'pii.copy',
  'moderation.decide', 'moderation.undo', 'moderation.batch', 'moderation.batch_undo', 'moderation.flag_false_positive',
  'account.warn', 'account.suspend', 'account.ban', 'appeal.uphold', 'appeal.overturn',
  'rights.create', 'rights.verification.start', 'rights.verification.answer', 'rights.decide', 'rights.execute', 'rights.execute.refused',
  'rights.processor_confirm', 'rights.reply', 'rights.access_data', 'rights.access_package',
  'legal.disclosure.create', 'legal.disclosure.approve', 'legal.disclosure.produce', 'legal.disclosure.notify', 'legal.disclosure.amend',
  'legal.disclosure.close', 'legal.hold.place', 'legal.hold.renew', 'legal.hold.lift', 'legal.processor.save', 'legal.file.read',
  'retention.sweep', 'staff.roles_change',
  'export.transparency', 'export.audit', 'export.access_package',
] as const;

/**
 * Action names contain dots ('rights.execute' and 'rights.execute.refused' both exist), so they
 * are looked up as whole keys under `auditActions` rather than as a nested path.
 */
const SEPARATOR = '|';

export function useAuditActionLabel(): (action: string) => { label: string; known: boolean } {
  const { t, i18n } = useTranslation();
  return (action) => {
    const key = `auditActions${SEPARATOR}${action}`;
    const known = i18n.exists(key, { keySeparator: SEPARATOR });
    return { label: known ? t(key, { keySeparator: SEPARATOR }) : action, known };
  };
}
