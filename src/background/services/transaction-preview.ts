// The preview of what a waiting transaction changes (issue 12 §3), computed once per approval while it
// waits. The node runs it where it can: eth_simulateV1 with traceTransfers, on top of the latest block,
// whose Transfer logs (native movements included) give every balance that moves. A node without
// eth_simulateV1 cannot be made to run the transaction and then read balances in one eth_call (state
// overrides set state, they do not apply a transaction), and debug_traceCall or anvil's own methods are
// not on the public nodes registries use. So the fallback reads today's balances with eth_getBalance and
// balanceOf, and applies the amounts the decoded call names: "computed from the call, not simulated".
// A call whose effects the wallet cannot read (an unknown call, a contract creation) gets no such
// figures. Whatever fails, the answer carries the fee, and it never holds the approval up.
import { decodeRevert, describeCall, toChecksumAddress, type TokenLookup } from '../../core';
import {
  balanceChanges, balanceDeltas, balancesToRead, previewFee, readSimulation, SimulationAnswerError, transfersFromCall,
  type AssetTransfer, type BalanceChange, type FeeParams, type PreviewFee,
} from '../../core/transactions/preview';
import type { RevertReason } from '../../core/transactions/revert';
import type { Jsonify } from '../../protocol/approvals';
import type {
  BalanceChangeView, FeesView, PreviewAssetView, PreviewFeeView, PreviewSource, PreviewUnavailableReason, PreviewView,
  RevertView, TransactionRequestView,
} from '../../protocol/transactions';
import { JsonRpcError, JsonRpcTransportError, type JsonRpcClient } from '../platform/json-rpc';
import type { StoredChain } from '../storage/schema';
import type { ApprovalService } from './approvals';
import type { ChainService } from './chains';
import { PreviewReadError, readBeforeBalances, type ContractTokenInfo } from './preview-reads';
import type { SimulationSupportMemory } from './simulation-support';
import type { TokenService } from './tokens';

export interface TransactionPreviewDeps {
  approvals: Pick<ApprovalService, 'pending'>;
  chains: Pick<ChainService, 'get'>;
  tokens: Pick<TokenService, 'lookup'>;
  rpc: JsonRpcClient;
  support: SimulationSupportMemory;
}

/** What moved, by which means; `reverted` when the transaction would fail (then nothing moves but the fee). */
interface Outcome {
  source: PreviewSource;
  transfers: AssetTransfer[];
  gasUsed: bigint | undefined;
  reverted: RevertView | undefined;
}

// -32601: JSON-RPC 2.0 "Method not found" (go-ethereum: "the method eth_simulateV1 does not exist/is not
// available"); -32004: EIP-1474 "Method not supported". Some providers word it without those codes.
const METHOD_MISSING = /method.*(not (found|supported|available)|does not exist|unsupported)/i;

function isMethodMissing(error: JsonRpcError): boolean {
  return error.code === -32601 || error.code === -32004 || METHOD_MISSING.test(error.message);
}

function feeParams(fees: FeesView): FeeParams {
  return fees.type === 'legacy'
    ? { type: 'legacy', gasPrice: BigInt(fees.gasPrice) }
    : { type: 'eip1559', maxFeePerGas: BigInt(fees.maxFeePerGas), maxPriorityFeePerGas: BigInt(fees.maxPriorityFeePerGas) };
}

function feeView(fee: PreviewFee): PreviewFeeView {
  return { gasUsed: fee.gasUsed?.toString(), likely: fee.likely.toString(), max: fee.max.toString() };
}

function revertView(reason: RevertReason): RevertView {
  return JSON.parse(JSON.stringify(reason, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item))) as Jsonify<RevertReason>;
}

/** The asset as the approval shows it: the wallet's own token knowledge first, else the contract's words. */
function assetView(row: BalanceChange, tx: TransactionRequestView, lookup: TokenLookup, read: ReadonlyMap<string, ContractTokenInfo>): PreviewAssetView {
  const { asset } = row;
  if (asset.kind === 'native') return { kind: 'native', ...tx.nativeCurrency };
  const known = lookup(BigInt(tx.chainId), asset.address);
  if (known !== undefined) return { kind: 'token', address: asset.address, symbol: known.symbol, decimals: known.decimals, known: 'wallet' };
  const info = read.get(asset.address.toLowerCase());
  const answered = info?.symbol !== undefined && info.decimals !== undefined;
  return {
    kind: 'token', address: asset.address, symbol: answered ? info.symbol : undefined, decimals: answered ? info.decimals : undefined,
    known: answered ? 'contract' : undefined,
  };
}

