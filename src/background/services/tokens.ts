// Share tokens the wallet shows (EIP-747). Name, symbol and decimals are read from the token contract on
// the chain itself; what a page claims is only checked against them, never shown.
import { decodeFunctionResult, erc20Abi, type Hex } from 'viem';
import type { TokenView } from '../../protocol/approvals';
import { rpcErrors } from '../rpc-error';
import type { WalletDatabase } from '../storage/database';
import type { StoredToken } from '../storage/schema';
import type { ChainService } from './chains';

/** ERC-20 function selectors: the first 4 bytes of keccak256 of the signature. */
const SELECTORS = { name: '0x06fdde03', symbol: '0x95d89b41', decimals: '0x313ce567' } as const;

type ReadableField = keyof typeof SELECTORS;

export function createTokenService(deps: { db: WalletDatabase; chains: ChainService; now: () => number }) {
  const { db, chains } = deps;

  /** The raw answer of `field()` on the contract, checked to be non-empty hex. */
  async function call(chainId: string, address: string, field: ReadableField): Promise<Hex> {
    const answer = await chains.forward(chainId, 'eth_call', [{ to: address, data: SELECTORS[field] }, 'latest']);
    if (typeof answer !== 'string' || !/^0x[0-9a-fA-F]+$/.test(answer)) {
      throw rpcErrors.invalidParams(`wallet_watchAsset: ${address} on chain ${chainId} does not answer ${field}() like an ERC-20 token`);
    }
    return answer as Hex;
  }

  function decoded<T>(address: string, field: ReadableField, decode: () => T): T {
    try {
      return decode();
    } catch {
      throw rpcErrors.invalidParams(`wallet_watchAsset: ${address} answers ${field}() with something that is not ERC-20`);
    }
  }

  return {
    /**
     * The token as its contract describes itself.
     * @throws ProviderRpcError 4901 without an RPC for the chain; -32602 when it is not an ERC-20 token.
     */
    async describe(chainId: string, address: string): Promise<TokenView> {
      const [name, symbol, decimals] = await Promise.all([call(chainId, address, 'name'), call(chainId, address, 'symbol'), call(chainId, address, 'decimals')]);
      return {
        chainId, address,
        name: decoded(address, 'name', () => decodeFunctionResult({ abi: erc20Abi, functionName: 'name', data: name })),
        symbol: decoded(address, 'symbol', () => decodeFunctionResult({ abi: erc20Abi, functionName: 'symbol', data: symbol })),
        decimals: decoded(address, 'decimals', () => decodeFunctionResult({ abi: erc20Abi, functionName: 'decimals', data: decimals })),
      };
    },

    async add(token: TokenView): Promise<void> {
      await db.put('tokens', { ...token, addedAt: deps.now() });
    },

    get(chainId: string, address: string): Promise<StoredToken | undefined> {
      return db.get('tokens', [chainId, address]);
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
