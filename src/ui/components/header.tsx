// The small bar above every screen: the wallet's name and whether it is locked.
import type { WalletStatus } from '../../protocol/private';
import { t } from '../i18n';
import { LockIcon, UnlockIcon } from './icons';

export function Header({ status }: { status: WalletStatus | undefined }) {
  return (
    <header class="topbar">
      <span class="brand">
        <img src="/icons/icon-32.png" width={20} height={20} alt="" />
        <span>{t('extName')}</span>
      </span>
      {status === 'locked' && <span class="state state-locked"><LockIcon />{t('header_locked')}</span>}
      {status === 'unlocked' && <span class="state state-unlocked"><UnlockIcon />{t('header_unlocked')}</span>}
      {status === 'none' && <span class="state">{t('header_noWallet')}</span>}
    </header>
  );
}
