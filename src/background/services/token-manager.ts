// The popup's token management: the user adds a share token of a known network by its address (name,
// symbol and decimals come from the contract), or stops showing one. Adding a token in the popup, like
// pressing "Read all my accounts" there, is the user choosing that network: the wallet then reads all
// their accounts there and looks for used ones. A site's token (wallet_watchAsset) chooses nothing.
import type { HoldingsView, NetworkChoiceView } from '../../protocol/holdings';
import { ProviderRpcError } from '../../protocol/eip1193';
import { WalletError } from '../errors';
import type { WalletDatabase } from '../storage/database';
import { removeTokenAndRows } from '../storage/holdings-store';
import type { ChainService } from './chains';
import type { DiscoveryService } from './discovery';
import type { HoldingsService } from './holdings';
import type { TokenService } from './tokens';

export interface TokenManagerDeps {
  db: WalletDatabase;
  chains: ChainService;
  tokens: TokenService;
  holdings: HoldingsService;
  discovery: DiscoveryService;
  /** The wallet's accounts; throws WalletError wrong-state while locked. */
  accounts: () => Promise<unknown>;
}

function unknownNetwork(chainId: string): WalletError {
  return new WalletError('invalid-params', `the wallet does not know the network ${chainId}; a registry site adds its network first (wallet_addEthereumChain)`);
}

export function createTokenManager(deps: TokenManagerDeps) {
  const { chains, tokens, holdings, discovery } = deps;

  /**
   * Marks the network chosen, then discovery, so the refresh also reads the accounts it adds; a network
   * it cannot reach shows up as the refresh's problem.
   */
  async function chooseAndRead(chainId: string): Promise<NetworkChoiceView> {
    if ((await chains.choose(chainId)) === undefined) throw unknownNetwork(chainId);
    const found = await discovery.discover({ chainIds: [chainId] });
    await holdings.refreshChain(chainId);
    return { discovery: found, holdings: await holdings.view() };
  }

  return {
    /**
     * The user chose, in the popup, to read all their accounts on `chainId`: looks for used accounts there
     * and reads its holdings.
     * @throws WalletError wrong-state while locked; invalid-params for an unknown network.
     */
    async choose(chainId: string): Promise<NetworkChoiceView> {
      await deps.accounts();
      return chooseAndRead(chainId);
    },

    /**
     * Adds the token at `address` (EIP-55) on `chainId`, then, the user having chosen that network, looks
     * for used accounts there (a token the wallet did not know may be what a restored account holds) and
     * reads its holdings.
     * @throws WalletError wrong-state while locked; invalid-params for an unknown network or an address
     *   that is not an ERC-20 token there.
     */
    async add(chainId: string, address: string): Promise<NetworkChoiceView> {
      await deps.accounts();
      if ((await chains.get(chainId)) === undefined) throw unknownNetwork(chainId);
      if ((await tokens.get(chainId, address)) === undefined) {
        try {
          await tokens.add(await tokens.describe(chainId, address, 'tokens.add'));
        } catch (error) {
          if (error instanceof ProviderRpcError) throw new WalletError('invalid-params', error.message);
          throw error;
        }
      }
      return chooseAndRead(chainId);
    },

    /**
     * After a site's token was added (wallet_watchAsset): a refresh of that network in the background,
     * which reads only the accounts the wallet may read there (never a discovery: a site's request must
     * not make the wallet ask the site's node about the phrase's other addresses). Never throws; an
     * unexpected failure is logged by its kind only, never its content.
     */
    tokenAddedBySite(chainId: string): void {
      void holdings.refreshChain(chainId).catch((error: unknown) => {
        if (error instanceof WalletError && error.code === 'wrong-state') return;
        console.error('reading the holdings after a site added a token failed', error instanceof Error ? error.name : typeof error);
      });
    },

    /**
     * Stops showing a token and drops its cached figures.
     * @throws WalletError wrong-state while locked.
     */
    async remove(chainId: string, address: string): Promise<HoldingsView> {
      await deps.accounts();
      await removeTokenAndRows(deps.db, chainId, address);
      return holdings.view();
    },
  };
}

export type TokenManager = ReturnType<typeof createTokenManager>;
