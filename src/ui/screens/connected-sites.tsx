// The sites the user has connected, each with the accounts it may see; "Disconnect" takes a site's
// permission away (it then sees no account until it asks again and the user approves).
import { useEffect, useState } from 'preact/hooks';
import { shortAddress } from '../../core/format';
import type { ConnectionView } from '../../protocol/approvals';
import { useApp } from '../app-context';
import { formatTime } from '../approval/time';
import { call } from '../client';
import { ErrorText } from '../components/alerts';
import { accountName } from '../components/account-name';
import { Screen } from '../components/screen';
import { useAttempt } from '../components/use-attempt';
import { t } from '../i18n';

export function ConnectedSitesScreen() {
  const app = useApp();
  const { busy, error, attempt } = useAttempt();
  const [sites, setSites] = useState<ConnectionView[]>();

  // Read once, on opening (the app's view changes with every poll of the wallet).
  useEffect(() => {
    attempt(async () => {
      setSites(await call('connections.list', {}));
    });
  }, []);

  /** The account's name when it is one of the wallet's, then its short address. */
  function accountLabel(address: string): string {
    const account = app.view.accounts.find((candidate) => candidate.address.toLowerCase() === address.toLowerCase());
    return account === undefined ? shortAddress(address) : `${accountName(account)} · ${shortAddress(address)}`;
  }

  return (
    <Screen
      title={t('sites_title')}
      busy={busy}
      actions={<button type="button" class="btn" onClick={() => { app.go({ name: 'settings' }); }}>{t('common_back')}</button>}
    >
      {sites === undefined && error === undefined && <p class="lead" role="status">{t('common_loading')}</p>}
      {sites?.length === 0 && <p class="lead">{t('sites_empty')}</p>}
      {sites !== undefined && sites.length > 0 && (
        <ul class="item-list">
          {sites.map((site) => (
            <li key={site.origin} class="item">
              <div class="item-head">
                <p class="item-title site-name">{site.origin}</p>
                <button
                  type="button"
                  class="btn btn-small"
                  aria-label={t('sites_disconnectLabel', [site.origin])}
                  aria-disabled={busy}
                  onClick={() => {
                    attempt(async () => {
                      setSites(await call('connections.revoke', { origin: site.origin }));
                      app.announce(t('sites_disconnected', [site.origin]));
                    });
                  }}
                >
                  {t('sites_disconnect')}
                </button>
              </div>
              <p class="label">{t('sites_accounts')}</p>
              <ul class="item-accounts">
                {site.accounts.map((address) => <li key={address} class="mono" title={address}>{accountLabel(address)}</li>)}
              </ul>
              <p class="hint">{t('sites_since', [formatTime(site.grantedAt)])}</p>
            </li>
          ))}
        </ul>
      )}
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </Screen>
  );
}
