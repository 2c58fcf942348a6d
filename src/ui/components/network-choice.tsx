// A network a site added is read only for the accounts connected to that site. These parts say so, let
// the user choose to read all their accounts there (chains.choose, which also looks for used accounts),
// and, when a search for used accounts stopped at its limit per run, say how many it found and offer to
// keep looking from there (accounts.discover with `from`).
import { useState } from 'preact/hooks';
import type { DiscoveryView, HoldingsView } from '../../protocol/holdings';
import { useApp } from '../app-context';
import { call } from '../client';
import { t } from '../i18n';
import { stoppedDiscovery, type ScopedNetwork, type StoppedDiscovery } from '../lib/holdings';
import { discoveryNotice, scopeText } from '../lib/holdings-text';
import { Callout, ErrorText } from './alerts';
import { useAttempt } from './use-attempt';

/**
 * Choosing networks and going on with stopped searches, for one screen. `onHoldings` gets the holdings
 * read after a choice; the wallet's new accounts reach the app, whose screens refresh on them.
 */
export function useNetworkChoice(onHoldings: (view: HoldingsView) => void, initiallyStopped?: StoppedDiscovery) {
  const app = useApp();
  const { busy, error, attempt } = useAttempt();
  const [stopped, setStopped] = useState(initiallyStopped);

  /** After a search: the wallet's accounts again if it added some, and what it found in words. */
  async function followUp(found: DiscoveryView, chainId: string | undefined, prefix: string[]): Promise<void> {
    setStopped(stoppedDiscovery(found, chainId));
    if (found.added.length > 0) app.show(await call('wallet.get', {}));
    const notice = discoveryNotice(found);
    const words = [...prefix, ...(notice === undefined ? [] : [notice])];
    if (words.length > 0) app.announce(words.join(' '));
  }

  return {
    busy, stopped, error,
    choose(network: ScopedNetwork): void {
      attempt(async () => {
        const result = await call('chains.choose', { chainId: network.chainId });
        onHoldings(result.holdings);
        await followUp(result.discovery, network.chainId, [t('holdings_chosen', [network.name])]);
      });
    },
    /** After tokens.add, which chose the token's network and searched it. */
    searched(found: DiscoveryView, chainId: string): void {
      attempt(() => followUp(found, chainId, []));
    },
    keepLooking(): void {
      if (stopped === undefined) return;
      attempt(async () => {
        const found = await call('accounts.discover', { from: stopped.from, ...(stopped.chainId === undefined ? {} : { chainId: stopped.chainId }) });
        await followUp(found, stopped.chainId, []);
      });
    },
  };
}

export type NetworkChoice = ReturnType<typeof useNetworkChoice>;

/** Each network's scope in plain words, with the button that reads all accounts there. */
export function NetworkScopes({ networks, choice }: { networks: readonly ScopedNetwork[]; choice: NetworkChoice }) {
  return (
    <>
      {networks.map((network) => (
        <div key={network.chainId} class="network-scope" role="group" aria-label={network.name}>
          <Callout tone="info">
            <p class="network-scope-text">{scopeText(network)}</p>
            <p class="hint">{t('holdings_readAllHint')}</p>
            <button type="button" class="btn btn-small" aria-disabled={choice.busy} onClick={() => { choice.choose(network); }}>
              {t('holdings_readAll', [network.name])}
            </button>
          </Callout>
        </div>
      ))}
      <DiscoveryStopped choice={choice} />
      {choice.error !== undefined && <ErrorText>{choice.error}</ErrorText>}
    </>
  );
}

/** "Found N used accounts and stopped there", with Keep looking; nothing when no search stopped. */
function DiscoveryStopped({ choice }: { choice: NetworkChoice }) {
  if (choice.stopped === undefined) return null;
  return (
    <div class="discovery-stopped" role="alert">
      <Callout tone="warning">
        <p>{t('discovery_stopped', [choice.stopped.found])}</p>
        <button type="button" class="btn btn-small" aria-disabled={choice.busy} onClick={() => { choice.keepLooking(); }}>
          {t('discovery_keepLooking')}
        </button>
      </Callout>
    </div>
  );
}
