// Share tokens the wallet shows (EIP-747). Name, symbol and decimals are read from the token contract on
// the chain itself; what a page claims is only checked against them, never shown.
import { decodeFunctionResult, erc20Abi, type Hex } from 'viem';
import type { TokenLookup } from '../../core';
import type { TokenView } from '../../protocol/approvals';
import { rpcErrors } from '../rpc-error';
import type { WalletDatabase } from '../storage/database';
import { readAllHoldings } from '../storage/holdings-store';
import type { StoredChainHoldings, StoredToken } from '../storage/schema';
import type { ChainService } from './chains';

/** ERC-20 function selectors: the first 4 bytes of keccak256 of the signature. */
const SELECTORS = { name: '0x06fdde03', symbol: '0x95d89b41', decimals: '0x313ce567' } as const;

type ReadableField = keyof typeof SELECTORS;

/**
 * The approval screen's token lookup over the wallet's known tokens: chain id and address must both
 * match (address case-insensitively). Typed data without a domain chainId is for `defaultChainId`,
 * the chain the asking site is on. The total supply is the one the last holdings refresh read, if any.
 */
export function knownTokenLookup(known: readonly StoredToken[], defaultChainId: bigint, holdings: readonly StoredChainHoldings[] = []): TokenLookup {
  return (chainId, address) => {
    const chain = chainId ?? defaultChainId;
    const token = known.find((candidate) => BigInt(candidate.chainId) === chain && candidate.address.toLowerCase() === address.toLowerCase());
    if (token === undefined) return undefined;
    const supply = holdings.find((record) => record.chainId === token.chainId)?.supplies?.[token.address];
    return { name: token.name, symbol: token.symbol, decimals: token.decimals, totalSupply: supply === undefined ? undefined : BigInt(supply) };
  };
}

export function createTokenService(deps: { db: WalletDatabase; chains: ChainService; now: () => number }) {
  const { db, chains } = deps;

  /** The raw answer of `field()` on the contract, checked to be non-empty hex. */
  async function call(label: string, chainId: string, address: string, field: ReadableField): Promise<Hex> {
    const answer = await chains.forward(chainId, 'eth_call', [{ to: address, data: SELECTORS[field] }, 'latest']);
    if (typeof answer !== 'string' || !/^0x[0-9a-fA-F]+$/.test(answer)) {
      throw rpcErrors.invalidParams(`${label}: ${address} on chain ${chainId} does not answer ${field}() like an ERC-20 token`);
    }
    return answer as Hex;
  }

  function decoded<T>(label: string, address: string, field: ReadableField, decode: () => T): T {
    try {
      return decode();
    } catch {
      throw rpcErrors.invalidParams(`${label}: ${address} answers ${field}() with something that is not ERC-20`);
    }
  }

  return {
    /**
     * The token as its contract describes itself; `label` (the asking method) starts every error message.
     * @throws ProviderRpcError 4901 without an RPC for the chain; -32602 when it is not an ERC-20 token.
     */
    async describe(chainId: string, address: string, label = 'wallet_watchAsset'): Promise<TokenView> {
      const [name, symbol, decimals] = await Promise.all(
        (['name', 'symbol', 'decimals'] as const).map((field) => call(label, chainId, address, field)),
      ) as [Hex, Hex, Hex];
      return {
        chainId, address,
        name: decoded(label, address, 'name', () => decodeFunctionResult({ abi: erc20Abi, functionName: 'name', data: name })),
        symbol: decoded(label, address, 'symbol', () => decodeFunctionResult({ abi: erc20Abi, functionName: 'symbol', data: symbol })),
        decimals: decoded(label, address, 'decimals', () => decodeFunctionResult({ abi: erc20Abi, functionName: 'decimals', data: decimals })),
      };
    },

    /** The approval screen's lookup (knownTokenLookup) over the stored tokens and their last read supply. */
    async lookup(defaultChainId: bigint): Promise<TokenLookup> {
      const [known, holdings] = await Promise.all([db.getAll('tokens'), readAllHoldings(db)]);
      return knownTokenLookup(known, defaultChainId, holdings);
    },

    /** Every token the wallet shows, on every network. */
    list(): Promise<StoredToken[]> {
      return db.getAll('tokens');
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
