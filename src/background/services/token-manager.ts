// The popup's token management: the user adds a share token of a known network by its address (name,
// symbol and decimals come from the contract), or stops showing one.
import type { HoldingsView } from '../../protocol/holdings';
import { ProviderRpcError } from '../../protocol/eip1193';
import { WalletError } from '../errors';
import type { WalletDatabase } from '../storage/database';
import { removeTokenAndRows } from '../storage/holdings-store';
import type { DiscoveryService } from './discovery';
import type { HoldingsService } from './holdings';
import type { TokenService } from './tokens';

export interface TokenManagerDeps {
  db: WalletDatabase;
  tokens: TokenService;
  holdings: HoldingsService;
  discovery: DiscoveryService;
  /** The wallet's accounts; throws WalletError wrong-state while locked. */
  accounts: () => Promise<unknown>;
}

export function createTokenManager(deps: TokenManagerDeps) {
  const { db, tokens, holdings, discovery } = deps;

  /**
   * Discovery first, so the refresh also reads the accounts it adds; a network it cannot reach shows up
   * as the refresh's problem.
   */
  async function discoverAndRead(chainId: string): Promise<void> {
    await discovery.discover([chainId]);
    await holdings.refreshChain(chainId);
  }

  return {
    /**
     * Adds the token at `address` (EIP-55) on `chainId`, then looks for used accounts on that network
     * (a token the wallet did not know may be what a restored account holds) and reads its holdings.
     * @throws WalletError wrong-state while locked; invalid-params for an unknown network or an address
     *   that is not an ERC-20 token there.
     */
    async add(chainId: string, address: string): Promise<HoldingsView> {
      await deps.accounts();
      const chain = await db.get('chains', chainId);
      if (chain === undefined) {
        throw new WalletError('invalid-params', `the wallet does not know the network ${chainId}; a registry site adds its network first (wallet_addEthereumChain)`);
      }
      if ((await tokens.get(chainId, address)) === undefined) {
        try {
          await tokens.add(await tokens.describe(chainId, address, 'tokens.add'));
        } catch (error) {
          if (error instanceof ProviderRpcError) throw new WalletError('invalid-params', error.message);
          throw error;
        }
      }
      await discoverAndRead(chainId);
      return holdings.view();
    },

    /**
     * After a site's token was added (wallet_watchAsset): the same discovery and refresh, in the
     * background and only while unlocked (discovery needs the seed). Never throws; an unexpected failure
     * is logged by its kind only, never its content.
     */
    tokenAddedBySite(chainId: string): void {
      void discoverAndRead(chainId).catch((error: unknown) => {
        if (error instanceof WalletError && error.code === 'wrong-state') return;
        console.error('discovery after a site added a token failed', error instanceof Error ? error.name : typeof error);
      });
    },

    /**
     * Stops showing a token and drops its cached figures.
     * @throws WalletError wrong-state while locked.
     */
    async remove(chainId: string, address: string): Promise<HoldingsView> {
      await deps.accounts();
      await removeTokenAndRows(db, chainId, address);
      return holdings.view();
    },
  };
}

export type TokenManager = ReturnType<typeof createTokenManager>;
