// The register's transfer check as the approval window and the popup's Send ask for it: the transfers of a
// waiting transaction, of each call of a batch and of an ERC-3009 signature, checked once per approval and
// kept while it waits; a node that fails gives "could not check", never an error.
import 'fake-indexeddb/auto';
import { encodeFunctionData, erc20Abi, parseAbi, type Address, type Hex } from 'viem';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeCall } from '../../../src/core';
import { jsonify } from '../../../src/background/jsonify';
import { createJsonRpcClient } from '../../../src/background/platform/json-rpc';
import { createApprovalService } from '../../../src/background/services/approvals';
import { createRegisterCheckService } from '../../../src/background/services/register-check';
import { createRegisterFacts } from '../../../src/background/services/register-facts';
import type { StoredChain } from '../../../src/background/storage/schema';
import type { ApprovalRequest } from '../../../src/protocol/approvals';
import type { TransactionRequestView } from '../../../src/protocol/transactions';
import { createClock, freshDatabase } from '../../helpers/background-fakes';
import { createFakeRegisterNode, PLAIN_TOKEN, TREX_TOKEN, type FakeRegisterNode } from './fake-register-node';

const HOLDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BUYER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const OUTSIDER = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';
const CHAIN_ID = '0x7a69';
const RPC = 'http://127.0.0.1:8545';
const shares = (n: number) => BigInt(n) * 10n ** 18n;
const batchAbi = parseAbi(['function batchTransfer(address[] to, uint256[] amounts)']);

function transaction(token: string, data: Hex): TransactionRequestView {
  return {
    chainId: CHAIN_ID, networkName: 'Anvil', from: HOLDER, call: jsonify(describeCall({ chainId: 31337n, from: HOLDER, to: token, value: 0n, data }, () => undefined)),
    data, nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: '120000',
    fees: { proposed: { type: 'eip1559', maxFeePerGas: '3000000000', maxPriorityFeePerGas: '1000000000' }, suggested: undefined, suggestedUsed: false, baseFeePerGas: '1' },
    nonce: '0', failure: undefined, lookalike: undefined,
  };
}

const transfer = (to: string, amount = shares(100), token = TREX_TOKEN) =>
  transaction(token, encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to as Address, amount] }));

