// What the chain says about fees now: the latest block's base fee and gas limit, eth_feeHistory's tips,
// and eth_gasPrice where a legacy transaction is signed. The arithmetic is core's (transactions/fees.ts).
import { proposeEip1559Fees, type FeeValues } from '../../core/transactions/fees';
import type { FeesView } from '../../protocol/transactions';
import type { JsonRpcClient } from '../platform/json-rpc';
import { notJsonRpc } from '../platform/json-rpc-errors';
import type { WalletDatabase } from '../storage/database';
import { nodeQuantity } from './node-quantity';
import { feesView } from './transaction-fee-bump';

/** Blocks of history the tip is the median over, and the percentile of each block's tips. */
export const FEE_HISTORY_BLOCKS = 5;
export const FEE_HISTORY_PERCENTILE = 50;

export interface FeeQuote {
  /** The next block's base fee; undefined on a chain without EIP-1559. */
  baseFee: bigint | undefined;
  /** The wallet's proposal: EIP-1559 where the chain has a base fee and the request is not legacy. */
  proposed: FeeValues;
  /** The latest block's gas limit: no transaction can use more. */
  blockGasLimit: bigint;
}

interface LatestBlock {
  baseFeePerGas?: unknown;
  gasLimit?: unknown;
}

async function gasPrice(rpc: JsonRpcClient, url: string): Promise<FeeValues> {
  return { type: 'legacy', gasPrice: nodeQuantity(url, await rpc.request(url, 'eth_gasPrice'), 'eth_gasPrice') };
}

/** eth_feeHistory's next base fee (its last entry, EIP-1559 "the block after the newest") and the blocks' tips. */
async function feeHistory(rpc: JsonRpcClient, url: string): Promise<{ nextBaseFee: bigint; rewards: bigint[] }> {
  const answer = await rpc.request(url, 'eth_feeHistory', [`0x${FEE_HISTORY_BLOCKS.toString(16)}`, 'latest', [FEE_HISTORY_PERCENTILE]]);
  const { baseFeePerGas, reward } = (typeof answer === 'object' && answer !== null ? answer : {}) as { baseFeePerGas?: unknown; reward?: unknown };
  if (!Array.isArray(baseFeePerGas) || baseFeePerGas.length === 0) throw notJsonRpc(url, 'eth_feeHistory has no baseFeePerGas');
  const rewards = (Array.isArray(reward) ? reward : []).map((row: unknown) => nodeQuantity(url, Array.isArray(row) ? row[0] : row, 'an eth_feeHistory reward'));
  return { nextBaseFee: nodeQuantity(url, baseFeePerGas[baseFeePerGas.length - 1], 'eth_feeHistory baseFeePerGas'), rewards };
}

/**
 * Quotes fees for a transaction on the node at `url`. A chain whose latest block has no baseFeePerGas
 * gets a legacy proposal from eth_gasPrice; so does a request that asked for a legacy transaction.
 * @throws JsonRpcError when the node refuses or cannot be reached; JsonRpcTransportError for garbage.
 */
export async function quoteFees(rpc: JsonRpcClient, url: string, legacyRequested: boolean): Promise<FeeQuote> {
  const latest = await rpc.request(url, 'eth_getBlockByNumber', ['latest', false]);
  if (typeof latest !== 'object' || latest === null) throw notJsonRpc(url, 'eth_getBlockByNumber answered no block');
  const block = latest as LatestBlock;
  const blockGasLimit = nodeQuantity(url, block.gasLimit, 'the latest block\'s gasLimit');
  if (block.baseFeePerGas === undefined || block.baseFeePerGas === null) {
    return { baseFee: undefined, proposed: await gasPrice(rpc, url), blockGasLimit };
  }
  const history = await feeHistory(rpc, url);
  const proposed = legacyRequested ? await gasPrice(rpc, url) : proposeEip1559Fees(history.nextBaseFee, history.rewards);
  return { baseFee: history.nextBaseFee, proposed, blockGasLimit };
}

/**
 * The EIP-1559 (or, on a chain without a base fee, legacy) fees the wallet would propose now on a network it
 * knows, as a view: what a speed-up or cancel pays at least. Undefined for a network the wallet does not know.
 * @throws JsonRpcError when the node refuses or cannot be reached.
 */
export async function currentFeesOn(db: WalletDatabase, rpc: JsonRpcClient, chainId: string): Promise<FeesView | undefined> {
  const chain = await db.get('chains', chainId);
  if (chain === undefined) return undefined;
  return feesView((await quoteFees(rpc, chain.rpcUrl, false)).proposed);
}
