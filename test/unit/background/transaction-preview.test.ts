// The preview service over a fake node: which source it uses (eth_simulateV1, else balances and the
// call's amounts), what it remembers of the node, what it answers when it cannot preview, and that it
// computes once per waiting approval.
import { encodeFunctionData, encodeFunctionResult, erc20Abi, type Address } from 'viem';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeCall } from '../../../src/core';
import { JsonRpcError, JsonRpcTransportError, type BatchItem, type JsonRpcClient } from '../../../src/background/platform/json-rpc';
import { createApprovalService } from '../../../src/background/services/approvals';
import { createChainService } from '../../../src/background/services/chains';
import { createSimulationSupport, SIMULATION_SUPPORT_TTL_MS } from '../../../src/background/services/simulation-support';
import { createTokenService } from '../../../src/background/services/tokens';
import { createTransactionPreviewService } from '../../../src/background/services/transaction-preview';
import type { WalletDatabase } from '../../../src/background/storage/database';
import type { Jsonify } from '../../../src/protocol/approvals';
import type { CallView, PreviewView, TransactionRequestView } from '../../../src/protocol/transactions';
import { ACME, ACME_TRANSFER, ACME_TRANSFER_REVERTED, HOLDER, SECOND } from '../core/transactions/simulate-answers';
import { createClock, freshDatabase } from '../../helpers/background-fakes';

const RPC = 'http://127.0.0.1:8545/';
const CHAIN_ID = '0x7a69';
const SHARES = 10n ** 18n;

type Handler = (params: readonly unknown[]) => unknown;

/** A node answering from `handlers` by method; a handler that throws is the node's error for that call. */
function fakeRpc(handlers: Record<string, Handler>) {
  const asked: string[] = [];
  const answer = (method: string, params: readonly unknown[] = []): unknown => {
    asked.push(method);
    const handler = handlers[method];
    if (handler === undefined) throw new JsonRpcError(-32601, `the method ${method} does not exist/is not available`);
    return handler(params);
  };
  const rpc: JsonRpcClient = {
    request: (_url, method, params) => {
      try {
        return Promise.resolve(answer(method, params));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    batch: (_url, calls) => Promise.resolve(calls.map((call): BatchItem => {
      try {
        return { ok: true, result: answer(call.method, call.params) };
      } catch (error) {
        if (error instanceof JsonRpcError) return { ok: false, error };
        throw error;
      }
    })),
  };
  return { rpc, asked };
}

const word = (value: bigint) => `0x${value.toString(16)}`;

/** A node at block 8 where the holder has 10 ETH and 1,500 ACME and the second account 800 ACME. */
function nodeHandlers(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    eth_blockNumber: () => '0x8',
    eth_simulateV1: () => ACME_TRANSFER,
    eth_getBalance: () => word(10n * SHARES),
    eth_call: (params) => {
      const { data } = params[0] as { data: string };
      if (data.startsWith('0x70a08231')) {
        return encodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', result: data.includes(HOLDER.slice(2).toLowerCase()) ? 1500n * SHARES : 800n * SHARES });
      }
      if (data === '0x95d89b41') return encodeFunctionResult({ abi: erc20Abi, functionName: 'symbol', result: 'ACME' });
      if (data === '0x313ce567') return encodeFunctionResult({ abi: erc20Abi, functionName: 'decimals', result: 18 });
      throw new JsonRpcError(3, 'execution reverted');
    },
    ...overrides,
  };
}

/** The same node without eth_simulateV1: the fake answers -32601 for it, as go-ethereum does for a method it lacks. */
function withoutSimulation(): Record<string, Handler> {
  return Object.fromEntries(Object.entries(nodeHandlers()).filter(([method]) => method !== 'eth_simulateV1'));
}

function jsonify<T>(value: T): Jsonify<T> {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item))) as Jsonify<T>;
}

function acmeTransfer(data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [SECOND as Address, 100n * SHARES] })): TransactionRequestView {
  const call: CallView = jsonify(describeCall({ chainId: 31337n, from: HOLDER, to: ACME, value: 0n, data }, () => undefined));
  return {
    chainId: CHAIN_ID, networkName: 'Anvil', from: HOLDER, call, data, nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: '120000',
    fees: { proposed: { type: 'eip1559', maxFeePerGas: '3000000000', maxPriorityFeePerGas: '1000000000' }, suggested: undefined, suggestedUsed: false, baseFeePerGas: '1000000000' },
    nonce: '0', failure: undefined, lookalike: undefined,
  };
}

