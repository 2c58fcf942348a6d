import { beforeEach, describe, expect, it } from 'vitest';
import { decodeSignedTransaction } from '../../../../src/core';
import { createTransactionHandlers } from '../../../../src/background/router/transaction-handlers';
import type { ActivityDecision, ApprovalDecision, ApprovalRequest } from '../../../../src/protocol/approvals';
import { ProviderRpcError } from '../../../../src/protocol/eip1193';
import type { TransactionChoice } from '../../../../src/protocol/transactions';
import { ALICE, BOB, CHAIN_ID, pipelineFixture, RPC } from './pipeline-fixture';

const SITE = { origin: 'https://registry.example' };

describe('eth_sendTransaction handler, alone', () => {
  let fixture: Awaited<ReturnType<typeof pipelineFixture>>;
  let permitted: string[];
  let unlocked: string[];
  let chainId: string;
  let approve: boolean;
  let choice: TransactionChoice | undefined;
  /** Runs while the approval waits, as a user acting elsewhere would. */
  let meanwhile: () => void;
  let asked: ApprovalRequest[];
  let recorded: ActivityDecision[];
  let handlers: ReturnType<typeof createTransactionHandlers<typeof SITE>>;

  beforeEach(async () => {
    fixture = await pipelineFixture();
    permitted = [ALICE];
    unlocked = [ALICE];
    chainId = CHAIN_ID;
    approve = true;
    choice = undefined;
    meanwhile = () => undefined;
    asked = [];
    recorded = [];
    handlers = createTransactionHandlers<typeof SITE>({
      wallet: { unlockedAddresses: () => Promise.resolve(unlocked) },
      sites: { permittedAccounts: () => Promise.resolve(permitted), chainId: () => Promise.resolve(chainId) },
      preparation: fixture.pipeline.preparation,
      sending: fixture.pipeline.sending,
      ask: (_ctx, _method, request) => {
        asked.push(request);
        meanwhile();
        if (!approve) return Promise.reject(new ProviderRpcError(4001, 'rejected'));
        const decision: ApprovalDecision & { approve: true } = { id: 'a1', approve: true, ...(choice === undefined ? {} : { transaction: choice }) };
        return Promise.resolve(decision);
      },
      record: (_ctx, _method, _request, decision) => { recorded.push(decision); return Promise.resolve(); },
    });
  });

  const send = (fields: Record<string, unknown> = {}) => handlers.sendTransaction(SITE, [{ from: ALICE.toLowerCase(), to: BOB, value: '0x2a', ...fields }]);

  it('answers the hash of a transaction signed by the sender and sent, after the user approved what the window showed', async () => {
    const hash = await send();
    const [raw] = fixture.node.sent;
    const decoded = decodeSignedTransaction(raw ?? '');
    expect(decoded.hash).toBe(hash);
    expect(decoded.from).toBe(ALICE);
    expect(decoded.transaction).toMatchObject({ to: BOB, value: 42n, chainId: 31337n, nonce: 0n, type: 'eip1559' });
    expect(asked).toMatchObject([{ kind: 'transaction', transaction: { from: ALICE, chainId: CHAIN_ID, call: { action: { kind: 'native-transfer', to: BOB } } } }]);
    expect(recorded).toEqual(['approved']);
    expect(await fixture.db.get('transactions', hash)).toMatchObject({ status: 'pending', origin: { kind: 'site', origin: SITE.origin } });
    expect(fixture.sent.map((stored) => stored.hash)).toEqual([hash]);
  });

  it('refuses with 4100 a sender the site may not see, before anything is asked of the node', async () => {
    permitted = [];
    await expect(send()).rejects.toMatchObject({ code: 4100 });
    unlocked = [];
    permitted = [ALICE];
    await expect(send()).rejects.toMatchObject({ code: 4100 });
    expect(fixture.node.calls).toEqual([]);
  });

  it('refuses a chainId other than the site\'s active chain', async () => {
    await expect(send({ chainId: '0x1' })).rejects.toMatchObject({ code: -32602, message: 'eth_sendTransaction: chainId 0x1 does not match the active chain 0x7a69' });
  });

  it('signs nothing when the user rejects', async () => {
    approve = false;
    await expect(send()).rejects.toMatchObject({ code: 4001 });
    expect(fixture.signed).toEqual([]);
  });

  it('signs nothing for a site disconnected while its request waited, and records that it failed', async () => {
    meanwhile = () => { permitted = []; };
    await expect(send()).rejects.toMatchObject({ code: 4100 });
    expect(fixture.signed).toEqual([]);
    expect(recorded).toEqual(['failed']);
  });

  it('signs the fees the user chose in the window', async () => {
    choice = { fees: { type: 'eip1559', maxFeePerGas: '3000000000', maxPriorityFeePerGas: '1500000000' } };
    await send();
    expect(decodeSignedTransaction(fixture.node.sent[0] ?? '').transaction).toMatchObject({ maxFeePerGas: 3_000_000_000n, maxPriorityFeePerGas: 1_500_000_000n });
  });

  it('sends nothing when the fees chosen are absurd, and records that it failed', async () => {
    choice = { fees: { type: 'eip1559', maxFeePerGas: '400000000000', maxPriorityFeePerGas: '1' } };
    await expect(send()).rejects.toMatchObject({ code: -32603, message: 'eth_sendTransaction: the fees chosen are more than ten times the proposal; nothing was sent' });
    expect(fixture.signed).toEqual([]);
    expect(recorded).toEqual(['failed']);
  });

  it('tells the page the network refused the transaction without repeating the node\'s words', async () => {
    fixture.node.send = 'refuse';
    const error: unknown = await send().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: -32603, message: 'eth_sendTransaction: the network refused the transaction; nothing was sent (the wallet shows why)' });
    expect((error as Error).message).not.toContain('insufficient funds');
    expect(recorded).toEqual(['failed']);
  });

  it('answers 4901 for a site on a network the wallet has no RPC for', async () => {
    chainId = '0x1';
    await expect(send()).rejects.toMatchObject({ code: 4901 });
  });

  it('answers a generic -32603 when the node cannot be reached while preparing', async () => {
    const chain = await fixture.db.get('chains', CHAIN_ID);
    if (chain === undefined) throw new Error('the fixture has no chain');
    await fixture.db.put('chains', { ...chain, rpcUrl: `${RPC}/gone` });
    await expect(send()).rejects.toMatchObject({ code: -32603, message: 'eth_sendTransaction: the network\'s node could not prepare the transaction; nothing was sent' });
  });
});
