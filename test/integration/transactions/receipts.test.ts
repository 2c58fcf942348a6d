// The receipt watcher, speed-up and cancel over a real anvil node whose automine is off (as a busy chain,
// where a transaction waits in the pool): the background's real wallet, watcher and replacement services
// over fake-indexeddb and Node's fetch. Blocks are mined by the test (evm_mine).
import { encodeFunctionData, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTransaction, describeCall, toChecksumAddress } from '../../../src/core';
import { jsonify } from '../../../src/background/jsonify';
import { createTransactionReplacement } from '../../../src/background/services/transaction-replacement';
import { createTransactionWatcher } from '../../../src/background/services/transaction-watcher';
import type { StoredTransaction } from '../../../src/background/storage/schema';
import { putTransaction } from '../../../src/background/storage/transaction-store';
import type { SentTransactionView } from '../../../src/protocol/transactions';
import { shareTokenAbi } from '../../../example/registry/chain/abi';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import { ANVIL_MNEMONIC, anvilAccount, deployRegistry, type DeployedRegistry } from '../../../example/registry/chain/deploy';
import { createFakeWatchAlarm, createManualScheduler } from '../../helpers/background-fakes';
import { CHAIN_ID, walletUnderTest } from '../holdings/wallet-under-test';

const GWEI = 1_000_000_000n;
const sender = toChecksumAddress(anvilAccount(0).address);
const [first, second] = [1, 2].map((index) => toChecksumAddress(anvilAccount(index).address)) as [string, string];

let chain: AnvilNode;
let registry: DeployedRegistry;
let subject: Awaited<ReturnType<typeof walletUnderTest>>;

beforeAll(async () => {
  chain = await startAnvil();
  registry = await deployRegistry(chain.rpcUrl);
  subject = await walletUnderTest(chain.rpcUrl, ANVIL_MNEMONIC);
  // From here on, transactions wait in the pool until the test mines a block.
  await subject.rpc.request(chain.rpcUrl, 'evm_setAutomine', [false]);
});
afterAll(async () => { await chain.stop(); }); // also when a test failed: no node is left behind

const rpc = (method: string, params: unknown[] = []) => subject.rpc.request(chain.rpcUrl, method, params);
const mine = () => rpc('evm_mine');
const balanceOf = async (address: string) => BigInt(await rpc('eth_getBalance', [address, 'latest']) as string);

function watchers() {
  const alarm = createFakeWatchAlarm();
  const settled: SentTransactionView[] = [];
  const watcher = createTransactionWatcher({
    db: subject.db, rpc: subject.rpc, alarm, schedule: createManualScheduler().schedule,
    settled: (view) => { settled.push(view); return Promise.resolve(); },
  });
  const replacement = createTransactionReplacement({ db: subject.db, rpc: subject.rpc, wallet: subject.wallet, watcher, now: Date.now });
  return { alarm, settled, watcher, replacement };
}

/** Signs with the wallet service, records it pending, sends it: what eth_sendTransaction does. */
async function sendFromWallet(watcher: ReturnType<typeof watchers>['watcher'], call: { to: string; value: bigint; data: string; gas: bigint }): Promise<StoredTransaction> {
  const nonce = BigInt(await rpc('eth_getTransactionCount', [sender, 'pending']) as string);
  const block = await rpc('eth_getBlockByNumber', ['latest', false]) as { baseFeePerGas: string };
  const maxPriorityFeePerGas = GWEI;
  const maxFeePerGas = 2n * BigInt(block.baseFeePerGas) + maxPriorityFeePerGas;
  const checked = checkTransaction({ type: 'eip1559', chainId: BigInt(CHAIN_ID), nonce, ...call, maxFeePerGas, maxPriorityFeePerGas });
  const signed = await subject.wallet.signTransaction(sender, checked);
  const record: StoredTransaction = {
    schema: 1, raw: signed.raw, hash: signed.hash, chainId: CHAIN_ID, from: sender, nonce: nonce.toString(),
    call: jsonify(describeCall({ chainId: checked.chainId, from: sender, to: call.to, value: call.value, data: call.data }, () => undefined)),
    nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: call.gas.toString(),
    fees: { type: 'eip1559', maxFeePerGas: maxFeePerGas.toString(), maxPriorityFeePerGas: maxPriorityFeePerGas.toString() },
    origin: { kind: 'popup' }, status: 'pending', blockNumber: undefined, failure: undefined, replacedBy: undefined, sentAt: Date.now(),
  };
  await putTransaction(subject.db, record);
  await rpc('eth_sendRawTransaction', [signed.raw]);
  await watcher.track(record);
  return record;
}

