// An account's name as shown: the user's name for it, or "Account N" (N counted from 1).
import type { AccountView } from '../../protocol/private';
import { t } from '../i18n';

export function accountName(account: AccountView): string {
  return account.name === '' ? t('account_default', [account.index + 1]) : account.name;
}
