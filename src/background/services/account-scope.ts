// Which of the wallet's accounts it may read on a network. A network's RPC URL came from a site, and that
// site's node sees every address the wallet asks it about: reading all accounts there would tell the site
// the accounts the user never connected to it. So, unless the user chose the network in the popup, the
// wallet reads there only the accounts connected to the site that added it.
import type { StoredAccount, StoredChain } from '../storage/schema';

/** The accounts a site may see (the sites service's permittedAccounts), locked or not. */
export type PermittedAccounts = (origin: string) => Promise<readonly string[]>;

/** The accounts of `accounts` (in their order) that the wallet may read through `chain`'s node. */
export async function accountsReadableOn(
  chain: StoredChain, accounts: readonly StoredAccount[], permittedAccounts: PermittedAccounts,
): Promise<StoredAccount[]> {
  if (chain.userChosen === true) return [...accounts];
  // Stored before the wallet recorded who added a network: any site could have given this node, so no
  // account is read there until the user chooses the network.
  if (chain.addedBy === undefined) return [];
  const permitted = new Set((await permittedAccounts(chain.addedBy)).map((address) => address.toLowerCase()));
  return accounts.filter((account) => permitted.has(account.address.toLowerCase()));
}
