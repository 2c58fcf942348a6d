// The home screen's holdings: the cached figures at once (holdings.get), then a refresh from the chains
// behind (holdings.refresh), again on "Refresh" and when the wallet gains an account. A network whose
// refresh failed keeps its cached figures, and the section says so plainly. A network a site added says
// that only the accounts connected to that site are read there, and offers to read them all.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { HoldingsView } from '../../protocol/holdings';
import { Sentence } from '../approval/parts';
import { useApp } from '../app-context';
import { call } from '../client';
import { Callout, ErrorText } from '../components/alerts';
import { RestoreIcon } from '../components/icons';
import { NetworkScopes, useNetworkChoice } from '../components/network-choice';
import { TokenHoldings } from '../components/token-holdings';
import { t } from '../i18n';
import { takeEarlyHoldings } from '../lib/early-holdings';
import { companiesOpenByDefault, freshness, scopedNetworks, type Freshness, type StoppedDiscovery } from '../lib/holdings';
import { networkStatus } from '../lib/holdings-text';
import { POPUP_MARKS } from '../lib/popup-marks';

function NetworkStatus({ network }: { network: Freshness }) {
  const status = networkStatus(network);
  if (status.kind === 'problem') return <div role="alert" class="holdings-problem"><Callout tone="warning"><Sentence parts={status.parts} /></Callout></div>;
  return <p class="hint holdings-as-of"><Sentence parts={status.parts} /></p>;
}

/** `stopped`: a search for used accounts stopped at its limit before home opened (after a restore). */
export function HoldingsSection({ stopped }: { stopped: StoppedDiscovery | undefined }) {
  const app = useApp();
  const { accounts } = app.view;
  const [view, setView] = useState<HoldingsView | undefined>(takeEarlyHoldings);
  const choice = useNetworkChoice(setView, stopped);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string>();
  const inFlight = useRef(false);
  const opened = useRef(false);

  async function refresh(): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setRefreshing(true);
    setError(undefined);
    try {
      setView(await call('holdings.refresh', {}));
    } catch (failure) {
      setError(app.failure(failure));
    } finally {
      inFlight.current = false;
      setRefreshing(false);
    }
  }

  // On opening: what is cached, then a refresh. Later, a new account has no figures until a refresh.
  useEffect(() => {
    if (opened.current) {
      void refresh();
      return;
    }
    opened.current = true;
    void (async () => {
      if (view === undefined) {
        try {
          setView(await call('holdings.get', {}));
        } catch (failure) {
          setError(app.failure(failure));
        }
      }
      await refresh();
    })();
  }, [accounts.length]);

  useLayoutEffect(() => {
    if (view === undefined || performance.getEntriesByName(POPUP_MARKS.holdingsDrawn).length > 0) return;
    performance.mark(POPUP_MARKS.holdingsDrawn);
    requestAnimationFrame(() => { setTimeout(() => { performance.mark(POPUP_MARKS.holdingsPainted); }, 0); });
  }, [view]);

  const hasTokens = view !== undefined && view.tokens.length > 0;
  return (
    <section class="holdings" aria-labelledby="holdings-heading" aria-busy={refreshing}>
      <div class="section-head">
        <h2 class="section-title" id="holdings-heading">{t('holdings_title')}</h2>
        {hasTokens && (
          <button type="button" class="btn btn-small" aria-disabled={refreshing} onClick={() => { void refresh(); }}>
            <RestoreIcon />{t('holdings_refresh')}
          </button>
        )}
        <button type="button" class="btn btn-small" onClick={() => { app.go({ name: 'tokens', from: 'home' }); }}>
          {t('tokens_title')}
        </button>
        <button type="button" class="btn btn-small" onClick={() => { app.go({ name: 'votes' }); }}>
          {t('voting_title')}
        </button>
      </div>
      <p class="hint holdings-progress" role="status">{refreshing ? t('holdings_refreshing') : ''}</p>
      {view === undefined && error === undefined && <p class="lead">{t('common_loading')}</p>}
      {view !== undefined && view.chains.length === 0 && <p class="lead">{t('holdings_noNetworks')}</p>}
      {view !== undefined && view.chains.length > 0 && !hasTokens && (
        <p class="lead">
          {t('holdings_noTokens')}{' '}
          <button type="button" class="btn-link" onClick={() => { app.go({ name: 'tokens', from: 'home' }); }}>
            {t('tokens_addTitle')}
          </button>
        </p>
      )}
      {view !== undefined && freshness(view).map((network) => <NetworkStatus key={network.chainId} network={network} />)}
      <NetworkScopes networks={view === undefined ? [] : scopedNetworks(view, true)} choice={choice} />
      {view?.tokens.map((holdings) => (
        <TokenHoldings
          key={`${holdings.token.chainId} ${holdings.token.address}`}
          holdings={holdings}
          accounts={accounts}
          initiallyOpen={companiesOpenByDefault(view.tokens.length)}
        />
      ))}
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </section>
  );
}
