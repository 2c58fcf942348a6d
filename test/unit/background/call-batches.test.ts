// EIP-5792 status: each call's state from the wallet's records (speed-ups followed), the batch's status code
// for every case of §Status Codes, the receipts in the spec's shape and on-chain order, and a batch record
// that outlives the background.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { callState, callsStatusCode, type CallState } from '../../../src/background/services/call-batch-status';
import { createCallBatches } from '../../../src/background/services/call-batches';
import { JsonRpcError, type BatchCall, type JsonRpcClient } from '../../../src/background/platform/json-rpc';
import { openWalletDatabase } from '../../../src/background/storage/database';
import type { StoredCallBatch, StoredTransaction } from '../../../src/background/storage/schema';
import { freshDatabase } from '../../helpers/background-fakes';
import { addNetwork, CHAIN_ID, pendingRecord, RPC, SENDER } from './sent-transactions';

const pending: CallState = { kind: 'pending' };
const succeeded: CallState = { kind: 'included', succeeded: true, hash: '0x01' };
const reverted: CallState = { kind: 'included', succeeded: false, hash: '0x02' };
const notIncluded: CallState = { kind: 'not-included' };

function records(...list: StoredTransaction[]): (hash: string) => StoredTransaction | undefined {
  return (hash) => list.find((record) => record.hash === hash);
}

describe('the state of one call of a batch', () => {
  const first = pendingRecord({ nonce: 0n });
  const speedUp = { ...pendingRecord({ nonce: 0n, fees: { maxFeePerGas: 3_000_000_000n, maxPriorityFeePerGas: 2_000_000_000n } }), origin: { kind: 'speed-up' as const, of: first.hash } };
  const cancel = { ...pendingRecord({ nonce: 0n, value: 0n, fees: { maxFeePerGas: 3_000_000_000n, maxPriorityFeePerGas: 2_000_000_000n } }), origin: { kind: 'cancel' as const, of: first.hash } };
  const replacedBy = (hash: string) => ({ ...first, status: 'replaced' as const, replacedBy: hash });

  it('is pending while its transaction waits for a receipt', () => {
    expect(callState(first.hash, records(first))).toEqual({ kind: 'pending' });
  });

  it('is included when mined, succeeded or reverted', () => {
    expect(callState(first.hash, records({ ...first, status: 'confirmed', blockNumber: '5' }))).toEqual({ kind: 'included', succeeded: true, hash: first.hash });
    expect(callState(first.hash, records({ ...first, status: 'failed', blockNumber: '5' }))).toEqual({ kind: 'included', succeeded: false, hash: first.hash });
  });

  it('is not included when the node refused it when it was sent', () => {
    expect(callState(first.hash, records({ ...first, status: 'failed', refusal: 'nonce too low' }))).toEqual({ kind: 'not-included' });
  });

  it('carries on as the wallet\'s speed-up that replaced it, and is included with the speed-up\'s hash', () => {
    expect(callState(first.hash, records(replacedBy(speedUp.hash), speedUp))).toEqual({ kind: 'pending' });
    expect(callState(first.hash, records(replacedBy(speedUp.hash), { ...speedUp, status: 'confirmed', blockNumber: '6' })))
      .toEqual({ kind: 'included', succeeded: true, hash: speedUp.hash });
  });

  it('is not included when cancelled, replaced by a transaction the wallet did not send, or no longer recorded', () => {
    expect(callState(first.hash, records(replacedBy(cancel.hash), { ...cancel, status: 'confirmed', blockNumber: '6' }))).toEqual({ kind: 'not-included' });
    expect(callState(first.hash, records({ ...first, status: 'replaced', replacedBy: undefined }))).toEqual({ kind: 'not-included' });
    expect(callState(first.hash, records())).toEqual({ kind: 'not-included' });
  });
});

describe('the status code of a batch (EIP-5792 §Status Codes)', () => {
  it('is 100 while any call is pending', () => {
    expect(callsStatusCode(2, [succeeded, pending])).toBe(100);
  });

  it('is 200 when every call was mined and succeeded', () => {
    expect(callsStatusCode(2, [succeeded, succeeded])).toBe(200);
  });

  it('is 400 when no call was mined and none will be', () => {
    expect(callsStatusCode(2, [notIncluded])).toBe(400);
    expect(callsStatusCode(1, [notIncluded])).toBe(400);
  });

  it('is 500 when the calls mined all reverted: only the fees changed anything', () => {
    expect(callsStatusCode(2, [reverted, reverted])).toBe(500);
    expect(callsStatusCode(2, [reverted, notIncluded])).toBe(500);
  });

  it('is 600 when some calls succeeded and others reverted or were never mined', () => {
    expect(callsStatusCode(2, [succeeded, reverted])).toBe(600);
    expect(callsStatusCode(2, [succeeded, notIncluded])).toBe(600);
    // Sending stopped after the first call: the second was never signed.
    expect(callsStatusCode(2, [succeeded])).toBe(600);
  });
});

/** A node answering eth_getTransactionReceipt from `receipts` by hash, counting what it was asked. */
function receiptNode(receipts: Record<string, unknown>): JsonRpcClient & { asked: BatchCall[][] } {
  const asked: BatchCall[][] = [];
  return {
    asked,
    request: () => Promise.reject(new Error('the status reads receipts in one batch')),
    batch: (_url, calls) => {
      asked.push([...calls]);
      return Promise.resolve(calls.map((call) => ({ ok: true as const, result: receipts[String(call.params?.[0])] ?? null })));
    },
  };
}

