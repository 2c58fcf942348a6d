// The share tokens the wallet shows: each can be removed (only its cached figures go; adding it again
// reads them anew), and a token of a known network can be added by its contract address. Name, symbol
// and decimals are read from the chain by the background, never typed by the user; they are the
// contract's words, drawn framed and capped after the contract's address.
import { useEffect, useState } from 'preact/hooks';
import { shortAddress } from '../../core/format';
import type { HoldingsView } from '../../protocol/holdings';
import { useApp } from '../app-context';
import { call } from '../client';
import { ErrorText } from '../components/alerts';
import { Field } from '../components/field';
import { NetworkScopes, useNetworkChoice } from '../components/network-choice';
import { PlusIcon } from '../components/icons';
import { OutsideText } from '../components/outside-text';
import { Screen } from '../components/screen';
import { useAttempt } from '../components/use-attempt';
import { errorCode, errorDetail } from '../errors';
import { t } from '../i18n';
import { findToken, scopedNetworks, tokenAddressInput } from '../lib/holdings';
import { asClause } from '../lib/holdings-text';
import { cappedString, NAME_CAP, SYMBOL_CAP } from '../lib/outside-text';

export function TokensScreen({ from }: { from: 'home' | 'settings' }) {
  const app = useApp();
  const { busy, error, setError, attempt } = useAttempt();
  const [view, setView] = useState<HoldingsView>();
  const [chainId, setChainId] = useState<string>();
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string>();
  const choice = useNetworkChoice(setView);

  useEffect(() => {
    attempt(async () => {
      setView(await call('holdings.get', {}));
    });
  }, []);

  const chains = view?.chains ?? [];
  const selectedChain = chainId ?? chains[0]?.chainId;

  function add(): void {
    setError(undefined);
    const checked = tokenAddressInput(address);
    setAddressError(checked === undefined ? t('tokens_addressInvalid') : undefined);
    if (checked === undefined || selectedChain === undefined) return;
    attempt(async () => {
      try {
        const next = await call('tokens.add', { chainId: selectedChain, address: checked });
        setView(next.holdings);
        setAddress('');
        const added = findToken(next.holdings, selectedChain, checked);
        app.announce(t('tokens_added', [added === undefined ? shortAddress(checked) : cappedString(added.token.name, NAME_CAP)]));
        // Adding a token here chose its network: say what the search for used accounts there found.
        choice.searched(next.discovery, selectedChain);
      } catch (failure) {
        // The background's message says what is wrong with the token (no contract, not an ERC-20, …);
        // any other failure goes on to the usual words.
        if (errorCode(failure) !== 'invalid-params') throw failure;
        setError(t('tokens_addFailed', [asClause(errorDetail(failure))]));
      }
    });
  }

  return (
    <Screen
      title={t('tokens_title')}
      busy={busy}
      actions={<button type="button" class="btn" onClick={() => { app.go({ name: from }); }}>{t('common_back')}</button>}
    >
      {view === undefined && error === undefined && <p class="lead" role="status">{t('common_loading')}</p>}
      {view?.tokens.length === 0 && <p class="lead">{t('tokens_empty')}</p>}
      {view !== undefined && view.tokens.length > 0 && (
        <ul class="item-list">
          {view.tokens.map(({ token, chainName }) => (
            <li key={`${token.chainId} ${token.address}`} class="item">
              <div class="item-head">
                <p class="item-title">
                  <span class="mono" title={token.address}>{shortAddress(token.address)}</span>{' '}
                  <OutsideText text={token.name} source="contract" cap={NAME_CAP} />{' '}
                  <OutsideText text={token.symbol} source="contract" cap={SYMBOL_CAP} />
                </p>
                <button
                  type="button"
                  class="btn btn-small"
                  aria-label={t('tokens_removeLabel', [cappedString(token.symbol, SYMBOL_CAP)])}
                  aria-disabled={busy}
                  onClick={() => {
                    attempt(async () => {
                      setView(await call('tokens.remove', { chainId: token.chainId, address: token.address }));
                      app.announce(t('tokens_removed', [cappedString(token.name, NAME_CAP)]));
                    });
                  }}
                >
                  {t('tokens_remove')}
                </button>
              </div>
              <p class="hint"><OutsideText text={chainName} source="site" cap={NAME_CAP} /></p>
            </li>
          ))}
        </ul>
      )}
      <NetworkScopes networks={view === undefined ? [] : scopedNetworks(view, false)} choice={choice} />
      <h2 class="section-title">{t('tokens_addTitle')}</h2>
      {view !== undefined && chains.length === 0 && <p class="lead">{t('tokens_noNetworks')}</p>}
      {chains.length > 0 && (
        <form
          class="token-form"
          noValidate
          aria-label={t('tokens_addTitle')}
          onSubmit={(event) => { event.preventDefault(); if (!busy) add(); }}
        >
          <div class="field">
            <label for="tokens-network">{t('field_network')}</label>
            <select
              id="tokens-network"
              value={selectedChain ?? ''}
              onChange={(event) => { setChainId(event.currentTarget.value); }}
            >
              {chains.map((chain) => <option key={chain.chainId} value={chain.chainId}>{cappedString(chain.name, NAME_CAP)}</option>)}
            </select>
          </div>
          <Field
            label={t('field_tokenAddress')}
            autoComplete="off"
            value={address}
            onValue={(value) => { setAddress(value); setAddressError(undefined); }}
            hint={t('tokens_addressHint')}
            error={addressError}
          />
          <button type="submit" class="btn btn-primary btn-wide" aria-disabled={busy}><PlusIcon />{t('tokens_add')}</button>
        </form>
      )}
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </Screen>
  );
}