const stored = (hash: string) => subject.db.get('transactions', hash);
const minedBlock = async () => BigInt(await rpc('eth_blockNumber') as string).toString();

describe('receipts, speed-up and cancel on a real chain with automine off', () => {
  it('confirms a sped-up transaction and marks the original replaced by it', async () => {
    const { watcher, replacement, settled, alarm } = watchers();
    const original = await sendFromWallet(watcher, { to: first, value: 10n ** 18n, data: '0x', gas: 21_000n });
    await watcher.poll();
    expect((await stored(original.hash))?.status).toBe('pending');
    expect(alarm.on).toBe(true);
    const speedUp = await replacement.speedUp(original.hash);
    await mine();
    await watcher.poll();
    expect(await stored(speedUp.hash)).toMatchObject({ status: 'confirmed', blockNumber: await minedBlock() });
    expect(await stored(original.hash)).toMatchObject({ status: 'replaced', replacedBy: speedUp.hash });
    expect(settled.map((view) => view.hash)).toEqual([speedUp.hash]);
    expect(alarm.on).toBe(false);
  });

  it('cancels a transaction: the cancel is mined, the original replaced, and the value never moved', async () => {
    const { watcher, replacement } = watchers();
    const before = await balanceOf(second);
    const original = await sendFromWallet(watcher, { to: second, value: 5n * 10n ** 18n, data: '0x', gas: 21_000n });
    const cancel = await replacement.cancel(original.hash);
    await mine();
    await watcher.poll();
    expect(await stored(cancel.hash)).toMatchObject({ status: 'confirmed', origin: { kind: 'cancel', of: original.hash } });
    expect(await stored(original.hash)).toMatchObject({ status: 'replaced', replacedBy: cancel.hash });
    expect(await balanceOf(second)).toBe(before);
    const receipt = await rpc('eth_getTransactionReceipt', [cancel.hash]) as { to: string; from: string };
    expect(toChecksumAddress(receipt.to)).toBe(sender);
  });

  it('marks a mined transaction that reverted failed, with the contract\'s error decoded', async () => {
    const { watcher, settled } = watchers();
    const tooMany = registry.holders[0]?.shares ?? 0n;
    const data = encodeFunctionData({ abi: shareTokenAbi, functionName: 'transfer', args: [first as Address, tooMany + 1n] });
    const failing = await sendFromWallet(watcher, { to: registry.token, value: 0n, data, gas: 200_000n });
    await mine();
    await watcher.poll();
    expect(await stored(failing.hash)).toMatchObject({
      status: 'failed', blockNumber: await minedBlock(),
      failure: {
        revert: { kind: 'custom', name: 'ERC20InsufficientBalance', args: { sender, balance: tooMany.toString(), needed: (tooMany + 1n).toString() } },
      },
    });
    expect(settled.map((view) => view.status)).toEqual(['failed']);
  });

  it('confirms a transaction sent before a restart, watched by a new watcher over the same database', async () => {
    const { watcher } = watchers();
    const record = await sendFromWallet(watcher, { to: first, value: 1n, data: '0x', gas: 21_000n });
    await mine();
    const { watcher: afterRestart, alarm } = watchers();
    await afterRestart.resume();
    expect(await stored(record.hash)).toMatchObject({ status: 'confirmed', blockNumber: await minedBlock() });
    expect(alarm.on).toBe(false);
  });

  it('sends again a pending transaction the node dropped, and sees it mined', async () => {
    const { watcher } = watchers();
    const record = await sendFromWallet(watcher, { to: first, value: 2n, data: '0x', gas: 21_000n });
    await rpc('anvil_dropTransaction', [record.hash]);
    expect(await rpc('eth_getTransactionByHash', [record.hash])).toBeNull();
    await watcher.poll();
    expect(await rpc('eth_getTransactionByHash', [record.hash])).not.toBeNull();
    await mine();
    await watcher.poll();
    expect((await stored(record.hash))?.status).toBe('confirmed');
  });
});
