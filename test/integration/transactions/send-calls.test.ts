// EIP-5792 wallet_sendCalls through the background's handlers on a real chain: the example registry's Acme
// shares on anvil, the wallet's real services over Node's fetch and fake-indexeddb, the receipt watcher
// polled as the background polls it, and an approval that approves what it is shown.
import { encodeFunctionData, parseUnits, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import { shareTokenAbi } from '../../../example/registry/chain/abi';
import { ANVIL_MNEMONIC, anvilAccount, deployRegistry, registryPublicClient, type DeployedRegistry } from '../../../example/registry/chain/deploy';
import { createCallsHandlers } from '../../../src/background/router/calls-handlers';
import { createCallBatches } from '../../../src/background/services/call-batches';
import { createSiteService } from '../../../src/background/services/sites';
import { createTransactionWatcher } from '../../../src/background/services/transaction-watcher';
import type { ApprovalRequest } from '../../../src/protocol/approvals';
import { createFakeWatchAlarm, createManualScheduler } from '../../helpers/background-fakes';
import { CHAIN_ID, walletUnderTest } from '../holdings/wallet-under-test';

const SITE = { origin: 'http://registry.test' };
const [holder, second, third] = [0, 1, 2].map((index) => anvilAccount(index).address) as [Address, Address, Address];
const shares = (n: string) => parseUnits(n, 18);

let chain: AnvilNode;
let registry: DeployedRegistry;
let client: Awaited<ReturnType<typeof registryPublicClient>>;
let subject: Awaited<ReturnType<typeof walletUnderTest>>;
let handlers: ReturnType<typeof createCallsHandlers<typeof SITE>>;
let watcher: ReturnType<typeof createTransactionWatcher>;
/** What the approval window was shown, in order. */
const shown: ApprovalRequest[] = [];

beforeAll(async () => {
  chain = await startAnvil();
  registry = await deployRegistry(chain.rpcUrl);
  client = await registryPublicClient(chain.rpcUrl);
  subject = await walletUnderTest(chain.rpcUrl, ANVIL_MNEMONIC);
  await subject.tokens.add(await subject.tokens.describe(CHAIN_ID, registry.token));
  const sites = createSiteService({ db: subject.db, now: Date.now });
  await sites.grant(SITE.origin, [holder]);
  await sites.setChain(SITE.origin, CHAIN_ID);
  watcher = createTransactionWatcher({
    db: subject.db, rpc: subject.rpc, alarm: createFakeWatchAlarm(), schedule: createManualScheduler().schedule, settled: () => Promise.resolve(),
  });
  handlers = createCallsHandlers<typeof SITE>({
    wallet: subject.wallet, sites, chains: subject.chains,
    preparation: subject.transactions.preparation, sending: subject.transactions.sending,
    batches: createCallBatches({ db: subject.db, rpc: subject.rpc, chains: subject.chains, newBatchId: () => `0x${crypto.randomUUID().replaceAll('-', '')}` }),
    showActivity: () => Promise.resolve(),
    ask: (_ctx, _method, request) => { shown.push(request); return Promise.resolve({ id: 'approved', approve: true }); },
    record: () => Promise.resolve(),
    now: Date.now,
  });
});
afterAll(async () => { await chain.stop(); }); // also when a test failed: no node is left behind

const transfer = (to: Address, amount: bigint): Hex => encodeFunctionData({ abi: shareTokenAbi, functionName: 'transfer', args: [to, amount] });
const balanceOf = (account: Address) => client.readContract({ address: registry.token, abi: shareTokenAbi, functionName: 'balanceOf', args: [account] });

/** Sends `calls` from the holder as a registry would (viem's shape), waits until each is mined, and lets the watcher see them. */
async function sendAndMine(calls: { to: Address; data: Hex }[]) {
  const { id } = await handlers.sendCalls(SITE, [{ version: '2.0.0', chainId: CHAIN_ID, atomicRequired: false, from: holder.toLowerCase(), calls }]);
  const batch = await subject.db.get('callBatches', [SITE.origin, id]);
  if (batch === undefined) throw new Error('the batch was not stored');
  const receipts = await Promise.all(batch.hashes.map((hash) => client.waitForTransactionReceipt({ hash: hash as Hex })));
  await watcher.poll();
  return { id, batch, receipts };
}

describe('wallet_sendCalls on a real chain', () => {
  it('sends two share transfers as two transactions with consecutive nonces; both are mined and getCallsStatus says 200 with two receipts', async () => {
    const start = BigInt(await client.getTransactionCount({ address: holder, blockTag: 'pending' }));
    const before = await Promise.all([holder, second, third].map(balanceOf));
    const { id, batch, receipts } = await sendAndMine([
      { to: registry.token, data: transfer(second, shares('10')) },
      { to: registry.token, data: transfer(third, shares('20')) },
    ]);
    expect(receipts.map((receipt) => receipt.status)).toEqual(['success', 'success']);
    const nonces = await Promise.all(batch.hashes.map(async (hash) => BigInt((await client.getTransaction({ hash: hash as Hex })).nonce)));
    expect(nonces).toEqual([start, start + 1n]);
    expect(await Promise.all([holder, second, third].map(balanceOf))).toEqual([
      (before[0] ?? 0n) - shares('30'), (before[1] ?? 0n) + shares('10'), (before[2] ?? 0n) + shares('20'),
    ]);
    expect(shown.at(-1)).toMatchObject({ kind: 'calls', batch: { calls: [{ nonce: start.toString() }, { nonce: (start + 1n).toString() }] } });

    const status = await handlers.getCallsStatus(SITE, [id]);
    expect(status).toMatchObject({ version: '2.0.0', id, chainId: CHAIN_ID, status: 200, atomic: false });
    expect(status.receipts.map((receipt) => receipt.transactionHash)).toEqual(batch.hashes);
    // Each receipt is the node's, in EIP-5792's subset: the Transfer event of each call among its logs.
    status.receipts.forEach((receipt, i) => {
      const mined = receipts[i];
      expect(receipt).toEqual({
        status: '0x1', blockHash: mined?.blockHash, blockNumber: `0x${mined?.blockNumber.toString(16)}`, gasUsed: `0x${mined?.gasUsed.toString(16)}`,
        transactionHash: mined?.transactionHash, logs: mined?.logs.map((log) => ({ address: log.address, data: log.data, topics: log.topics })),
      });
    });
  });

  it('shows a call that would revert as failing, and once both are mined reports 600 with both receipts, the second reverted', async () => {
    const thirdBefore = await balanceOf(third);
    const { id } = await sendAndMine([
      { to: registry.token, data: transfer(second, shares('1')) },
      // More than the holder has: ERC20InsufficientBalance.
      { to: registry.token, data: transfer(third, shares('1000000')) },
    ]);
    const request = shown.at(-1);
    if (request?.kind !== 'calls') throw new Error('no batch was shown');
    expect(request.batch.calls.map((call) => call.failure?.revert.kind)).toEqual([undefined, 'custom']);
    const status = await handlers.getCallsStatus(SITE, [id]);
    expect(status.status).toBe(600);
    expect(status.receipts.map((receipt) => receipt.status)).toEqual(['0x1', '0x0']);
    expect(await balanceOf(third)).toBe(thirdBefore);
  });
});
