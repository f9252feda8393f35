import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { maskedPhoneQuery, type Account } from './intake-draft';
import { MaskedPhone } from '../reveal/masked-phone';

const searchKinds = ['phone', 'nickname', 'listing'] as const;
type SearchKind = (typeof searchKinds)[number];

interface AccountFinderProps {
  account: Account | null;
  invalid: boolean;
  onChoose(account: Account | null): void;
}

function findQuery(kind: SearchKind, text: string): ChannelInput<'rights:findAccounts'> | null {
  const value = text.trim();
  if (!value) return null;
  if (kind === 'phone') {
    const phoneMasked = maskedPhoneQuery(value);
    return phoneMasked ? { phoneMasked } : null;
  }
  return kind === 'nickname' ? { nickname: value.slice(0, 40) } : { listingId: value.slice(0, 64) };
}

/**
 * Finds the account the caller means by masked phone, nickname or one of their listings. A
 * phone read out in full is masked before the search, so it is never sent or kept. One match
 * is picked at once; several are listed to choose from.
 */
export function AccountFinder({ account, invalid, onChoose }: AccountFinderProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const errorMessage = useErrorMessage();
  const formatTime = useShanghaiTime();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<SearchKind>('phone');
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Account[] | null>(null);
  const [problem, setProblem] = useState<'query' | DeskError | null>(null);
  const [searching, setSearching] = useState(false);

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    const query = findQuery(kind, text);
    if (!query) {
      setProblem('query');
      input.current?.focus();
      return;
    }
    setProblem(null);
    setSearching(true);
    try {
      const { accounts } = await desk.call('rights:findAccounts', query);
      setMatches(accounts);
      // The agent sees the number as it was searched: masked.
      if (query.phoneMasked) setText(query.phoneMasked);
      onChoose(accounts.length === 1 ? accounts[0]! : null);
    } catch (error) {
      setProblem(asDeskError(error));
    } finally {
      setSearching(false);
    }
  };

  if (account) {
    return (
      <div className="account-chosen" data-testid="account-chosen">
        <span>
          {t('rights.intake.chosen')} <strong>{account.nickname}</strong> <MaskedPhone masked={account.phoneMasked} subjectType="user" subjectId={account.id} />{' '}
          <span className="muted">{t(`userStatuses.${account.status}`)}</span>
        </span>
        <button type="button" onClick={() => onChoose(null)}>
          {t('rights.intake.changeAccount')}
        </button>
      </div>
    );
  }

  return (
    <div className="account-finder" data-testid="account-finder">
      <div className="radio-row" role="radiogroup" aria-label={t('rights.intake.findBy')}>
        {searchKinds.map((k) => (
          <label key={k}>
            <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
            {t(`rights.intake.by.${k}`)}
          </label>
        ))}
      </div>
      <div className="finder-row">
        <label htmlFor={`${id}-query`} className="visually-hidden">
          {t('rights.intake.fields.account')}
        </label>
        <input
          ref={input}
          id={`${id}-query`}
          data-testid="account-query"
          value={text}
          maxLength={64}
          placeholder={t(`rights.intake.placeholder.${kind}`)}
          aria-invalid={invalid || problem === 'query'}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void search(e);
          }}
        />
        <button type="button" data-testid="account-search" disabled={searching} onClick={() => void search()}>
          {t('rights.intake.find')}
        </button>
      </div>
      {problem === 'query' && (
        <p className="error" role="alert">
          {t(`rights.intake.badQuery.${kind}`)}
        </p>
      )}
      {problem && problem !== 'query' && (
        <p className="error" role="alert">
          {errorMessage(problem)}
        </p>
      )}
      {matches && matches.length === 0 && <p className="muted">{t('rights.intake.noMatch')}</p>}
      {matches && matches.length > 1 && (
        <ul className="account-matches" aria-label={t('rights.intake.matches')}>
          {matches.map((match) => (
            <li key={match.id}>
              <button type="button" onClick={() => onChoose(match)}>
                {t('rights.intake.choose')}
              </button>{' '}
              <strong>{match.nickname}</strong> <MaskedPhone masked={match.phoneMasked} subjectType="user" subjectId={match.id} />{' '}
              <span className="muted">
                {t(`userStatuses.${match.status}`)} · {t('rights.intake.registered', { time: formatTime(match.registeredAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