describe('transaction preview service', () => {
  let db: WalletDatabase;
  let clock: ReturnType<typeof createClock>;
  let approvals: ReturnType<typeof createApprovalService>;
  let ids: number;

  beforeEach(async () => {
    db = await freshDatabase();
    clock = createClock();
    ids = 0;
    approvals = createApprovalService({ windows: { open: () => Promise.resolve(1), focus: () => Promise.resolve() }, now: clock.now, newId: () => `a${++ids}` });
    await db.put('chains', {
      chainId: CHAIN_ID, name: 'Acme Registry Chain', rpcUrl: RPC, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined, addedAt: 0,
    });
  });

  function serviceOver(node: ReturnType<typeof fakeRpc>) {
    const chains = createChainService({ db, rpc: node.rpc, now: clock.now });
    const tokens = createTokenService({ db, chains, now: clock.now });
    return createTransactionPreviewService({ approvals, chains, tokens, rpc: node.rpc, support: createSimulationSupport({ db, now: clock.now }) });
  }

  function waiting(transaction: TransactionRequestView = acmeTransfer()): string {
    approvals.request({ origin: 'https://registry.example', topOrigin: undefined, requester: 'p1', request: { kind: 'transaction', transaction } }).catch(() => undefined);
    const next = approvals.next();
    if (next === null) throw new Error('nothing waits');
    return `a${ids}`;
  }

  const ready = (preview: PreviewView) => {
    if (preview.status !== 'ready') throw new Error(`unavailable: ${preview.reason}`);
    return preview;
  };

  it('turns the simulation into rows per account and asset, with the fee on the sender\'s ETH at the gas used', async () => {
    const preview = ready(await serviceOver(fakeRpc(nodeHandlers())).preview(waiting()));
    const likely = 0x19974n * 2_000_000_000n;
    expect(preview).toMatchObject({ source: 'simulation', blockNumber: '8', reverted: undefined, fee: { gasUsed: String(0x19974), likely: likely.toString(), max: (120_000n * 3_000_000_000n).toString() } });
    const acme = { kind: 'token', address: ACME, symbol: 'ACME', decimals: 18, known: 'contract' };
    expect(preview.changes).toEqual([
      { account: HOLDER, sender: true, asset: { kind: 'native', symbol: 'ETH', decimals: 18 }, before: (10n * SHARES).toString(), after: (10n * SHARES - likely).toString(), fee: likely.toString() },
      { account: HOLDER, sender: true, asset: acme, before: (1500n * SHARES).toString(), after: (1400n * SHARES).toString(), fee: undefined },
      { account: SECOND, sender: false, asset: acme, before: (800n * SHARES).toString(), after: (900n * SHARES).toString(), fee: undefined },
    ]);
  });

  it('names a token the wallet shows by its own knowledge, without asking the contract', async () => {
    await db.put('tokens', { chainId: CHAIN_ID, address: ACME, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18, addedAt: 0 });
    const node = fakeRpc(nodeHandlers());
    const preview = ready(await serviceOver(node).preview(waiting()));
    expect(preview.changes[1]?.asset).toEqual({ kind: 'token', address: ACME, symbol: 'ACME', decimals: 18, known: 'wallet' });
    expect(node.asked.filter((method) => method === 'eth_call')).toHaveLength(2);
  });

  it('shows raw units for a token whose contract does not answer symbol() and decimals()', async () => {
    const handlers = nodeHandlers();
    const balances = handlers.eth_call;
    const preview = ready(await serviceOver(fakeRpc({
      ...handlers,
      eth_call: (params) => ((params[0] as { data: string }).data.startsWith('0x70a08231') ? balances?.(params) : '0x'),
    })).preview(waiting()));
    expect(preview.changes[1]?.asset).toEqual({ kind: 'token', address: ACME, symbol: undefined, decimals: undefined, known: undefined });
  });

  it('shows a simulated revert as its decoded reason, with nothing moving but the fee', async () => {
    const preview = ready(await serviceOver(fakeRpc(nodeHandlers({ eth_simulateV1: () => ACME_TRANSFER_REVERTED }))).preview(waiting()));
    expect(preview.reverted).toMatchObject({ kind: 'custom', name: 'ERC20InsufficientBalance' });
    expect(preview.changes.map((row) => row.asset.kind)).toEqual(['native']);
  });

  it('falls back to balance reads and the call\'s amounts on a node without eth_simulateV1, and remembers it on the network\'s record', async () => {
    const service = serviceOver(fakeRpc(withoutSimulation()));
    const preview = ready(await service.preview(waiting()));
    expect(preview.source).toBe('balance-reads');
    expect(preview.fee.gasUsed).toBeUndefined();
    expect(preview.fee.likely).toBe((120_000n * 2_000_000_000n).toString());
    expect(preview.changes.slice(1).map((row) => [row.account, row.before, row.after])).toEqual([
      [HOLDER, (1500n * SHARES).toString(), (1400n * SHARES).toString()],
      [SECOND, (800n * SHARES).toString(), (900n * SHARES).toString()],
    ]);
    expect((await db.get('chains', CHAIN_ID))?.simulation).toEqual({ rpcUrl: RPC, supported: false, checkedAt: clock.now() });
  });

  it('does not ask a node again for eth_simulateV1 once it refused, even after a restart, until a week has passed', async () => {
    const handlers = withoutSimulation();
    const first = fakeRpc(handlers);
    await serviceOver(first).preview(waiting());
    expect(first.asked).toContain('eth_simulateV1');
    const afterRestart = fakeRpc(handlers);
    await serviceOver(afterRestart).preview(waiting());
    expect(afterRestart.asked).not.toContain('eth_simulateV1');
    clock.advance(SIMULATION_SUPPORT_TTL_MS);
    const aWeekLater = fakeRpc(handlers);
    await serviceOver(aWeekLater).preview(waiting());
    expect(aWeekLater.asked).toContain('eth_simulateV1');
  });

  it('asks a replaced RPC server afresh', async () => {
    const handlers = withoutSimulation();
    await serviceOver(fakeRpc(handlers)).preview(waiting());
    const chain = await db.get('chains', CHAIN_ID);
    if (chain === undefined) throw new Error('no chain');
    await db.put('chains', { ...chain, rpcUrl: 'https://other.example/' });
    const replaced = fakeRpc(nodeHandlers());
    expect(ready(await serviceOver(replaced).preview(waiting())).source).toBe('simulation');
    expect((await db.get('chains', CHAIN_ID))?.simulation).toMatchObject({ rpcUrl: 'https://other.example/', supported: true });
  });

  it('takes a provider\'s "method not supported" in other words for a missing method too', async () => {
    await serviceOver(fakeRpc(nodeHandlers({ eth_simulateV1: () => { throw new JsonRpcError(-32000, 'the method eth_simulateV1 is not supported on this plan'); } }))).preview(waiting());
    expect((await db.get('chains', CHAIN_ID))?.simulation?.supported).toBe(false);
  });

  it('falls back without remembering when the simulation fails for another reason than a missing method', async () => {
    const preview = ready(await serviceOver(fakeRpc(nodeHandlers({ eth_simulateV1: () => { throw new JsonRpcError(-32000, 'header not found'); } }))).preview(waiting()));
    expect(preview.source).toBe('balance-reads');
    expect((await db.get('chains', CHAIN_ID))?.simulation).toBeUndefined();
  });

  it('shows only the fee when the node cannot simulate and the node\'s estimate already said the call fails', async () => {
    const failing = { ...acmeTransfer(), failure: { revert: { kind: 'error' as const, reason: 'paused' }, nodeMessage: undefined } };
    const preview = ready(await serviceOver(fakeRpc(withoutSimulation())).preview(waiting(failing)));
    expect(preview.reverted).toEqual({ kind: 'error', reason: 'paused' });
    expect(preview.changes.map((row) => row.asset.kind)).toEqual(['native']);
  });

  it('says it cannot preview a call it does not understand without a simulation, and still gives the fee', async () => {
    const unknown = acmeTransfer('0xdeadbeef');
    const preview = await serviceOver(fakeRpc(withoutSimulation())).preview(waiting(unknown));
    expect(preview).toEqual({ status: 'unavailable', reason: 'call-not-understood', fee: { gasUsed: undefined, likely: (120_000n * 2_000_000_000n).toString(), max: (120_000n * 3_000_000_000n).toString() } });
  });

  it('says the node cannot be reached when it is down, and the node refused when it refuses the reads', async () => {
    const down = fakeRpc({ eth_blockNumber: () => { throw new JsonRpcTransportError('unreachable', 'the node could not be reached'); } });
    expect(await serviceOver(down).preview(waiting())).toMatchObject({ status: 'unavailable', reason: 'node-unreachable', fee: { likely: expect.any(String) as unknown } });
    const refusing = fakeRpc(nodeHandlers({ eth_getBalance: () => { throw new JsonRpcError(-32000, 'missing trie node'); } }));
    approvals.decide({ id: `a${ids}`, approve: false });
    expect(await serviceOver(refusing).preview(waiting())).toMatchObject({ status: 'unavailable', reason: 'node-refused' });
  });

  it('says so when the wallet has no RPC for the transaction\'s network', async () => {
    expect(await serviceOver(fakeRpc(nodeHandlers())).preview(waiting({ ...acmeTransfer(), chainId: '0x1' }))).toMatchObject({ status: 'unavailable', reason: 'no-network' });
  });

  it('answers not-pending for an id that does not wait, or waits for something other than a transaction', async () => {
    const service = serviceOver(fakeRpc(nodeHandlers()));
    expect(await service.preview('nope')).toEqual({ status: 'unavailable', reason: 'not-pending', fee: undefined });
    approvals.request({ origin: 'https://registry.example', topOrigin: undefined, requester: 'p1', request: { kind: 'connect' } }).catch(() => undefined);
    expect(await service.preview(`a${ids}`)).toEqual({ status: 'unavailable', reason: 'not-pending', fee: undefined });
  });

  it('computes once per waiting approval, and forgets it once decided', async () => {
    const node = fakeRpc(nodeHandlers());
    const service = serviceOver(node);
    const id = waiting();
    const [first, second] = await Promise.all([service.preview(id), service.preview(id)]);
    expect(second).toBe(first);
    const asked = node.asked.length;
    await service.preview(id);
    expect(node.asked).toHaveLength(asked);
    approvals.decide({ id, approve: false });
    expect(await service.preview(id)).toMatchObject({ status: 'unavailable', reason: 'not-pending' });
  });
});
