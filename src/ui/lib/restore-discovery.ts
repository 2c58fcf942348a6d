// After a restore: BIP-44 account discovery on the known networks, then home with every account found.
// A failure never keeps the user from their wallet: home opens with the first account, and the notice
// says what happened.
import type { DiscoveryView } from '../../protocol/holdings';
import type { WalletView } from '../../protocol/private';
import { t } from '../i18n';
import { stoppedDiscovery, type StoppedDiscovery } from './holdings';
import { discoveryNotice } from './holdings-text';

export interface DiscoveryDeps {
  /** `accounts.discover` */
  discover: () => Promise<DiscoveryView>;
  /** `wallet.get`: the wallet with the accounts discovery added. */
  read: () => Promise<WalletView>;
  /** Home with `view`; `stopped` when the search stopped at its limit, so home offers to go on. */
  show: (view: WalletView, stopped?: StoppedDiscovery) => void;
  announce: (message: string) => void;
  /** The user's words for a failure. */
  failure: (error: unknown) => string;
}

/** Runs discovery for the wallet `created` just wrote and shows the result; never throws. */
export async function discoverAfterRestore(created: WalletView, deps: DiscoveryDeps): Promise<void> {
  let found: DiscoveryView;
  try {
    found = await deps.discover();
  } catch (failure) {
    deps.show(created);
    deps.announce(t('restore_discoverFailed', [deps.failure(failure)]));
    return;
  }
  const shown = found.added.length === 0 ? created : await deps.read().catch(() => created);
  const stopped = stoppedDiscovery(found);
  if (stopped === undefined) deps.show(shown);
  else deps.show(shown, stopped);
  const notice = discoveryNotice(found);
  if (notice !== undefined) deps.announce(notice);
}
