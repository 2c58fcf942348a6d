// A waiting transaction approval on a real node, as eth_sendTransaction would leave it, the preview
// service over it, and the same transaction signed with core and sent, to compare the preview with what
// the chain then does.
import { encodeFunctionData, erc20Abi, type Address, type Hex } from 'viem';
import { checkTransaction, describeCall, signTransaction, type TokenLookup } from '../../../src/core';
import { createApprovalService } from '../../../src/background/services/approvals';
import { createSimulationSupport } from '../../../src/background/services/simulation-support';
import { createTransactionPreviewService } from '../../../src/background/services/transaction-preview';
import type { JsonRpcClient } from '../../../src/background/platform/json-rpc';
import type { Jsonify } from '../../../src/protocol/approvals';
import type { CallView, TransactionRequestView } from '../../../src/protocol/transactions';
import { anvilAccount, ANVIL_MNEMONIC, registryPublicClient } from '../../../example/registry/chain/deploy';
import { CHAIN_ID, walletUnderTest } from '../holdings/wallet-under-test';

const PRIORITY_FEE = 1_000_000_000n;

function jsonify<T>(value: T): Jsonify<T> {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item))) as Jsonify<T>;
}

export function tokenTransferData(to: Address, amount: bigint): Hex {
  return encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] });
}

/** The background's services that a preview uses, over the node at `rpcUrl`, with approvals of their own. */
export async function previewUnderTest(rpcUrl: string) {
  const wallet = await walletUnderTest(rpcUrl, ANVIL_MNEMONIC);
  let ids = 0;
  const approvals = createApprovalService({ windows: { open: () => Promise.resolve(1), focus: () => Promise.resolve() }, now: Date.now, newId: () => `approval-${++ids}` });
  const support = createSimulationSupport({ db: wallet.db, now: Date.now });
  const service = createTransactionPreviewService({ approvals, chains: wallet.chains, tokens: wallet.tokens, rpc: wallet.rpc, support });
  return { ...wallet, approvals, support, service };
}

interface Sendable {
  from: number;
  to: Address;
  value: bigint;
  data: Hex;
  gas: bigint;
}

async function quantity(rpc: JsonRpcClient, url: string, method: string, params: unknown[] = []): Promise<bigint> {
  return BigInt(await rpc.request(url, method, params) as string);
}

/** The fields eth_sendTransaction's pipeline would show, with fees from the latest block's base fee. */
export async function transactionRequest(rpc: JsonRpcClient, url: string, tx: Sendable, lookup: TokenLookup): Promise<TransactionRequestView> {
  const from = anvilAccount(tx.from).address;
  const block = await rpc.request(url, 'eth_getBlockByNumber', ['latest', false]) as { baseFeePerGas: string };
  const baseFee = BigInt(block.baseFeePerGas);
  const call: CallView = jsonify(describeCall({ chainId: BigInt(CHAIN_ID), from, to: tx.to, value: tx.value, data: tx.data }, lookup));
  const proposed = { type: 'eip1559' as const, maxFeePerGas: (2n * baseFee + PRIORITY_FEE).toString(), maxPriorityFeePerGas: PRIORITY_FEE.toString() };
  return {
    chainId: CHAIN_ID, networkName: 'Anvil', from, call, data: tx.data, nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: tx.gas.toString(),
    fees: { proposed, suggested: undefined, suggestedUsed: false, baseFeePerGas: baseFee.toString() },
    nonce: (await quantity(rpc, url, 'eth_getTransactionCount', [from, 'pending'])).toString(), failure: undefined, lookalike: undefined,
  };
}

/** Puts `request` in the approval queue as a site's request would, and returns its id. */
export function waitForApproval(approvals: ReturnType<typeof createApprovalService>, request: TransactionRequestView): string {
  // Never decided here: the test only looks at it while it waits.
  approvals.request({ origin: 'http://registry.test', topOrigin: undefined, requester: 'port-1', request: { kind: 'transaction', transaction: request } })
    .catch(() => undefined);
  const waiting = approvals.next();
  if (waiting === null) throw new Error('the approval is not waiting');
  return waiting.id;
}

/** Signs `request` with core's signer and anvil's well-known key of its sender, sends it, and returns its receipt. */
export async function sendAsApproved(rpc: JsonRpcClient, url: string, request: TransactionRequestView, fromIndex: number) {
  const privateKey = anvilAccount(fromIndex).getHdKey().privateKey;
  if (privateKey === null) throw new Error('anvil account without a key');
  const { proposed } = request.fees;
  if (proposed.type !== 'eip1559') throw new Error('expected EIP-1559 fees');
  const checked = checkTransaction({
    type: 'eip1559', chainId: BigInt(request.chainId), nonce: BigInt(request.nonce), to: request.call.to, value: BigInt(request.call.value),
    data: request.data, gas: BigInt(request.gas), maxFeePerGas: BigInt(proposed.maxFeePerGas), maxPriorityFeePerGas: BigInt(proposed.maxPriorityFeePerGas),
  });
  const { raw, hash } = signTransaction(privateKey, checked);
  await rpc.request(url, 'eth_sendRawTransaction', [raw]);
  // Even with automine, anvil may answer the hash before the receipt is there: wait for it.
  const receipt = await (await registryPublicClient(url)).waitForTransactionReceipt({ hash });
  return { status: receipt.status === 'success' ? '0x1' : '0x0', gasUsed: receipt.gasUsed, fee: receipt.gasUsed * receipt.effectiveGasPrice };
}

/** The balance now of `account` in the native currency, or of the token at `token`. */
export async function balanceNow(rpc: JsonRpcClient, url: string, account: string, token: string | undefined): Promise<bigint> {
  if (token === undefined) return quantity(rpc, url, 'eth_getBalance', [account, 'latest']);
  const data = encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [account as Address] });
  return quantity(rpc, url, 'eth_call', [{ to: token, data }, 'latest']);
}
