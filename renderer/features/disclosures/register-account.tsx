import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RegisterAccount as RegisterAccountView } from '../../../shared/ipc/legal-views';
import { MaskedPhone } from '../reveal/masked-phone';

export type RegisterAccountRecord = z.infer<typeof RegisterAccountView>;

/** An account as the register shows it: nickname and masked phone, with its platform id; never a full number. */
export function RegisterAccount({ userId, accounts }: { userId: string; accounts: readonly RegisterAccountRecord[] }) {
  const { t } = useTranslation();
  const account = accounts.find((a) => a.userId === userId);
  return (
    <span className="register-account">
      {account?.nickname ?? t('disclosures.facts.unknownAccount')} {account?.phoneMasked && <MaskedPhone masked={account.phoneMasked} subjectType="user" subjectId={userId} />}{' '}
      <code className="muted">{userId}</code>
    </span>
  );
}