function nodeReceipt(hash: string, blockNumber: string, index: string, status = '0x1') {
  return {
    transactionHash: hash, blockHash: `0x${'b'.repeat(64)}`, blockNumber, transactionIndex: index, status, gasUsed: '0xc350',
    cumulativeGasUsed: '0xc350', from: SENDER.toLowerCase(), effectiveGasPrice: '0x1', type: '0x2', logsBloom: `0x${'0'.repeat(512)}`,
    logs: [{ address: '0x5fbdb2315678afecb367f032d93f642f64180aa3', topics: [`0x${'d'.repeat(64)}`], data: '0x2a', logIndex: '0x0', removed: false }],
  };
}

function batchOf(hashes: string[], calls = hashes.length): StoredCallBatch {
  return { schema: 1, origin: 'https://registry.example', id: '0xba7c4', chainId: CHAIN_ID, from: SENDER, calls, hashes, atomic: false, sentAt: 1 };
}

describe('a batch\'s status with its receipts', () => {
  it('gives each mined call\'s receipt in EIP-5792\'s shape, in the order they were included on chain', async () => {
    const db = await freshDatabase();
    await addNetwork(db);
    const first = { ...pendingRecord({ nonce: 0n }), status: 'confirmed' as const, blockNumber: '6' };
    const second = { ...pendingRecord({ nonce: 1n }), status: 'confirmed' as const, blockNumber: '5' };
    await db.put('transactions', first);
    await db.put('transactions', second);
    const rpc = receiptNode({ [first.hash]: nodeReceipt(first.hash, '0x6', '0x0'), [second.hash]: nodeReceipt(second.hash, '0x5', '0x1') });
    const batches = createCallBatches({ db, rpc, chains: { get: (chainId) => db.get('chains', chainId) }, newBatchId: () => '0x01' });
    const status = await batches.status(batchOf([first.hash, second.hash]));
    expect(status).toEqual({
      version: '2.0.0', id: '0xba7c4', chainId: CHAIN_ID, status: 200, atomic: false,
      receipts: [second, first].map((record, i) => ({
        logs: [{ address: '0x5fbdb2315678afecb367f032d93f642f64180aa3', topics: [`0x${'d'.repeat(64)}`], data: '0x2a' }],
        status: '0x1', blockHash: `0x${'b'.repeat(64)}`, blockNumber: i === 0 ? '0x5' : '0x6', gasUsed: '0xc350', transactionHash: record.hash,
      })),
    });
    expect(rpc.asked).toHaveLength(1);
  });

  it('asks the node nothing while no call was mined', async () => {
    const db = await freshDatabase();
    const first = pendingRecord();
    await db.put('transactions', first);
    const rpc = receiptNode({});
    const batches = createCallBatches({ db, rpc, chains: { get: (chainId) => db.get('chains', chainId) }, newBatchId: () => '0x01' });
    expect(await batches.status(batchOf([first.hash]))).toMatchObject({ status: 100, receipts: [] });
    expect(rpc.asked).toEqual([]);
  });

  it('refuses a node answer that is not the receipt of the transaction asked about', async () => {
    const db = await freshDatabase();
    await addNetwork(db);
    const first = { ...pendingRecord(), status: 'confirmed' as const, blockNumber: '5' };
    await db.put('transactions', first);
    const rpc = receiptNode({ [first.hash]: nodeReceipt(`0x${'e'.repeat(64)}`, '0x5', '0x0') });
    const batches = createCallBatches({ db, rpc, chains: { get: (chainId) => db.get('chains', chainId) }, newBatchId: () => '0x01' });
    await expect(batches.status(batchOf([first.hash]))).rejects.toBeInstanceOf(JsonRpcError);
  });

  it('keeps a batch across a background restart: a new copy of the service over the same database knows it and its status', async () => {
    const name = `call-batches-restart-${Math.random().toString(36).slice(2)}`;
    const before = await openWalletDatabase(name);
    const first = pendingRecord();
    await before.put('transactions', first);
    const chains = { get: () => Promise.resolve(undefined) };
    const batch = batchOf([first.hash]);
    await createCallBatches({ db: before, rpc: receiptNode({}), chains, newBatchId: () => '0x01' }).save(batch);
    before.close();
    const after = await openWalletDatabase(name);
    const restarted = createCallBatches({ db: after, rpc: receiptNode({}), chains, newBatchId: () => '0x01' });
    expect(await restarted.find('https://registry.example', '0xba7c4')).toEqual(batch);
    expect(await restarted.find('https://other.example', '0xba7c4')).toBeUndefined();
    expect((await restarted.status(batch)).status).toBe(100);
    await expect(restarted.hold('https://registry.example', '0xba7c4')).rejects.toMatchObject({ name: 'DuplicateBatchError' });
    after.close();
  });

  it('reports a node that cannot give the receipts as an error, not as a status', async () => {
    const db = await freshDatabase();
    await addNetwork(db);
    const first = { ...pendingRecord(), status: 'confirmed' as const, blockNumber: '5' };
    await db.put('transactions', first);
    const rpc: JsonRpcClient = { request: () => Promise.reject(new Error('unused')), batch: () => Promise.reject(new JsonRpcError(-32603, `the node at ${RPC} could not be reached`)) };
    const batches = createCallBatches({ db, rpc, chains: { get: (chainId) => db.get('chains', chainId) }, newBatchId: () => '0x01' });
    await expect(batches.status(batchOf([first.hash]))).rejects.toBeInstanceOf(JsonRpcError);
  });
});
