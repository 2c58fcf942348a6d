// The sites a user connected: their permission (EIP-2255 eth_accounts, restricted to chosen accounts),
// their active chain, the open page connections that receive events, and the activity log.
import type { ActivityView, ConnectionView } from '../../protocol/approvals';
import type { ProviderEvent } from '../../protocol/bridge';
import { pageAccounts } from '../page-accounts';
import type { WalletDatabase } from '../storage/database';
import type { StoredPermission } from '../storage/schema';
import { appendActivity, readActivity, readPermission, readPermissions, writePermission } from '../storage/site-store';

/** Until a site adds and switches to its own chain (EIP-3085/3326), it is on Ethereum mainnet. */
export const DEFAULT_CHAIN_ID = '0x1';

/** The accounts of `accounts` that are also in `among`, compared case-insensitively (pages send lowercase). */
export function onlyAmong(accounts: readonly string[], among: readonly string[]): string[] {
  const allowed = new Set(among.map((address) => address.toLowerCase()));
  return accounts.filter((account) => allowed.has(account.toLowerCase()));
}

/** An open page connection: the content bridge's Port, seen through what the router needs of it. */
export interface SiteConnection {
  id: string;
  origin: string;
  send(event: ProviderEvent): void;
}

export function createSiteService(deps: { db: WalletDatabase; now: () => number }) {
  const { db, now } = deps;
  const connections = new Map<string, SiteConnection>();

  function emit(origin: string, event: ProviderEvent): void {
    // Every connection is a page's, and pages get accounts in lowercase (page-accounts.ts).
    const sent: ProviderEvent = event.name === 'accountsChanged' ? { name: event.name, data: pageAccounts(event.data) } : event;
    for (const connection of connections.values()) {
      if (connection.origin !== origin) continue;
      try {
        connection.send(sent);
      } catch {
        connections.delete(connection.id);
      }
    }
  }

  async function permission(origin: string): Promise<StoredPermission> {
    return (await readPermission(db, origin)) ?? { origin, accounts: [], grantedAt: 0, chainId: DEFAULT_CHAIN_ID };
  }

  return {
    attach(connection: SiteConnection): void {
      connections.set(connection.id, connection);
    },
    detach(id: string): void {
      connections.delete(id);
    },

    /** The accounts `origin` may see (whether or not the wallet is unlocked). */
    async permittedAccounts(origin: string): Promise<string[]> {
      return (await permission(origin)).accounts;
    },

    async chainId(origin: string): Promise<string> {
      return (await permission(origin)).chainId;
    },

    async grant(origin: string, accounts: string[]): Promise<void> {
      const current = await permission(origin);
      await writePermission(db, { ...current, accounts, grantedAt: now() });
      emit(origin, { name: 'accountsChanged', data: accounts });
    },

    /** The chains `origin` added or was allowed to switch to (EIP-3326 without a prompt). */
    async allowedChains(origin: string): Promise<string[]> {
      return (await permission(origin)).chains ?? [];
    },

    async allowChain(origin: string, chainId: string): Promise<void> {
      const current = await permission(origin);
      const chains = current.chains ?? [];
      if (!chains.includes(chainId)) await writePermission(db, { ...current, chains: [...chains, chainId] });
    },

    /** The connected sites whose active chain is `chainId`. */
    async connectedOnChain(chainId: string): Promise<string[]> {
      return (await readPermissions(db)).filter((site) => site.accounts.length > 0 && site.chainId === chainId).map((site) => site.origin);
    },

    /** EIP-3326: the site is now on `chainId`; its pages hear chainChanged. */
    async setChain(origin: string, chainId: string): Promise<void> {
      const current = await permission(origin);
      if (current.chainId === chainId) return;
      await writePermission(db, { ...current, chainId });
      emit(origin, { name: 'chainChanged', data: chainId });
    },

    /** EIP-2255 / wallet_revokePermissions: the site sees no account until it asks again. */
    async revoke(origin: string): Promise<void> {
      const current = await readPermission(db, origin);
      if (current === undefined || current.accounts.length === 0) return;
      await writePermission(db, { ...current, accounts: [] });
      emit(origin, { name: 'accountsChanged', data: [] });
    },

    async connections(): Promise<ConnectionView[]> {
      return (await readPermissions(db))
        .filter((site) => site.accounts.length > 0)
        .map(({ origin, accounts, grantedAt }) => ({ origin, accounts, grantedAt }))
        .sort((a, b) => b.grantedAt - a.grantedAt);
    },

    /** Tells every connected site what it may see now that `unlocked` are the wallet's open accounts. */
    async announceAccounts(unlocked: readonly string[]): Promise<void> {
      for (const site of await readPermissions(db)) {
        if (site.accounts.length > 0) emit(site.origin, { name: 'accountsChanged', data: onlyAmong(site.accounts, unlocked) });
      }
    },

    async record(entry: ActivityView): Promise<void> {
      await appendActivity(db, entry);
    },

    activity(): Promise<ActivityView[]> {
      return readActivity(db);
    },
  };
}

export type SiteService = ReturnType<typeof createSiteService>;
