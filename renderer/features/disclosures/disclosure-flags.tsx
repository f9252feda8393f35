import { useTranslation } from 'react-i18next';

export interface FlagFacts {
  emergency: boolean;
  noNotify: boolean;
  domestic: boolean;
  overDisclosure: boolean;
}

const flagNames = ['emergency', 'noNotify', 'foreign', 'overDisclosure'] as const;

/** What sets an entry apart at a glance, in words (紧急, 不得通知, 境外, 超范围), never by colour alone. */
export function DisclosureFlags({ facts }: { facts: FlagFacts }) {
  const { t } = useTranslation();
  const on = { emergency: facts.emergency, noNotify: facts.noNotify, foreign: !facts.domestic, overDisclosure: facts.overDisclosure };
  const shown = flagNames.filter((flag) => on[flag]);
  if (shown.length === 0) return null;
  return (
    <span className="disclosure-flags" data-testid="disclosure-flags">
      {shown.map((flag) => (
        <span key={flag} className={`legal-flag flag-${flag}`}>
          {t(`disclosures.flags.${flag}`)}
        </span>
      ))}
    </span>
  );
}
