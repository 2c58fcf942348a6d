import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkTransaction, decodeSignedTransaction } from '../../../src/core';
import { WalletError } from '../../../src/background/errors';
import { createJsonRpcClient } from '../../../src/background/platform/json-rpc';
import { higherFees, raisedByTenPercent, replacementFees } from '../../../src/background/services/transaction-fee-bump';
import { createTransactionReplacement } from '../../../src/background/services/transaction-replacement';
import { createTransactionWatcher } from '../../../src/background/services/transaction-watcher';
import { createWalletService, type WalletService } from '../../../src/background/services/wallet';
import type { WalletDatabase } from '../../../src/background/storage/database';
import type { StoredTransaction } from '../../../src/background/storage/schema';
import { putTransaction } from '../../../src/background/storage/transaction-store';
import type { FeesView } from '../../../src/protocol/transactions';
import {
  createClock, createFakeLockTimer, createFakeSession, createFakeWatchAlarm, createManualScheduler, freshDatabase,
} from '../../helpers/background-fakes';
import { createRandom } from '../../helpers/random';
import { addNetwork, CHAIN_ID, createFakeTransactionNode, pendingRecord, RECIPIENT, SENDER } from './sent-transactions';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const GWEI = 1_000_000_000n;

describe('replacement fees', () => {
  it('raises a fee by 10%, rounded up to the next wei', () => {
    expect(raisedByTenPercent(10n)).toBe(11n);
    expect(raisedByTenPercent(15n)).toBe(17n);
    expect(raisedByTenPercent(2n * GWEI)).toBe(2_200_000_000n);
  });

  it('raises a fee of 0 or 1 wei by at least 1 wei', () => {
    expect(raisedByTenPercent(0n)).toBe(1n);
    expect(raisedByTenPercent(1n)).toBe(2n);
  });

  it('raises any fee to at least 110% of it and never by more than 1 wei above that', () => {
    const random = createRandom(0x5eed);
    for (let i = 0; i < 500; i++) {
      const fee = BigInt(random.int(1e15)) * BigInt(1 + random.int(1000));
      const raised = raisedByTenPercent(fee);
      expect(raised * 10n >= fee * 11n && raised > fee).toBe(true);
      expect((raised - 1n) * 10n < fee * 11n || raised === fee + 1n).toBe(true);
    }
  });

  const eip1559 = checkTransaction({ type: 'eip1559', chainId: 1n, nonce: 0n, gas: 21_000n, maxFeePerGas: 30n * GWEI, maxPriorityFeePerGas: 2n * GWEI });

  it('raises both EIP-1559 fees of a transaction', () => {
    expect(replacementFees(eip1559)).toEqual({ type: 'eip1559', maxFeePerGas: 33n * GWEI, maxPriorityFeePerGas: 2_200_000_000n });
  });

  it('pays at least what the market asks now, when that is more than the raise', () => {
    const market: FeesView = { type: 'eip1559', maxFeePerGas: (50n * GWEI).toString(), maxPriorityFeePerGas: (3n * GWEI).toString() };
    expect(replacementFees(eip1559, market)).toEqual({ type: 'eip1559', maxFeePerGas: 50n * GWEI, maxPriorityFeePerGas: 3n * GWEI });
  });

  it('keeps the priority fee at or below the max fee when the market\'s tip is above the raised max fee', () => {
    const market: FeesView = { type: 'eip1559', maxFeePerGas: '1', maxPriorityFeePerGas: (40n * GWEI).toString() };
    expect(replacementFees(eip1559, market)).toEqual({ type: 'eip1559', maxFeePerGas: 40n * GWEI, maxPriorityFeePerGas: 40n * GWEI });
  });

  it('takes the higher of two replacements\' fees field by field, and keeps the first when their types differ', () => {
    const a = { type: 'eip1559', maxFeePerGas: 10n, maxPriorityFeePerGas: 5n } as const;
    expect(higherFees(a, { type: 'eip1559', maxFeePerGas: 8n, maxPriorityFeePerGas: 7n })).toEqual({ type: 'eip1559', maxFeePerGas: 10n, maxPriorityFeePerGas: 7n });
    expect(higherFees(a, { type: 'legacy', gasPrice: 99n })).toEqual(a);
    expect(higherFees({ type: 'legacy', gasPrice: 3n }, { type: 'legacy', gasPrice: 4n })).toEqual({ type: 'legacy', gasPrice: 4n });
  });

  it('raises a legacy gas price, and ignores market fees of the other type', () => {
    const legacy = checkTransaction({ type: 'legacy', chainId: 1n, nonce: 0n, gas: 21_000n, gasPrice: 20n * GWEI });
    expect(replacementFees(legacy)).toEqual({ type: 'legacy', gasPrice: 22n * GWEI });
    expect(replacementFees(legacy, { type: 'eip1559', maxFeePerGas: '999999999999', maxPriorityFeePerGas: '1' })).toEqual({ type: 'legacy', gasPrice: 22n * GWEI });
    expect(replacementFees(legacy, { type: 'legacy', gasPrice: (25n * GWEI).toString() })).toEqual({ type: 'legacy', gasPrice: 25n * GWEI });
  });
});

