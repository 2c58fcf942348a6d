// The voting centre (issue 14): the cached companies and proposals at once ('governance.get'), then a read
// of what is new on the chains behind ('governance.refresh'), again on "Refresh". A governor whose read
// failed keeps its saved proposals and says why, plainly. Below: adding a company's governor.
// While reading, the screen's role="status" line says so and the section is aria-busy.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { GovernorView, VotesView } from '../../protocol/governance';
import type { ChainHoldingsStatus } from '../../protocol/holdings';
import { Sentence } from '../approval/parts';
import { fill, markers } from '../approval/sentence';
import { useApp } from '../app-context';
import { call } from '../client';
import { AddGovernor } from '../components/add-governor';
import { ErrorText } from '../components/alerts';
import { CompanyVotes } from '../components/company-votes';
import { RestoreIcon } from '../components/icons';
import { Screen } from '../components/screen';
import { useAttempt } from '../components/use-attempt';
import { t } from '../i18n';
import { hasNotificationsPermission } from '../lib/notifications-permission';
import { cappedString, NAME_CAP } from '../lib/outside-text';
import { POPUP_MARKS } from '../lib/popup-marks';

export function VotesScreen() {
  const app = useApp();
  const { accounts } = app.view;
  const [view, setView] = useState<VotesView>();
  const [chains, setChains] = useState<ChainHoldingsStatus[]>();
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string>();
  const [notificationsAllowed, setNotificationsAllowed] = useState<boolean>();
  const removal = useAttempt();
  const inFlight = useRef(false);
  const [now] = useState(() => Date.now());

  async function refresh(): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setRefreshing(true);
    setError(undefined);
    try {
      setView(await call('governance.refresh', {}));
    } catch (failure) {
      setError(app.failure(failure));
    } finally {
      inFlight.current = false;
      setRefreshing(false);
    }
  }

  useEffect(() => {
    void (async () => {
      try {
        setView(await call('governance.get', {}));
      } catch (failure) {
        setError(app.failure(failure));
      }
      await refresh();
    })();
    call('holdings.get', {}).then((holdings) => { setChains(holdings.chains); }, () => { setChains([]); });
    hasNotificationsPermission().then(setNotificationsAllowed, () => undefined);
  }, []);

  useLayoutEffect(() => {
    if (view === undefined || performance.getEntriesByName(POPUP_MARKS.votesDrawn).length > 0) return;
    performance.mark(POPUP_MARKS.votesDrawn);
    requestAnimationFrame(() => { setTimeout(() => { performance.mark(POPUP_MARKS.votesPainted); }, 0); });
  }, [view]);

  const remove = (governor: GovernorView): void => {
    removal.attempt(async () => {
      setView(await call('governance.remove', { chainId: governor.chainId, address: governor.address }));
      app.announce(t('voting_removed', [cappedString(governor.companyName, NAME_CAP)]));
    });
  };

  return (
    <Screen
      title={t('voting_title')}
      actions={<button type="button" class="btn" onClick={() => { app.go({ name: 'home' }); }}>{t('common_back')}</button>}
    >
      <section class="votes" aria-label={t('voting_title')} aria-busy={refreshing}>
        <div class="section-head">
          <p class="hint votes-as-of">
            {view?.readAt === undefined
              ? (view === undefined ? '' : t('voting_neverRead'))
              : <Sentence parts={fill(t('voting_asOf', markers(1)), [{ kind: 'time', ms: view.readAt }])} />}
          </p>
          <button type="button" class="btn btn-small" aria-disabled={refreshing} onClick={() => { void refresh(); }}>
            <RestoreIcon />{t('holdings_refresh')}
          </button>
        </div>
        <p class="hint holdings-progress" role="status">{refreshing ? t('voting_refreshing') : ''}</p>
        {view === undefined && error === undefined && <p class="lead">{t('common_loading')}</p>}
        {view?.companies.length === 0 && <p class="lead">{t('voting_empty')}</p>}
        {view?.companies.map((company) => (
          <CompanyVotes
            key={`${company.governor.chainId} ${company.governor.address}`}
            company={company}
            accounts={accounts}
            now={now}
            notificationsAllowed={notificationsAllowed}
            busy={removal.busy}
            onView={setView}
            onRemove={() => { remove(company.governor); }}
          />
        ))}
        {error !== undefined && <ErrorText>{error}</ErrorText>}
        {removal.error !== undefined && <ErrorText>{removal.error}</ErrorText>}
      </section>
      <AddGovernor chains={chains} onView={setView} />
    </Screen>
  );
}
