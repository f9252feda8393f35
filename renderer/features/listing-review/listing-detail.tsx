import { memo, useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueKind } from '../../../shared/ipc/moderation-views';
import type { ListingDetail } from '../../../shared/ipc/views';
import { useDeskEvent } from '../../desk/desk-context';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { SellerSection } from '../accounts/seller-section';
import { AppealPanel } from '../appeals/appeal-panel';
import { FlagList } from '../flags/flag-list';
import { HighlightedText } from '../flags/highlighted-text';
import { useFlagFeedback } from '../flags/use-flag-feedback';
import { ClaimBanner } from './claim-banner';
import { DecisionBar } from './decision-bar';
import { DecisionHistory } from './decision-history';
import { ListingFacts } from './listing-facts';
import { ListingImages } from './listing-images';
import { ReportList } from './report-list';
import { prefetchedListing } from './prefetched-listing';
import { mayAct, useClaim, type ClaimState } from './use-claim';

interface ListingDetailPaneProps {
  listingId: string | null;
  queue: QueueKind;
  onDecided(listingId: string): void;
  /** Offered the decision in flight; true when the page moved on without waiting for it. */
  onDeciding?(listingId: string, sent: Promise<unknown>): boolean;
}

interface ListingReviewProps {
  detail: ListingDetail;
  claim: ClaimState;
  queue: QueueKind;
  onDecided(): void;
  onDeciding?(sent: Promise<unknown>): boolean;
}

const ListingReview = memo(function ListingReview({ detail, claim, queue, onDecided, onDeciding }: ListingReviewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { listing, seller, reports, undelivered, history, appeal, cluster } = detail;
  const feedback = useFlagFeedback(listing.id, detail.flags);
  const [activeFlag, setActiveFlag] = useState<number | null>(null);
  const disabled = !mayAct(claim) || undelivered !== null;
  const deciding = queue === 'appeals' && appeal ? 'appeal' : 'listing';

  return (
    <section className="listing-detail" data-testid="listing-detail" data-listing-id={listing.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <HighlightedText text={listing.title} field="title" flags={feedback.flags} activeFlag={activeFlag} />
      </h2>
      <ClaimBanner claim={claim} />
      {undelivered && (
        <p className="notice undelivered" role="status">
          {t('detail.undelivered', { action: t(`actions.${undelivered.action}`) })}
        </p>
      )}
      {deciding === 'appeal' && appeal ? (
        <AppealPanel appeal={appeal} listing={listing} history={history} disabled={disabled} onDecided={onDecided} />
      ) : (
        <DecisionBar key={listing.id} listing={listing} disabled={disabled} onDecided={onDecided} onDeciding={onDeciding} />
      )}
      <h3>{t('flags.heading', { count: feedback.flags.length })}</h3>
      <FlagList feedback={feedback} activeFlag={activeFlag} onActivate={setActiveFlag} />
      <ListingFacts listing={listing} />
      <h3>{t('detail.body')}</h3>
      <p className="listing-body">
        <HighlightedText text={listing.body} field="body" flags={feedback.flags} activeFlag={activeFlag} />
      </p>
      <h3>{t('detail.images')}</h3>
      <ListingImages images={listing.images} title={listing.title} />
      <h3>{t('detail.reports', { count: reports.length })}</h3>
      <ReportList reports={reports} />
      <h3>{t('history.heading')}</h3>
      <DecisionHistory decisions={history} />
      {cluster && <p className="muted">{t('detail.inCluster', { count: cluster.memberIds.length, percent: Math.round(cluster.similarity * 100) })}</p>}
      <h3>{t('detail.seller')}</h3>
      <SellerSection seller={seller} />
    </section>
  );
});

/** `run` once the browser is idle; many calls before then make one run. */
function useWhenIdle(run: () => void): () => void {
  const scheduled = useRef(false);
  const latest = useRef(run);
  latest.current = run;
  return useCallback(() => {
    if (scheduled.current) return;
    scheduled.current = true;
    const go = () => {
      scheduled.current = false;
      latest.current();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: 300 });
    else setTimeout(go, 20);
  }, []);
}

/** The same answer again keeps the object it had, so the review does not re-render for nothing. */
function useUnchanged<T>(value: T): T {
  const kept = useRef<{ value: T; json: string } | null>(null);
  const json = value === undefined ? '' : JSON.stringify(value);
  if (kept.current?.json !== json) kept.current = { value, json };
  return kept.current.value;
}

/** A detail read ahead this recently is what the cache holds still, unless the core says otherwise. */
const READ_AHEAD_FRESH_MS = 10_000;
const freshlyReadAhead = (listingId: string | null): ListingDetail | null => {
  const ahead = prefetchedListing(listingId);
  return ahead !== undefined && Date.now() - ahead.claimedAt < READ_AHEAD_FRESH_MS ? ahead.detail : null;
};

/**
 * The open listing's detail, fetched again when the core reports a change — after an idle
 * moment, since right after a decision the outbox and the sync report changes in a burst, just
 * when the next item is being shown and the one after it read ahead. A detail read ahead moments
 * ago (see prefetched-listing) is shown as it is and not asked for until such a change: opening
 * it after a decision costs the busy core nothing.
 */
function useListingDetail(listingId: string | null) {
  const opened = useRef<{ listingId: string | null; readAhead: ListingDetail | null }>({ listingId: null, readAhead: null });
  if (opened.current.listingId !== listingId) opened.current = { listingId, readAhead: freshlyReadAhead(listingId) };
  const [changedFor, setChangedFor] = useState<string | null>(null);
  const live = listingId !== null && (opened.current.readAhead === null || changedFor === listingId);
  const detail = useDeskQuery('moderation:listing', { listingId: listingId ?? '-' }, { enabled: live });
  const changed = useWhenIdle(() => (live ? detail.refetch() : setChangedFor(listingId)));
  useDeskEvent('cache:changed', changed);
  useDeskEvent('outbox:changed', changed);
  const data = useUnchanged(detail.data ?? opened.current.readAhead ?? prefetchedListing(listingId)?.detail);
  return { data, loading: detail.loading, error: detail.error };
}

/**
 * The open listing. It claims the listing while it is open (see useClaim), and shows it once
 * both the listing and the claim are known, so its actions never flash enabled for an item
 * someone else holds.
 */
export const ListingDetailPane = memo(function ListingDetailPane({ listingId, queue, onDecided, onDeciding }: ListingDetailPaneProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const claim = useClaim(listingId);
  const detail = useListingDetail(listingId);
  const data = detail.data;
  const decided = useCallback(() => listingId !== null && onDecided(listingId), [listingId, onDecided]);
  const deciding = useCallback((sent: Promise<unknown>) => listingId !== null && onDeciding !== undefined && onDeciding(listingId, sent), [listingId, onDeciding]);

  if (listingId === null) {
    return (
      <section className="listing-detail empty" aria-label={t('detail.label')}>
        <p className="muted">{t('detail.none')}</p>
      </section>
    );
  }
  if (!data || claim.status === 'claiming') {
    return (
      <section className="listing-detail empty" aria-label={t('detail.label')} aria-busy={detail.loading}>
        {detail.error ? (
          <p className="error" role="alert">
            {errorMessage(detail.error)}
          </p>
        ) : (
          <p className="muted">{t('detail.loading')}</p>
        )}
      </section>
    );
  }
  return (
    <ListingReview
      key={listingId}
      detail={data}
      claim={claim}
      queue={queue}
      onDecided={decided}
      onDeciding={onDeciding && deciding}
    />
  );
});
