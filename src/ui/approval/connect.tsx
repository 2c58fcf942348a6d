// A site asks to see an account: the user picks which of the wallet's accounts it may see (the first is
// picked to start with); the site never learns of the others.
import { useId } from 'preact/hooks';
import { shortAddress } from '../../core/format';
import type { AccountView } from '../../protocol/private';
import { Callout } from '../components/alerts';
import { accountName } from '../components/account-name';
import { t } from '../i18n';
import { Sentence } from './parts';
import { connectSentence } from './sentence';

interface ConnectProps {
  origin: string;
  accounts: readonly AccountView[];
  /** Addresses picked so far. */
  chosen: readonly string[];
  onChosen: (addresses: string[]) => void;
}

export function ConnectBody({ origin, accounts, chosen, onChosen }: ConnectProps) {
  const id = useId();
  const none = chosen.length === 0;
  return (
    <>
      <p class="lead-sentence"><Sentence parts={connectSentence(origin)} /></p>
      <fieldset class="pick" aria-describedby={none ? `${id}-none` : undefined}>
        <legend>{t('connect_accountsLegend')}</legend>
        <ul class="accounts">
          {accounts.map((account) => {
            const checked = chosen.includes(account.address);
            return (
              <li key={account.index}>
                <label class="account-row account-pick">
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() => {
                      // Kept in the wallet's account order, whatever order they were ticked in.
                      onChosen(accounts
                        .filter((other) => other.address === account.address ? !checked : chosen.includes(other.address))
                        .map((other) => other.address));
                    }}
                  />
                  <span class="account-name">{accountName(account)}</span>
                  <span class="account-short mono">{shortAddress(account.address)}</span>
                </label>
              </li>
            );
          })}
        </ul>
        {none && <p id={`${id}-none`} class="hint">{t('connect_noneChosen')}</p>}
      </fieldset>
      <Callout tone="info"><p>{t('connect_explain')}</p></Callout>
    </>
  );
}
