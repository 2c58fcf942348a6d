// The account that will sign: its name when it is one of the wallet's, and its full EIP-55 address.
import type { AccountView } from '../../protocol/private';
import { accountName } from '../components/account-name';
import { t } from '../i18n';

export function SigningAccount({ address, accounts }: { address: string; accounts: readonly AccountView[] }) {
  const account = accounts.find((candidate) => candidate.address.toLowerCase() === address.toLowerCase());
  return (
    <div class="signer">
      <p class="label">{t('detail_account')}</p>
      {account !== undefined && <p class="signer-name">{accountName(account)}</p>}
      <p class="address mono">{address}</p>
    </div>
  );
}
