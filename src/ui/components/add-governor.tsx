// Adding a company's governor by network (one the wallet knows, as the add-token form offers them) and
// contract address. The background reads it from the chain and refuses a contract that is not a Governor,
// in plain words shown here.
import { useState } from 'preact/hooks';
import { shortAddress } from '../../core/format';
import type { VotesView } from '../../protocol/governance';
import type { ChainHoldingsStatus } from '../../protocol/holdings';
import { useApp } from '../app-context';
import { call } from '../client';
import { errorCode, errorDetail } from '../errors';
import { t } from '../i18n';
import { tokenAddressInput } from '../lib/holdings';
import { asClause } from '../lib/holdings-text';
import { cappedString, NAME_CAP } from '../lib/outside-text';
import { ErrorText } from './alerts';
import { Field } from './field';
import { PlusIcon } from './icons';
import { useAttempt } from './use-attempt';

/** `chains`: the networks the wallet knows (undefined while read). */
export function AddGovernor({ chains, onView }: { chains: readonly ChainHoldingsStatus[] | undefined; onView: (view: VotesView) => void }) {
  const app = useApp();
  const { busy, error, setError, attempt } = useAttempt();
  const [chainId, setChainId] = useState<string>();
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string>();
  const selectedChain = chainId ?? chains?.[0]?.chainId;

  function add(): void {
    setError(undefined);
    const checked = tokenAddressInput(address);
    setAddressError(checked === undefined ? t('voting_addressInvalid') : undefined);
    if (checked === undefined || selectedChain === undefined) return;
    attempt(async () => {
      try {
        const view = await call('governance.add', { chainId: selectedChain, address: checked });
        onView(view);
        setAddress('');
        const added = view.companies.find((company) => company.governor.address.toLowerCase() === checked.toLowerCase());
        app.announce(t('voting_added', [added === undefined ? shortAddress(checked) : cappedString(added.governor.companyName, NAME_CAP)]));
      } catch (failure) {
        // The background's message says what is wrong with the contract (none there, not a Governor, …);
        // any other failure goes on to the usual words.
        if (errorCode(failure) !== 'invalid-params') throw failure;
        setError(t('voting_addFailed', [asClause(errorDetail(failure))]));
      }
    });
  }

  return (
    <section class="add-governor" aria-labelledby="add-governor-heading">
      <h2 class="section-title" id="add-governor-heading">{t('voting_addTitle')}</h2>
      {chains !== undefined && chains.length === 0 && <p class="lead">{t('tokens_noNetworks')}</p>}
      {chains !== undefined && chains.length > 0 && (
        <form class="token-form" noValidate aria-label={t('voting_addTitle')} aria-busy={busy} onSubmit={(event) => { event.preventDefault(); if (!busy) add(); }}>
          <div class="field">
            <label for="votes-network">{t('field_network')}</label>
            <select id="votes-network" value={selectedChain ?? ''} onChange={(event) => { setChainId(event.currentTarget.value); }}>
              {chains.map((chain) => <option key={chain.chainId} value={chain.chainId}>{cappedString(chain.name, NAME_CAP)}</option>)}
            </select>
          </div>
          <Field
            label={t('voting_governorAddress')}
            autoComplete="off"
            value={address}
            onValue={(value) => { setAddress(value); setAddressError(undefined); }}
            hint={t('voting_addressHint')}
            error={addressError}
          />
          <button type="submit" class="btn btn-primary btn-wide" aria-disabled={busy}><PlusIcon />{t('voting_add')}</button>
        </form>
      )}
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </section>
  );
}
