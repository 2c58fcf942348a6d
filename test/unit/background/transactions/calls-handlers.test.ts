// EIP-5792 handlers alone, over the real transaction pipeline, a fake node and fake-indexeddb: one review
// for the whole batch, the calls sent one after another with consecutive nonces, the batch kept by site and id.
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeSignedTransaction } from '../../../../src/core';
import { createCallsHandlers } from '../../../../src/background/router/calls-handlers';
import { createCallBatches } from '../../../../src/background/services/call-batches';
import { settleTransaction } from '../../../../src/background/storage/transaction-store';
import type { ActivityDecision, ApprovalRequest } from '../../../../src/protocol/approvals';
import { ProviderRpcError } from '../../../../src/protocol/eip1193';
import { JsonRpcError } from '../../../../src/background/platform/json-rpc';
import { ALICE, BOB, CHAIN_ID, pipelineFixture, TOKEN, tokenTransfer } from './pipeline-fixture';

const SITE = { origin: 'https://registry.example' };
const OTHER = { origin: 'https://other.example' };
const CAROL = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

describe('EIP-5792 handlers, alone', () => {
  let fixture: Awaited<ReturnType<typeof pipelineFixture>>;
  let permitted: Record<string, string[]>;
  let unlocked: string[];
  let approve: boolean;
  /** Runs while the approval waits, as a user acting elsewhere would. */
  let meanwhile: () => void;
  let asked: ApprovalRequest[];
  let recorded: ActivityDecision[];
  let activityShown: number;
  let ids: number;
  let handlers: ReturnType<typeof createCallsHandlers<typeof SITE>>;

  beforeEach(async () => {
    fixture = await pipelineFixture();
    permitted = { [SITE.origin]: [ALICE], [OTHER.origin]: [ALICE] };
    unlocked = [ALICE];
    approve = true;
    meanwhile = () => undefined;
    asked = [];
    recorded = [];
    activityShown = 0;
    ids = 0;
    const { db, node, pipeline } = fixture;
    const chains = { get: (chainId: string) => db.get('chains', chainId) };
    handlers = createCallsHandlers<typeof SITE>({
      wallet: { unlockedAddresses: () => Promise.resolve(unlocked) },
      sites: {
        permittedAccounts: (origin) => Promise.resolve(permitted[origin] ?? []),
        chainId: () => Promise.resolve(CHAIN_ID),
        allowedChains: () => Promise.resolve([CHAIN_ID, '0x5']),
      },
      chains,
      preparation: pipeline.preparation,
      sending: pipeline.sending,
      batches: createCallBatches({ db, rpc: node.client, chains, newBatchId: () => `0x${(++ids).toString(16).padStart(64, '0')}` }),
      showActivity: () => { activityShown += 1; return Promise.resolve(); },
      ask: (_ctx, _method, request) => {
        asked.push(request);
        meanwhile();
        return approve ? Promise.resolve({ id: 'a1', approve: true }) : Promise.reject(new ProviderRpcError(4001, 'rejected'));
      },
      record: (_ctx, _method, _request, decision) => { recorded.push(decision); return Promise.resolve(); },
      now: () => 1_800_000_000_000,
    });
  });

  const twoTransfers = [
    { to: TOKEN.toLowerCase(), data: tokenTransfer(BOB, 10n) },
    { to: TOKEN.toLowerCase(), data: tokenTransfer(CAROL, 20n) },
  ];
  const sendCalls = (fields: Record<string, unknown> = {}, ctx = SITE) => handlers.sendCalls(ctx, [{
    version: '2.0.0', chainId: CHAIN_ID, atomicRequired: false, from: ALICE.toLowerCase(), calls: twoTransfers, ...fields,
  }]);

  it('answers wallet_getCapabilities for an account the site may see: atomic unsupported on the site\'s networks the wallet has', async () => {
    // 0x5 is one of the site's chains, but the wallet has no network for it: nothing is claimed there.
    expect(await handlers.getCapabilities(SITE, [ALICE.toLowerCase()])).toEqual({ [CHAIN_ID]: { atomic: { status: 'unsupported' } } });
    expect(await handlers.getCapabilities(SITE, [ALICE, ['0x7A69', '0x1']])).toEqual({ [CHAIN_ID]: { atomic: { status: 'unsupported' } } });
    expect(await handlers.getCapabilities(SITE, [ALICE, ['0x1']])).toEqual({});
  });

  it('refuses wallet_getCapabilities with 4100 for an account the site may not see, or while locked', async () => {
    await expect(handlers.getCapabilities(SITE, [BOB])).rejects.toMatchObject({
      code: 4100, message: `wallet_getCapabilities: ${SITE.origin} is not connected to ${BOB}; call eth_requestAccounts first`,
    });
    unlocked = [];
    await expect(handlers.getCapabilities(SITE, [ALICE])).rejects.toMatchObject({ code: 4100 });
  });

  it('shows the whole batch in one review, then sends each call as its own transaction with consecutive nonces', async () => {
    const { id } = await sendCalls();
    expect(id).toBe(`0x${'1'.padStart(64, '0')}`);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      kind: 'calls',
      batch: {
        chainId: CHAIN_ID, networkName: 'Acme Registry Chain', from: ALICE, nativeCurrency: { symbol: 'ETH', decimals: 18 },
        calls: [
          { from: ALICE, nonce: '0', failure: undefined, call: { to: TOKEN, action: { kind: 'token-transfer', to: BOB, amount: '10', token: { known: { symbol: 'ACME' } } } } },
          { from: ALICE, nonce: '1', failure: undefined, call: { to: TOKEN, action: { kind: 'token-transfer', to: CAROL, amount: '20' } } },
        ],
      },
    });
    const decoded = fixture.node.sent.map((raw) => decodeSignedTransaction(raw));
    expect(decoded.map((sent) => [sent.from, sent.transaction.to, sent.transaction.nonce])).toEqual([[ALICE, TOKEN, 0n], [ALICE, TOKEN, 1n]]);
    expect(recorded).toEqual(['approved']);
    expect(await fixture.db.get('callBatches', [SITE.origin, id])).toEqual({
      schema: 1, origin: SITE.origin, id, chainId: CHAIN_ID, from: ALICE, calls: 2, hashes: decoded.map((sent) => sent.hash), atomic: false, sentAt: 1_800_000_000_000,
    });
    expect(await handlers.getCallsStatus(SITE, [id])).toEqual({ version: '2.0.0', id, chainId: CHAIN_ID, status: 100, atomic: false, receipts: [] });
  });

  it('sends from the first account the site sees when the batch names none', async () => {
    permitted[SITE.origin] = [ALICE, BOB];
    unlocked = [ALICE, BOB];
    await sendCalls({ from: undefined });
    expect(asked[0]).toMatchObject({ kind: 'calls', batch: { from: ALICE } });
  });

  it('answers the site\'s own id, and refuses it again with 5720, also while the first batch waits for the user', async () => {
    let second: Promise<unknown> | undefined;
    meanwhile = () => { second ??= sendCalls({ id: 'order-17' }).catch((error: unknown) => error); };
    expect(await sendCalls({ id: 'order-17' })).toEqual({ id: 'order-17' });
    expect(await second).toMatchObject({ code: 5720, message: 'wallet_sendCalls: there is already a batch with this id from this site; use a new id or leave it out' });
    await expect(sendCalls({ id: 'order-17' })).rejects.toMatchObject({ code: 5720 });
    // An id is unique per site: another site may use the same one.
    expect(await sendCalls({ id: 'order-17' }, OTHER)).toEqual({ id: 'order-17' });
  });

  it('sends nothing when the user rejects, and the site may use its id again', async () => {
    approve = false;
    await expect(sendCalls({ id: 'order-18' })).rejects.toMatchObject({ code: 4001 });
    expect(fixture.node.sent).toEqual([]);
    approve = true;
    expect(await sendCalls({ id: 'order-18' })).toEqual({ id: 'order-18' });
  });

  it('refuses with 4100 a from the site may not see, before asking the node anything', async () => {
    await expect(sendCalls({ from: BOB })).rejects.toMatchObject({
      code: 4100, message: `wallet_sendCalls: ${SITE.origin} is not connected to ${BOB}; call eth_requestAccounts first`,
    });
    permitted[SITE.origin] = [];
    await expect(sendCalls({ from: undefined })).rejects.toMatchObject({
      code: 4100, message: `wallet_sendCalls: ${SITE.origin} is not connected to any account; call eth_requestAccounts first`,
    });
    expect(fixture.node.calls).toEqual([]);
  });

  it('refuses with 5710 a chain other than the site\'s active one', async () => {
    await expect(sendCalls({ chainId: '0x1' })).rejects.toMatchObject({
      code: 5710, message: `wallet_sendCalls: chainId 0x1 is not the active chain ${CHAIN_ID} of ${SITE.origin}; switch with wallet_switchEthereumChain first`,
    });
  });

  it('refuses with 5710 a batch on the site\'s chain when the wallet has no network for it', async () => {
    await fixture.db.delete('chains', CHAIN_ID);
    await expect(sendCalls()).rejects.toMatchObject({
      code: 5710, message: `wallet_sendCalls: the wallet has no RPC for chain ${CHAIN_ID}; add the network with wallet_addEthereumChain`,
    });
  });

  it('shows a call that would fail as failing, in the same review', async () => {
    fixture.node.estimate = new JsonRpcError(3, 'execution reverted', '0x');
    approve = false;
    await expect(sendCalls()).rejects.toMatchObject({ code: 4001 });
    const [request] = asked;
    if (request?.kind !== 'calls') throw new Error('no batch was shown');
    expect(request.batch.calls.map((call) => call.failure)).toEqual([
      { revert: { kind: 'empty' }, nodeMessage: 'execution reverted' }, { revert: { kind: 'empty' }, nodeMessage: 'execution reverted' },
    ]);
  });

  it('sends nothing when the wallet was locked while the review waited (4100)', async () => {
    meanwhile = () => { unlocked = []; };
    await expect(sendCalls()).rejects.toMatchObject({ code: 4100 });
    expect(fixture.node.sent).toEqual([]);
    expect(recorded).toEqual(['failed']);
  });

  it('answers an error, as eth_sendTransaction does, when the node refuses the first call: nothing was sent and no batch is kept', async () => {
    fixture.node.send = 'refuse';
    await expect(sendCalls({ id: 'order-19' })).rejects.toMatchObject({
      code: -32603, message: 'wallet_sendCalls: the network refused the transaction; nothing was sent (the wallet shows why)',
    });
    expect(await fixture.db.get('callBatches', [SITE.origin, 'order-19'])).toBeUndefined();
  });

  it('stops at a call the node refuses after an earlier one was sent: the site gets the id, and the status says what became of each', async () => {
    const node = fixture.node;
    const fixtureWithHook = await pipelineFixture({ db: fixture.db, node, onSent: () => { node.send = 'refuse'; } });
    const chains = { get: (chainId: string) => fixture.db.get('chains', chainId) };
    const stopping = createCallsHandlers<typeof SITE>({
      wallet: { unlockedAddresses: () => Promise.resolve(unlocked) },
      sites: { permittedAccounts: () => Promise.resolve([ALICE]), chainId: () => Promise.resolve(CHAIN_ID), allowedChains: () => Promise.resolve([]) },
      chains, preparation: fixtureWithHook.pipeline.preparation, sending: fixtureWithHook.pipeline.sending,
      batches: createCallBatches({ db: fixture.db, rpc: node.client, chains, newBatchId: () => '0x02' }),
      showActivity: () => Promise.resolve(),
      ask: () => Promise.resolve({ id: 'a1', approve: true }),
      record: (_ctx, _method, _request, decision) => { recorded.push(decision); return Promise.resolve(); },
      now: () => 1,
    });
    const { id } = await stopping.sendCalls(SITE, [{ version: '2.0.0', chainId: CHAIN_ID, atomicRequired: false, calls: twoTransfers }]);
    const batch = await fixture.db.get('callBatches', [SITE.origin, id]);
    expect(batch?.hashes).toHaveLength(2);
    expect(node.sent).toHaveLength(1);
    expect(recorded).toEqual(['failed']);
    // The first is pending (100); once it is mined and the second was never sent, nothing more will come: 400.
    expect((await stopping.getCallsStatus(SITE, [id])).status).toBe(100);
    await settleTransaction(fixture.db, batch?.hashes[0] ?? '', { status: 'replaced', blockNumber: undefined, failure: undefined, replacedBy: undefined });
    expect((await stopping.getCallsStatus(SITE, [id])).status).toBe(400);
  });

  it('knows a batch only for the site that sent it: another site hears 5730', async () => {
    const { id } = await sendCalls();
    await expect(handlers.getCallsStatus(OTHER, [id])).rejects.toMatchObject({ code: 5730, message: `wallet_getCallsStatus: ${OTHER.origin} sent no batch with this id` });
    await expect(handlers.showCallsStatus(OTHER, [id])).rejects.toMatchObject({ code: 5730, message: `wallet_showCallsStatus: ${OTHER.origin} sent no batch with this id` });
    expect(activityShown).toBe(0);
  });

  it('asks a site that is no longer connected to connect first (4100) before telling it about its batches', async () => {
    const { id } = await sendCalls();
    permitted[SITE.origin] = [];
    await expect(handlers.getCallsStatus(SITE, [id])).rejects.toMatchObject({ code: 4100 });
    await expect(handlers.showCallsStatus(SITE, [id])).rejects.toMatchObject({ code: 4100 });
  });

  it('shows the wallet\'s Activity for a batch the site sent, and answers null', async () => {
    const { id } = await sendCalls();
    expect(await handlers.showCallsStatus(SITE, [id])).toBeNull();
    expect(activityShown).toBe(1);
  });
});
