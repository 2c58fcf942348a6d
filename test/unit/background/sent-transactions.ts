// Signed transactions and their 'pending' records for the watcher and replacement tests, and a fake node
// that answers what the watcher asks (nonces, receipts, transactions by hash, eth_call, raw sends).
import { checkTransaction, describeCall, signTransaction, toChecksumAddress } from '../../../src/core';
import { hexToBytes } from '../../../src/core/bytes';
import { jsonify } from '../../../src/background/jsonify';
import type { Fetch } from '../../../src/background/platform/json-rpc';
import type { WalletDatabase } from '../../../src/background/storage/database';
import type { StoredTransaction } from '../../../src/background/storage/schema';

export const CHAIN_ID = '0x7a69';
export const RPC = 'http://127.0.0.1:8545';
/** Anvil's first well-known test key (a fixture, never a user's key) and its address. */
export const KEY = hexToBytes('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
export const SENDER = toChecksumAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
export const RECIPIENT = toChecksumAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');

export interface SignedFields {
  nonce?: bigint;
  to?: string;
  value?: bigint;
  data?: string;
  gas?: bigint;
  fees?: { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } | { gasPrice: bigint };
  sentAt?: number;
}

/** A 'pending' record of a transaction signed with KEY, as eth_sendTransaction stores it before sending. */
export function pendingRecord(fields: SignedFields = {}): StoredTransaction {
  const fees = fields.fees ?? { maxFeePerGas: 2_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n };
  const to = fields.to ?? RECIPIENT;
  const value = fields.value ?? 10n ** 15n;
  const data = fields.data ?? '0x';
  const transaction = checkTransaction({
    type: 'gasPrice' in fees ? 'legacy' : 'eip1559', chainId: BigInt(CHAIN_ID), nonce: fields.nonce ?? 0n, to, value, data,
    gas: fields.gas ?? 21_000n, ...fees,
  });
  const signed = signTransaction(KEY, transaction);
  return {
    schema: 1, raw: signed.raw, hash: signed.hash, chainId: CHAIN_ID, from: SENDER, nonce: transaction.nonce.toString(),
    call: jsonify(describeCall({ chainId: transaction.chainId, from: SENDER, to, value, data }, () => undefined)),
    nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: transaction.gas.toString(),
    fees: 'gasPrice' in fees ? { type: 'legacy', gasPrice: fees.gasPrice.toString() }
      : { type: 'eip1559', maxFeePerGas: fees.maxFeePerGas.toString(), maxPriorityFeePerGas: fees.maxPriorityFeePerGas.toString() },
    origin: { kind: 'site', origin: 'https://registry.example' }, status: 'pending', blockNumber: undefined, failure: undefined,
    replacedBy: undefined, sentAt: fields.sentAt ?? 1_800_000_000_000,
  };
}

export async function addNetwork(db: WalletDatabase): Promise<void> {
  await db.put('chains', {
    chainId: CHAIN_ID, name: 'Acme Registry Chain', rpcUrl: RPC, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    explorerUrl: undefined, addedAt: 0, addedBy: 'https://registry.example',
  });
}

interface Call { id: number; method: string; params: unknown[] }

const hex = (value: bigint) => `0x${value.toString(16)}`;

/** A node that knows what the test tells it. Every call it gets is kept in `calls`, each HTTP request in `requests`. */
export function createFakeTransactionNode() {
  const node = {
    /** eth_getTransactionCount(account, 'latest') by lowercase account. */
    minedNonces: new Map<string, bigint>(),
    receipts: new Map<string, { status: 0n | 1n; blockNumber: bigint }>(),
    /** Hashes eth_getTransactionByHash finds. */
    known: new Set<string>(),
    /** What eth_call answers (a JSON-RPC error object), or its return data. */
    callAnswer: { error: { code: 3, message: 'execution reverted', data: '0x' } } as { error: { code: number; message: string; data?: unknown } } | { result: string },
    /** What eth_sendRawTransaction answers when not the hash: a JSON-RPC error. */
    sendError: undefined as { code: number; message: string } | undefined,
    down: false,
    calls: [] as Call[],
    requests: 0,
    sentRaw: [] as string[],

    answer(call: Call): unknown {
      const ok = (result: unknown) => ({ jsonrpc: '2.0', id: call.id, result });
      const [first, second] = call.params;
      switch (call.method) {
        case 'eth_getTransactionCount': return ok(hex(node.minedNonces.get(String(first).toLowerCase()) ?? 0n));
        case 'eth_getTransactionReceipt': {
          const receipt = node.receipts.get(String(first));
          return ok(receipt === undefined ? null : { transactionHash: first, status: hex(receipt.status), blockNumber: hex(receipt.blockNumber) });
        }
        case 'eth_getTransactionByHash': return ok(node.known.has(String(first)) ? { hash: first } : null);
        case 'eth_call': {
          node.lastCall = { call: first, block: second };
          return { jsonrpc: '2.0', id: call.id, ...node.callAnswer };
        }
        case 'eth_sendRawTransaction':
          node.sentRaw.push(String(first));
          if (node.sendError !== undefined) return { jsonrpc: '2.0', id: call.id, error: node.sendError };
          return ok('0x');
        default: return { jsonrpc: '2.0', id: call.id, error: { code: -32601, message: `${call.method} not found` } };
      }
    },

    lastCall: undefined as { call: unknown; block: unknown } | undefined,

    fetch: ((_url, init) => {
      node.requests += 1;
      if (node.down) return Promise.reject(new TypeError('fetch failed'));
      const body = JSON.parse(init.body) as Call | Call[];
      const calls = Array.isArray(body) ? body : [body];
      node.calls.push(...calls);
      const json = Array.isArray(body) ? calls.map((call) => node.answer(call)) : node.answer(calls[0] as Call);
      return Promise.resolve(new Response(JSON.stringify(json)));
    }) as Fetch,

    /** The methods called, in order. */
    methods(): string[] {
      return node.calls.map((call) => call.method);
    },
  };
  return node;
}
