import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RegisterAccount as RegisterAccountView } from '../../../shared/ipc/legal-views';

export type RegisterAccountRecord = z.infer<typeof RegisterAccountView>;

/** An account as the register shows it: nickname and masked phone, with its platform id; never a full number. */
export function RegisterAccount({ userId, accounts }: { userId: string; accounts: readonly RegisterAccountRecord[] }) {
  const { t } = useTranslation();
  const account = accounts.find((a) => a.userId === userId);
  return (
    <span className="register-account">
      {account?.nickname ?? t('disclosures.facts.unknownAccount')} {account?.phoneMasked && <span className="phone">{account.phoneMasked}</span>}{' '}
      <code className="muted">{userId}</code>
    </span>
  );
}