export function createTransactionPreviewService(deps: TransactionPreviewDeps) {
  const { approvals, chains, tokens, rpc, support } = deps;
  const previews = new Map<string, Promise<PreviewView>>();

  /** The node's simulation, or undefined when it has none (remembered) or could not run this one. */
  async function simulate(chain: StoredChain, tx: TransactionRequestView, blockTag: string): Promise<Outcome | undefined> {
    const known = support.known(chain);
    if (known === false) return undefined;
    const call = {
      from: tx.from, ...(tx.call.to === undefined ? {} : { to: tx.call.to }),
      value: `0x${BigInt(tx.call.value).toString(16)}`, input: tx.data, gas: `0x${BigInt(tx.gas).toString(16)}`,
    };
    let result: unknown;
    try {
      // validation: false, as wallets preview: no fee or nonce checks, the fee is added by the wallet.
      result = await rpc.request(chain.rpcUrl, 'eth_simulateV1', [{ blockStateCalls: [{ calls: [call] }], traceTransfers: true, validation: false }, blockTag]);
    } catch (error) {
      if (error instanceof JsonRpcTransportError || !(error instanceof JsonRpcError)) throw error;
      if (isMethodMissing(error)) await support.remember(chain, false);
      return undefined;
    }
    let simulated;
    try {
      simulated = readSimulation(result);
    } catch (error) {
      if (error instanceof SimulationAnswerError) return undefined;
      throw error;
    }
    if (known !== true) await support.remember(chain, true);
    return {
      source: 'simulation', transfers: simulated.transfers, gasUsed: simulated.gasUsed,
      reverted: simulated.status === 'reverted' ? revertView(decodeRevert(simulated.returnData)) : undefined,
    };
  }

  /** The movements the call names, or undefined when it could move what the wallet cannot know. */
  function fromCall(tx: TransactionRequestView, lookup: TokenLookup): Outcome | undefined {
    const described = describeCall({ chainId: BigInt(tx.chainId), from: tx.from, to: tx.call.to, value: BigInt(tx.call.value), data: tx.data }, lookup);
    const transfers = transfersFromCall(described, toChecksumAddress(tx.from));
    if (transfers === undefined) return undefined;
    // eth_estimateGas already said it fails: then nothing moves but the fee.
    if (tx.failure !== undefined) return { source: 'balance-reads', transfers: [], gasUsed: undefined, reverted: tx.failure.revert };
    return { source: 'balance-reads', transfers, gasUsed: undefined, reverted: undefined };
  }

  async function compute(tx: TransactionRequestView): Promise<PreviewView> {
    const fees = feeParams(tx.fees.proposed);
    const baseFee = tx.fees.baseFeePerGas === undefined ? undefined : BigInt(tx.fees.baseFeePerGas);
    const feeFor = (gasUsed: bigint | undefined) => previewFee({ gasUsed, gasLimit: BigInt(tx.gas), fees, baseFee });
    const unavailable = (reason: PreviewUnavailableReason): PreviewView => ({ status: 'unavailable', reason, fee: feeView(feeFor(undefined)) });
    const chain = await chains.get(tx.chainId);
    if (chain === undefined) return unavailable('no-network');
    const sender = toChecksumAddress(tx.from);
    try {
      const latest: unknown = await rpc.request(chain.rpcUrl, 'eth_blockNumber');
      if (typeof latest !== 'string' || !/^0x[0-9a-fA-F]{1,16}$/.test(latest)) return unavailable('node-refused');
      const blockTag = `0x${BigInt(latest).toString(16)}`;
      const lookup = await tokens.lookup(BigInt(tx.chainId));
      const outcome = await simulate(chain, tx, blockTag) ?? fromCall(tx, lookup);
      if (outcome === undefined) return unavailable('call-not-understood');
      const deltas = outcome.reverted === undefined ? balanceDeltas(outcome.transfers) : [];
      const pairs = balancesToRead(sender, deltas);
      const unknownTokens = [...new Set(pairs.flatMap(({ asset }) => (asset.kind === 'token' && lookup(BigInt(tx.chainId), asset.address) === undefined ? [asset.address] : [])))];
      const reads = await readBeforeBalances({ rpc, rpcUrl: chain.rpcUrl, blockTag, pairs, unknownTokens });
      const fee = feeFor(outcome.gasUsed);
      const changes = balanceChanges({ sender, deltas, before: reads.before, fee: fee.likely }).map((row): BalanceChangeView => ({
        account: row.account, sender: row.sender, asset: assetView(row, tx, lookup, reads.tokenInfo),
        before: row.before.toString(), after: row.after.toString(), fee: row.fee?.toString(),
      }));
      return { status: 'ready', source: outcome.source, changes, fee: feeView(fee), reverted: outcome.reverted, blockNumber: BigInt(latest).toString() };
    } catch (error) {
      if (error instanceof JsonRpcTransportError) return unavailable('node-unreachable');
      if (error instanceof JsonRpcError || error instanceof PreviewReadError) return unavailable('node-refused');
      throw error;
    }
  }

  return {
    /**
     * What the waiting transaction `approvalId` would change, computed on the first ask and kept while it
     * waits. Never throws for a node's failure: the answer is then `unavailable`, with the fee.
     */
    preview(approvalId: string): Promise<PreviewView> {
      // Forget the previews of approvals that are no longer waiting.
      for (const id of previews.keys()) if (approvals.pending(id) === undefined) previews.delete(id);
      const approval = approvals.pending(approvalId);
      if (approval?.request.kind !== 'transaction') return Promise.resolve({ status: 'unavailable', reason: 'not-pending', fee: undefined });
      const cached = previews.get(approvalId);
      if (cached !== undefined) return cached;
      const computed = compute(approval.request.transaction);
      previews.set(approvalId, computed);
      // A failure of the wallet's own (not the node's) is not kept: the next ask tries again.
      computed.catch(() => { previews.delete(approvalId); });
      return computed;
    },
  };
}

export type TransactionPreviewService = ReturnType<typeof createTransactionPreviewService>;
