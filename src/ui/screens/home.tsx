// The unlocked wallet: first the shares its accounts hold (what a shareholder opens it for), then its
// accounts. One account is selected and shown in full, with its address to copy and a name to edit; the
// list below selects another or adds the next account.
import { useState } from 'preact/hooks';
import { shortAddress } from '../../core/format';
import type { AccountView } from '../../protocol/private';
import { useApp } from '../app-context';
import { call } from '../client';
import { ErrorText } from '../components/alerts';
import { AccountCard } from '../components/account-card';
import { accountName } from '../components/account-name';
import { GearIcon, LockIcon, PlusIcon } from '../components/icons';
import { Screen } from '../components/screen';
import { useAttempt } from '../components/use-attempt';
import { t } from '../i18n';
import type { StoppedDiscovery } from '../lib/holdings';
import { HoldingsSection } from './holdings';

export function HomeScreen({ stopped }: { stopped: StoppedDiscovery | undefined }) {
  const app = useApp();
  const { accounts } = app.view;
  const { busy, error, attempt } = useAttempt();
  const [selectedIndex, setSelectedIndex] = useState(() => accounts[0]?.index ?? 0);
  const selected: AccountView | undefined = accounts.find((account) => account.index === selectedIndex) ?? accounts[0];

  return (
    <Screen
      title={t('home_title')}
      busy={busy}
      actions={
        <>
          <button type="button" class="btn" onClick={() => { app.go({ name: 'settings' }); }}>
            <GearIcon />{t('home_settings')}
          </button>
          <button
            type="button"
            class="btn"
            onClick={() => { attempt(async () => { app.show(await call('wallet.lock', {})); }); }}
          >
            <LockIcon />{t('home_lock')}
          </button>
        </>
      }
    >
      <HoldingsSection stopped={stopped} />
      <h2 class="section-title" id="accounts-heading">{t('home_accountsList')}</h2>
      {selected !== undefined && <AccountCard key={selected.index} account={selected} />}
      <ul class="accounts" aria-labelledby="accounts-heading">
        {accounts.map((account) => {
          const current = account.index === selected?.index;
          return (
            <li key={account.index}>
              <button
                type="button"
                class="account-row"
                aria-current={current ? 'true' : undefined}
                onClick={() => { setSelectedIndex(account.index); }}
              >
                <span class="account-dot" aria-hidden="true">{account.index + 1}</span>
                <span class="account-name">{accountName(account)}</span>
                <span class="account-short mono">{shortAddress(account.address)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        class="btn btn-wide"
        aria-disabled={busy}
        onClick={() => {
          attempt(async () => {
            const view = await call('accounts.add', {});
            const added = view.accounts.reduce<AccountView | undefined>(
              (latest, account) => (latest === undefined || account.index > latest.index ? account : latest), undefined);
            app.show(view);
            if (added !== undefined) {
              setSelectedIndex(added.index);
              app.announce(t('home_added', [accountName(added)]));
            }
          });
        }}
      >
        <PlusIcon />{t('home_add')}
      </button>
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </Screen>
  );
}