describe('the register check of a waiting approval', () => {
  let node: FakeRegisterNode;
  let approvals: ReturnType<typeof createApprovalService>;
  let service: ReturnType<typeof createRegisterCheckService>;
  let ids: number;

  beforeEach(async () => {
    node = createFakeRegisterNode();
    node.trex.balances.set(HOLDER.toLowerCase(), shares(1000));
    node.trex.allowed.add(HOLDER.toLowerCase()).add(BUYER.toLowerCase());
    ids = 0;
    const clock = createClock();
    approvals = createApprovalService({ windows: { open: () => Promise.resolve(1), focus: () => Promise.resolve() }, now: clock.now, newId: () => `a${++ids}` });
    const chain = { chainId: CHAIN_ID, rpcUrl: RPC } as StoredChain;
    const chains = { get: (chainId: string) => Promise.resolve(chainId === CHAIN_ID ? chain : undefined) };
    const register = createRegisterFacts({ db: await freshDatabase(), rpc: createJsonRpcClient(node.fetch), now: clock.now });
    service = createRegisterCheckService({ approvals, chains, register });
  });

  function waiting(request: ApprovalRequest): string {
    approvals.request({ origin: 'https://registry.example', topOrigin: undefined, requester: 'p1', request }).catch(() => undefined);
    return `a${ids}`;
  }

  it('names the rule that refuses a transaction\'s transfer, with amounts as decimal strings', async () => {
    const id = waiting({ kind: 'transaction', transaction: transfer(OUTSIDER) });
    expect(await service.forApproval(id)).toEqual([{
      kind: 'refused', standard: 'erc3643', refusal: { rule: 'recipient-unverified', account: OUTSIDER },
      transfer: { index: 0, count: 1, to: OUTSIDER, amount: shares(100).toString() },
    }]);
  });

  it('checks once per approval while it waits, and forgets it once decided', async () => {
    const id = waiting({ kind: 'transaction', transaction: transfer(BUYER) });
    const first = await service.forApproval(id);
    const requests = node.requests;
    expect(first).toEqual([{ kind: 'accepted', standard: 'erc3643' }]);
    expect(await service.forApproval(id)).toBe(first);
    expect(node.requests).toBe(requests);
    approvals.decide({ id, approve: false });
    expect(await service.forApproval(id)).toEqual([]);
  });

  it('answers "could not check" with the node named when the node fails, never an error', async () => {
    node.down = true;
    const id = waiting({ kind: 'transaction', transaction: transfer(BUYER) });
    expect(await service.forApproval(id)).toEqual([{ kind: 'unchecked', standard: undefined, cause: 'node', message: expect.stringContaining(RPC) as unknown }]);
  });

  it('answers "could not check" for a network the wallet has no node for', async () => {
    const id = waiting({ kind: 'transaction', transaction: { ...transfer(BUYER), chainId: '0x1' } });
    expect(await service.forApproval(id)).toEqual([{ kind: 'unchecked', standard: undefined, cause: 'node', message: 'the wallet knows no node for chain 1' }]);
  });

  it('checks each call of a batch on its own, null for a call that moves no shares, and says a plain token is unrestricted', async () => {
    const approve = transaction(TREX_TOKEN, encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [BUYER, 1n] }));
    const batch = transaction(TREX_TOKEN, encodeFunctionData({ abi: batchAbi, functionName: 'batchTransfer', args: [[BUYER, OUTSIDER], [1n, 2n]] }));
    const calls = [transfer(BUYER), approve, batch, transfer(BUYER, 1n, PLAIN_TOKEN)];
    const id = waiting({ kind: 'calls', batch: { chainId: CHAIN_ID, networkName: 'Anvil', from: HOLDER, nativeCurrency: { symbol: 'ETH', decimals: 18 }, calls } });
    expect(await service.forApproval(id)).toEqual([
      { kind: 'accepted', standard: 'erc3643' },
      null,
      { kind: 'refused', standard: 'erc3643', refusal: { rule: 'recipient-unverified', account: OUTSIDER }, transfer: { index: 1, count: 2, to: OUTSIDER, amount: '2' } },
      { kind: 'unrestricted' },
    ]);
  });

  it('checks an ERC-3009 TransferWithAuthorization signature, and none that is valid on any chain', async () => {
    const action = {
      kind: 'transfer' as const, token: { address: TREX_TOKEN, chainId: '31337', known: undefined }, from: HOLDER, to: OUTSIDER,
      amount: shares(5).toString(), validAfter: '0', validBefore: '4102444800', submitter: 'anyone' as const,
    };
    const tied = waiting({ kind: 'typed_data', account: HOLDER, chainId: CHAIN_ID, action, primaryType: 'TransferWithAuthorization' });
    expect(await service.forApproval(tied)).toMatchObject([{ kind: 'refused', refusal: { rule: 'recipient-unverified' } }]);
    approvals.decide({ id: tied, approve: false });
    const anyChain = waiting({ kind: 'typed_data', account: HOLDER, chainId: undefined, action, primaryType: 'TransferWithAuthorization' });
    expect(await service.forApproval(anyChain)).toEqual([null]);
  });

  it('has nothing to check for a request that signs no transfer, or one that is not waiting', async () => {
    const id = waiting({ kind: 'personal_sign', account: HOLDER, text: 'hi', hex: '0x6869', signIn: undefined });
    expect(await service.forApproval(id)).toEqual([]);
    expect(await service.forApproval('gone')).toEqual([]);
  });

  it('checks the popup\'s Send afresh each time', async () => {
    const query = { chainId: CHAIN_ID, token: TREX_TOKEN, from: HOLDER, to: BUYER, amount: shares(100).toString() };
    expect(await service.forTransfer(query)).toEqual({ kind: 'accepted', standard: 'erc3643' });
    node.trex.frozenTokens.set(HOLDER.toLowerCase(), shares(950));
    expect(await service.forTransfer(query)).toMatchObject({
      kind: 'refused', refusal: { rule: 'insufficient-available', frozen: shares(950).toString(), available: shares(50).toString() },
    });
  });
});