describe('speed-up and cancel', () => {
  let db: WalletDatabase;
  let wallet: WalletService;
  let node: ReturnType<typeof createFakeTransactionNode>;
  let alarm: ReturnType<typeof createFakeWatchAlarm>;
  let market: FeesView | undefined;
  let nonce = 100n;

  beforeAll(async () => {
    db = await freshDatabase();
    await addNetwork(db);
    wallet = createWalletService({ db, session: createFakeSession(), lockTimer: createFakeLockTimer(), now: createClock().now });
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: 'long enough password' });
  });

  beforeEach(() => {
    node = createFakeTransactionNode();
    alarm = createFakeWatchAlarm();
    market = undefined;
  });

  const service = () => {
    const rpc = createJsonRpcClient(node.fetch);
    const watcher = createTransactionWatcher({ db, rpc, alarm, schedule: createManualScheduler().schedule, settled: () => Promise.resolve() });
    return createTransactionReplacement({ db, rpc, wallet, watcher, now: () => 1_900_000_000_000, currentFees: () => Promise.resolve(market) });
  };

  /** A pending transaction of its own nonce, stored as eth_sendTransaction stores it. */
  const pending = async (fields: Parameters<typeof pendingRecord>[0] = {}): Promise<StoredTransaction> => {
    nonce += 1n;
    const record = pendingRecord({ nonce, ...fields });
    await putTransaction(db, record);
    return record;
  };

  it('speeds up a transaction: the same call, nonce and gas with both fees raised, recorded, sent and watched', async () => {
    const data = `0xa9059cbb${RECIPIENT.slice(2).toLowerCase().padStart(64, '0')}${'64'.padStart(64, '0')}`;
    const original = await pending({ to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', value: 5n, data, gas: 90_000n });
    const view = await service().speedUp(original.hash);
    const decoded = decodeSignedTransaction((await db.get('transactions', view.hash))?.raw ?? '0x');
    expect(decoded.from).toBe(SENDER);
    expect(decoded.transaction).toMatchObject({
      type: 'eip1559', chainId: BigInt(CHAIN_ID), nonce, to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', value: 5n, data, gas: 90_000n,
      maxFeePerGas: 2_200_000_000n, maxPriorityFeePerGas: 1_100_000_000n,
    });
    expect(view).toMatchObject({
      chainId: CHAIN_ID, from: SENDER, nonce: nonce.toString(), gas: '90000', status: 'pending', call: original.call,
      fees: { type: 'eip1559', maxFeePerGas: '2200000000', maxPriorityFeePerGas: '1100000000' },
      origin: { kind: 'speed-up', of: original.hash }, sentAt: 1_900_000_000_000,
    });
    expect(view).not.toHaveProperty('raw');
    expect(node.sentRaw).toEqual([(await db.get('transactions', view.hash))?.raw]);
    expect(alarm.on).toBe(true);
    // The original stays pending: the watcher marks it replaced once the speed-up is mined.
    expect((await db.get('transactions', original.hash))?.status).toBe('pending');
  });

  it('cancels a transaction with a 0-value transfer to the sender itself, no data and 21,000 gas', async () => {
    const original = await pending({ value: 10n ** 18n });
    const view = await service().cancel(original.hash);
    const { transaction } = decodeSignedTransaction((await db.get('transactions', view.hash))?.raw ?? '0x');
    expect(transaction).toMatchObject({ nonce, to: SENDER, value: 0n, data: '0x', gas: 21_000n, maxFeePerGas: 2_200_000_000n });
    expect(view.call).toEqual({
      chainId: BigInt(CHAIN_ID).toString(), to: SENDER, value: '0', action: { kind: 'native-transfer', to: SENDER }, warnings: [],
    });
    expect(view.origin).toEqual({ kind: 'cancel', of: original.hash });
  });

  it('outbids an earlier speed-up of the same nonce when the original is cancelled after it', async () => {
    const original = await pending();
    const speedUp = await service().speedUp(original.hash);
    const cancel = await service().cancel(original.hash);
    expect(speedUp.fees).toEqual({ type: 'eip1559', maxFeePerGas: '2200000000', maxPriorityFeePerGas: '1100000000' });
    expect(cancel.fees).toEqual({ type: 'eip1559', maxFeePerGas: '2420000000', maxPriorityFeePerGas: '1210000000' });
  });

  it('raises a legacy transaction\'s gas price', async () => {
    const original = await pending({ fees: { gasPrice: 20n * GWEI } });
    const view = await service().speedUp(original.hash);
    expect(view.fees).toEqual({ type: 'legacy', gasPrice: (22n * GWEI).toString() });
  });

  it('pays the market\'s fees when they rose above the 10% raise', async () => {
    market = { type: 'eip1559', maxFeePerGas: (9n * GWEI).toString(), maxPriorityFeePerGas: (2n * GWEI).toString() };
    const view = await service().speedUp((await pending()).hash);
    expect(view.fees).toEqual({ type: 'eip1559', maxFeePerGas: (9n * GWEI).toString(), maxPriorityFeePerGas: (2n * GWEI).toString() });
  });

  it('refuses a transaction that is no longer pending', async () => {
    const original = await pending();
    await putTransaction(db, { ...original, status: 'confirmed', blockNumber: '5' });
    await expect(service().speedUp(original.hash)).rejects.toMatchObject({
      code: 'wrong-state', message: `transaction ${original.hash} is confirmed: only a pending transaction can be sped up`,
    });
    await expect(service().cancel(original.hash)).rejects.toThrow(/only a pending transaction can be cancelled/);
    expect(node.sentRaw).toEqual([]);
  });

  it('refuses a hash the wallet never sent', async () => {
    await expect(service().cancel(`0x${'ab'.repeat(32)}`)).rejects.toMatchObject({ code: 'invalid-params', message: expect.stringMatching(/^hash: the wallet sent no transaction/) as unknown });
  });

  it('refuses while the wallet is locked, and records and sends nothing', async () => {
    const original = await pending();
    const before = (await db.getAll('transactions')).length;
    await wallet.lock();
    try {
      await expect(service().speedUp(original.hash)).rejects.toEqual(new WalletError('wrong-state', 'the wallet is locked'));
    } finally {
      await wallet.unlock('long enough password');
    }
    expect((await db.getAll('transactions')).length).toBe(before);
    expect(node.sentRaw).toEqual([]);
  });

  it('records the replacement before sending it, and marks it failed with the node\'s words when the node refuses it', async () => {
    const original = await pending();
    node.sendError = { code: -32000, message: 'replacement transaction underpriced' };
    await expect(service().cancel(original.hash)).rejects.toMatchObject({ code: 'wrong-state', message: 'the node refused the cancel: replacement transaction underpriced' });
    const replacement = (await db.getAll('transactions')).find((stored) => stored.origin.kind === 'cancel' && stored.origin.of === original.hash);
    expect(replacement).toMatchObject({ status: 'failed', blockNumber: undefined });
    expect(node.sentRaw).toEqual([replacement?.raw]);
    expect((await db.get('transactions', original.hash))?.status).toBe('pending');
  });

  it('keeps a replacement pending and watched when the node cannot be reached, so the watcher sends it later', async () => {
    const original = await pending();
    node.down = true;
    const view = await service().speedUp(original.hash);
    expect((await db.get('transactions', view.hash))?.status).toBe('pending');
    expect(alarm.on).toBe(true);
  });
});
