import { beforeEach, describe, expect, it } from 'vitest';
import { createJsonRpcClient } from '../../../src/background/platform/json-rpc';
import { createTransactionWatcher, POLL_INTERVAL_MS } from '../../../src/background/services/transaction-watcher';
import type { WalletDatabase } from '../../../src/background/storage/database';
import type { StoredTransaction } from '../../../src/background/storage/schema';
import { putTransaction } from '../../../src/background/storage/transaction-store';
import type { SentTransactionView } from '../../../src/protocol/transactions';
import { createFakeWatchAlarm, createManualScheduler, freshDatabase } from '../../helpers/background-fakes';
import { addNetwork, createFakeTransactionNode, pendingRecord, SENDER } from './sent-transactions';

// ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed) of OpenZeppelin 5, as a node returns it.
const INSUFFICIENT = `0xe450d38c${SENDER.slice(2).toLowerCase().padStart(64, '0')}${'5'.padStart(64, '0')}${'9'.padStart(64, '0')}`;

describe('transaction watcher', () => {
  let db: WalletDatabase;
  let node: ReturnType<typeof createFakeTransactionNode>;
  let alarm: ReturnType<typeof createFakeWatchAlarm>;
  let scheduler: ReturnType<typeof createManualScheduler>;
  let settled: SentTransactionView[];
  let onSettled: () => void = () => undefined;

  const newWatcher = () => {
    alarm = createFakeWatchAlarm();
    scheduler = createManualScheduler();
    return createTransactionWatcher({
      db, rpc: createJsonRpcClient(node.fetch), alarm, schedule: scheduler.schedule,
      settled: (view) => { settled.push(view); onSettled(); return Promise.resolve(); },
    });
  };

  /** A record sent and known to the node, as eth_sendTransaction leaves it. */
  const sent = async (record: StoredTransaction = pendingRecord()) => {
    await putTransaction(db, record);
    node.known.add(record.hash);
    return record;
  };

  beforeEach(async () => {
    db = await freshDatabase();
    await addNetwork(db);
    node = createFakeTransactionNode();
    settled = [];
  });

  it('leaves a transaction without a receipt pending, polls again after a few seconds and keeps the alarm on', async () => {
    const watcher = newWatcher();
    const record = await sent();
    await watcher.track(record);
    expect(alarm.on).toBe(true);
    expect(scheduler.due).toBe(1);
    await watcher.poll();
    expect((await db.get('transactions', record.hash))?.status).toBe('pending');
    expect(alarm.on).toBe(true);
    expect(scheduler.due).toBe(1);
    expect(POLL_INTERVAL_MS).toBeLessThan(30_000);
  });

  it('marks a transaction whose receipt has status 1 confirmed with its block, and says so once', async () => {
    const watcher = newWatcher();
    const record = await sent();
    await watcher.track(record);
    node.receipts.set(record.hash, { status: 1n, blockNumber: 0x42n });
    await watcher.poll();
    await watcher.poll();
    const stored = await db.get('transactions', record.hash);
    expect(stored).toMatchObject({ status: 'confirmed', blockNumber: '66', failure: undefined, replacedBy: undefined });
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({ hash: record.hash, status: 'confirmed', blockNumber: '66' });
    expect(settled[0]).not.toHaveProperty('raw');
  });

  it('asks a network about all its pending transactions in one batch, nonces first', async () => {
    const watcher = newWatcher();
    const first = await sent(pendingRecord({ nonce: 0n }));
    const second = await sent(pendingRecord({ nonce: 1n }));
    await watcher.track(first);
    await watcher.track(second);
    const before = node.requests;
    await watcher.poll();
    expect(node.requests - before).toBe(1);
    expect(node.methods()).toEqual([
      'eth_getTransactionCount', 'eth_getTransactionReceipt', 'eth_getTransactionReceipt', 'eth_getTransactionByHash', 'eth_getTransactionByHash',
    ]);
  });

  it('marks a transaction whose receipt has status 0 failed, with the revert read by replaying it at the receipt\'s block', async () => {
    const watcher = newWatcher();
    const data = `0xa9059cbb${'1'.padStart(64, '0')}${'9'.padStart(64, '0')}`;
    const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
    const record = await sent(pendingRecord({ to: token, value: 0n, data, gas: 90_000n }));
    node.receipts.set(record.hash, { status: 0n, blockNumber: 7n });
    node.callAnswer = { error: { code: 3, message: 'execution reverted', data: INSUFFICIENT } };
    await watcher.poll();
    expect(node.lastCall).toEqual({ call: { from: SENDER, to: token, value: '0x0', data, gas: '0x15f90' }, block: '0x7' });
    const stored = await db.get('transactions', record.hash);
    expect(stored).toMatchObject({
      status: 'failed', blockNumber: '7',
      failure: { revert: { kind: 'custom', name: 'ERC20InsufficientBalance', args: { sender: SENDER, balance: '5', needed: '9' } }, nodeMessage: undefined },
    });
    expect(settled.map((view) => view.status)).toEqual(['failed']);
  });

  it('says the revert was empty, with the node\'s words, when the replay reverts without data', async () => {
    const watcher = newWatcher();
    const record = await sent();
    node.receipts.set(record.hash, { status: 0n, blockNumber: 7n });
    node.callAnswer = { error: { code: -32000, message: 'execution reverted' } };
    await watcher.poll();
    expect((await db.get('transactions', record.hash))?.failure).toEqual({ revert: { kind: 'empty' }, nodeMessage: 'execution reverted' });
  });

  it('marks a failed transaction without a reason when its replay does not revert', async () => {
    const watcher = newWatcher();
    const record = await sent();
    node.receipts.set(record.hash, { status: 0n, blockNumber: 7n });
    node.callAnswer = { result: '0x' };
    await watcher.poll();
    expect(await db.get('transactions', record.hash)).toMatchObject({ status: 'failed', blockNumber: '7', failure: undefined });
  });

  it('marks a transaction replaced when its nonce was mined without it and no transaction of the wallet took it', async () => {
    const watcher = newWatcher();
    const record = await sent(pendingRecord({ nonce: 3n }));
    node.known.delete(record.hash);
    node.minedNonces.set(SENDER.toLowerCase(), 4n);
    await watcher.poll();
    expect(await db.get('transactions', record.hash)).toMatchObject({ status: 'replaced', replacedBy: undefined, blockNumber: undefined });
    expect(settled).toEqual([]);
    // Replaced is settled: a forgotten transaction is sent again only while it could still be mined.
    expect(node.sentRaw).toEqual([]);
  });

  it('names the wallet\'s own transaction of the same nonce that was mined as the one that replaced it', async () => {
    const watcher = newWatcher();
    const original = await sent(pendingRecord({ nonce: 3n }));
    const speedUp = await sent({ ...pendingRecord({ nonce: 3n, fees: { maxFeePerGas: 2_200_000_000n, maxPriorityFeePerGas: 1_100_000_000n } }), origin: { kind: 'speed-up', of: original.hash } });
    node.minedNonces.set(SENDER.toLowerCase(), 4n);
    node.receipts.set(speedUp.hash, { status: 1n, blockNumber: 9n });
    await watcher.poll();
    expect(await db.get('transactions', original.hash)).toMatchObject({ status: 'replaced', replacedBy: speedUp.hash });
    expect(await db.get('transactions', speedUp.hash)).toMatchObject({ status: 'confirmed', blockNumber: '9' });
    expect(settled.map((view) => view.hash)).toEqual([speedUp.hash]);
  });

  it('does not name a replacement the node refused when it was sent (never mined) as the one that took the nonce', async () => {
    const watcher = newWatcher();
    const original = await sent(pendingRecord({ nonce: 3n }));
    const refused = pendingRecord({ nonce: 3n, fees: { maxFeePerGas: 2_200_000_000n, maxPriorityFeePerGas: 1_100_000_000n } });
    await putTransaction(db, { ...refused, status: 'failed', origin: { kind: 'cancel', of: original.hash } });
    node.minedNonces.set(SENDER.toLowerCase(), 4n);
    await watcher.poll();
    expect(await db.get('transactions', original.hash)).toMatchObject({ status: 'replaced', replacedBy: undefined });
  });

  it('does not call a transaction replaced while the nonce is not mined yet', async () => {
    const watcher = newWatcher();
    const record = await sent(pendingRecord({ nonce: 3n }));
    node.minedNonces.set(SENDER.toLowerCase(), 3n);
    await watcher.poll();
    expect((await db.get('transactions', record.hash))?.status).toBe('pending');
  });

  it('sends again, once per round, a pending transaction the node no longer knows', async () => {
    const watcher = newWatcher();
    const record = await sent();
    node.known.delete(record.hash);
    await watcher.poll();
    expect(node.sentRaw).toEqual([record.raw]);
    node.known.add(record.hash);
    await watcher.poll();
    expect(node.sentRaw).toEqual([record.raw]);
    expect((await db.get('transactions', record.hash))?.status).toBe('pending');
  });

  it('clears the alarm and stops polling once nothing is pending', async () => {
    const watcher = newWatcher();
    const record = await sent();
    await watcher.track(record);
    node.receipts.set(record.hash, { status: 1n, blockNumber: 1n });
    scheduler.runDue();
    await watcher.poll();
    expect(alarm.on).toBe(false);
    expect(scheduler.due).toBe(0);
  });

  it('polls when its timer fires, as long as the background lives', async () => {
    const watcher = newWatcher();
    const record = await sent();
    await watcher.track(record);
    node.receipts.set(record.hash, { status: 1n, blockNumber: 1n });
    const confirmed = new Promise<void>((resolve) => { onSettled = resolve; });
    scheduler.runDue();
    // No poll() here: only the timer's own round can settle it.
    await confirmed;
    expect((await db.get('transactions', record.hash))?.status).toBe('confirmed');
  });

  it('keeps transactions pending while the node is down, and reads them once it is back', async () => {
    const watcher = newWatcher();
    const record = await sent();
    await watcher.track(record);
    node.down = true;
    await watcher.poll();
    expect((await db.get('transactions', record.hash))?.status).toBe('pending');
    expect(alarm.on).toBe(true);
    node.down = false;
    node.receipts.set(record.hash, { status: 1n, blockNumber: 5n });
    await watcher.poll();
    expect((await db.get('transactions', record.hash))?.status).toBe('confirmed');
  });

  it('after a restart, a fresh watcher over the same database watches the pending transactions again', async () => {
    const before = newWatcher();
    const record = await sent();
    await before.track(record);
    // The background stops; the alarm outlives it and a new background starts over the same database.
    const after = newWatcher();
    await after.resume();
    expect(alarm.on).toBe(true);
    expect(scheduler.due).toBe(1);
    node.receipts.set(record.hash, { status: 1n, blockNumber: 12n });
    await after.onAlarm();
    expect(await db.get('transactions', record.hash)).toMatchObject({ status: 'confirmed', blockNumber: '12' });
    expect(alarm.on).toBe(false);
  });

  it('clears a leftover alarm when it resumes with nothing pending', async () => {
    const watcher = newWatcher();
    alarm.on = true;
    await watcher.resume();
    expect(alarm.on).toBe(false);
    expect(node.requests).toBe(0);
  });

  it('starts the alarm once while transactions stay pending, not at every round', async () => {
    const watcher = newWatcher();
    const record = await sent();
    await watcher.track(record);
    await watcher.poll();
    await watcher.poll();
    expect(alarm.starts).toBe(1);
  });

  it('leaves the transactions of a network the wallet no longer has pending without asking any node', async () => {
    const watcher = newWatcher();
    const record = await sent();
    await db.delete('chains', record.chainId);
    await watcher.poll();
    expect(node.requests).toBe(0);
    expect((await db.get('transactions', record.hash))?.status).toBe('pending');
  });
});
