// The balances a preview shows before the transaction, and what the wallet does not know of the tokens
// involved, read in one JSON-RPC batch pinned to one block, so every "before" is of the same moment.
import { decodeFunctionResult, encodeFunctionData, erc20Abi, type Hex } from 'viem';
import { balanceKey, type PreviewAsset } from '../../core/transactions/preview';
import type { BatchCall, BatchItem, JsonRpcClient } from '../platform/json-rpc';

/** A balance the node would not give (an error, or an answer that is not a number). */
export class PreviewReadError extends Error {
  override readonly name = 'PreviewReadError';
}

/** A token's symbol and decimals as its contract answers them (contract text); undefined where it does not. */
export interface ContractTokenInfo {
  symbol: string | undefined;
  decimals: number | undefined;
}

export interface PreviewReads {
  /** By balanceKey(account, asset). */
  before: Map<string, bigint>;
  /** By lowercase token address, for the tokens asked about. */
  tokenInfo: Map<string, ContractTokenInfo>;
}

function quantity(item: BatchItem | undefined, what: string): bigint {
  if (item?.ok !== true) throw new PreviewReadError(`the node refused to read ${what}`);
  const { result } = item;
  if (typeof result !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(result)) throw new PreviewReadError(`the node answered ${what} with something that is not a number`);
  return BigInt(result);
}

/** decode() of a call's answer, or undefined when the contract refused or answered something else. */
function optional<T>(item: BatchItem | undefined, decode: (data: Hex) => T): T | undefined {
  if (item?.ok !== true || typeof item.result !== 'string' || !/^0x([0-9a-fA-F]{2})+$/.test(item.result)) return undefined;
  try {
    return decode(item.result as Hex);
  } catch {
    return undefined;
  }
}

/**
 * Reads at `blockTag` every balance of `pairs` (eth_getBalance for the native currency, balanceOf for a
 * token), and symbol() and decimals() of `unknownTokens`.
 * @throws PreviewReadError when a balance cannot be read; JsonRpcError when the node refuses the batch.
 */
export async function readBeforeBalances(params: {
  rpc: JsonRpcClient;
  rpcUrl: string;
  blockTag: string;
  pairs: readonly { account: string; asset: PreviewAsset }[];
  unknownTokens: readonly string[];
}): Promise<PreviewReads> {
  const { rpc, rpcUrl, blockTag, pairs, unknownTokens } = params;
  const call = (to: string, data: Hex): BatchCall => ({ method: 'eth_call', params: [{ to, data }, blockTag] });
  const balanceCalls = pairs.map(({ account, asset }): BatchCall => (asset.kind === 'native'
    ? { method: 'eth_getBalance', params: [account, blockTag] }
    : call(asset.address, encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [account as Hex] }))));
  const infoCalls = unknownTokens.flatMap((token) => [
    call(token, encodeFunctionData({ abi: erc20Abi, functionName: 'symbol' })),
    call(token, encodeFunctionData({ abi: erc20Abi, functionName: 'decimals' })),
  ]);
  const answers = await rpc.batch(rpcUrl, [...balanceCalls, ...infoCalls]);
  const before = new Map(pairs.map(({ account, asset }, i) => {
    const what = asset.kind === 'native' ? `the balance of ${account}` : `balanceOf(${account}) of ${asset.address}`;
    return [balanceKey(account, asset), quantity(answers[i], what)] as const;
  }));
  const tokenInfo = new Map(unknownTokens.map((token, i) => {
    const base = balanceCalls.length + 2 * i;
    return [token.toLowerCase(), {
      symbol: optional(answers[base], (data) => decodeFunctionResult({ abi: erc20Abi, functionName: 'symbol', data })),
      decimals: optional(answers[base + 1], (data) => decodeFunctionResult({ abi: erc20Abi, functionName: 'decimals', data })),
    }] as const;
  }));
  return { before, tokenInfo };
}
