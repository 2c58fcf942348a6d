import { beforeEach, describe, expect, it } from 'vitest';
import { decodeSignedTransaction } from '../../../../src/core';
import { createPrivateRouter, type PrivateSender } from '../../../../src/background/router/private-router';
import { createApprovalService, WAITING_LIMIT } from '../../../../src/background/services/approvals';
import { createSiteService } from '../../../../src/background/services/sites';
import { createSimulationSupport } from '../../../../src/background/services/simulation-support';
import { createTransactionPreviewService } from '../../../../src/background/services/transaction-preview';
import { createWalletService } from '../../../../src/background/services/wallet';
import { PRIVATE_CHANNEL, type PrivateResponse } from '../../../../src/protocol/private';
import type { TransactionRequestView } from '../../../../src/protocol/transactions';
import { createClock, createFakeLockTimer, createFakeSession, createHoldingsParts, createRegisterCheckPart, createVotingParts } from '../../../helpers/background-fakes';
import { ALICE, BOB, CHAIN_ID, pipelineFixture } from './pipeline-fixture';

const PHRASE = 'test test test test test test test test test test test junk';
const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const popup: PrivateSender = { id: EXTENSION_ID, url: `${BASE}popup.html` };
const window: PrivateSender = { id: EXTENSION_ID, url: `${BASE}approval.html` };

describe('the popup\'s transactions.propose and the approval window\'s fees', () => {
  let fixture: Awaited<ReturnType<typeof pipelineFixture>>;
  let approvals: ReturnType<typeof createApprovalService>;
  let handle: ReturnType<typeof createPrivateRouter>;

  const send = (method: string, params: unknown, sender = popup): Promise<PrivateResponse> => handle({ channel: PRIVATE_CHANNEL, method, params }, sender);

  /** The request the window shows, once the background has prepared it. */
  async function shown() {
    for (let i = 0; i < 200 && approvals.next() === null; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    const next = approvals.next();
    if (next === null) throw new Error('nothing is waiting for approval');
    return next;
  }

  beforeEach(async () => {
    fixture = await pipelineFixture();
    const clock = createClock();
    const wallet = createWalletService({ db: fixture.db, session: createFakeSession(), lockTimer: createFakeLockTimer(), now: clock.now });
    let ids = 0;
    approvals = createApprovalService({ windows: { open: () => Promise.resolve(1), focus: () => Promise.resolve() }, now: clock.now, newId: () => `a${String(++ids)}` });
    const parts = createHoldingsParts({ db: fixture.db, wallet, fetch: () => Promise.reject(new TypeError('fetch failed')), now: clock.now });
    handle = createPrivateRouter({
      wallet, approvals, sites: createSiteService({ db: fixture.db, now: clock.now }), lockChanged: () => Promise.resolve(),
      extensionId: EXTENSION_ID, extensionBaseUrl: BASE,
      ...parts,
      transactionPreview: createTransactionPreviewService({ approvals, ...parts, support: createSimulationSupport({ db: fixture.db, now: clock.now }) }),
      registerCheck: createRegisterCheckPart({ db: fixture.db, approvals, ...parts, now: clock.now }),
      ...createVotingParts({ db: fixture.db, wallet, approvals, ...parts, now: clock.now, ownOrigin: BASE.replace(/\/+$/, '') }),
      transactions: fixture.pipeline,
    });
    await wallet.create({ phrase: PHRASE, wordlist: 'english', password: 'long enough password' });
  });

  const propose = (fields: Record<string, unknown> = {}) => send('transactions.propose', { chainId: CHAIN_ID, from: ALICE, to: BOB, value: '1000', data: '0x', ...fields });

  it('shows the transaction in the approval window as the extension\'s own, and answers the hash once sent', async () => {
    const answer = propose();
    const request = await shown();
    expect(request.origin).toBe(`chrome-extension://${EXTENSION_ID}`);
    expect(request.request).toMatchObject({ kind: 'transaction', transaction: { from: ALICE, call: { action: { kind: 'native-transfer', to: BOB }, value: '1000' } } });
    expect(await send('approval.decide', { id: request.id, approve: true }, window)).toEqual({ ok: true, result: { done: true } });
    const result = await answer;
    expect(result).toMatchObject({ ok: true, result: { hash: expect.stringMatching(/^0x[0-9a-f]{64}$/) as string } });
    expect(await fixture.db.getAll('transactions')).toMatchObject([{ origin: { kind: 'popup' }, status: 'pending' }]);
  });

  it('opens the next popup on Activity, once, after the transaction is sent, since the toolbar popup that asked closed when the window opened', async () => {
    expect(await send('popup.landing', {})).toEqual({ ok: true, result: { screen: null } });
    const answer = propose();
    const request = await shown();
    expect(await send('popup.landing', {})).toEqual({ ok: true, result: { screen: null } });
    await send('approval.decide', { id: request.id, approve: true }, window);
    await answer;
    expect(await send('popup.landing', {})).toEqual({ ok: true, result: { screen: 'activity' } });
    expect(await send('popup.landing', {})).toEqual({ ok: true, result: { screen: null } });
  });

  it('leaves the next popup at home after a rejection: nothing was sent', async () => {
    const answer = propose();
    const request = await shown();
    await send('approval.decide', { id: request.id, approve: false }, window);
    await answer;
    expect(await send('popup.landing', {})).toEqual({ ok: true, result: { screen: null } });
  });

  it('passes the fees the user set in the window through approval.decide to the transaction signed', async () => {
    const answer = propose();
    const request = await shown();
    const proposed = (request.request as { transaction: TransactionRequestView }).transaction.fees.proposed;
    expect(proposed.type).toBe('eip1559');
    const fees = { type: 'eip1559', maxFeePerGas: '3500000000', maxPriorityFeePerGas: '1250000000' };
    await send('approval.decide', { id: request.id, approve: true, transaction: { fees } }, window);
    await answer;
    expect(decodeSignedTransaction(fixture.node.sent[0] ?? '').transaction).toMatchObject({ maxFeePerGas: 3_500_000_000n, maxPriorityFeePerGas: 1_250_000_000n });
  });

  it('refuses fees from the window that are not decimal amounts, and keeps the request waiting', async () => {
    const answer = propose();
    const request = await shown();
    expect(await send('approval.decide', { id: request.id, approve: true, transaction: { fees: { type: 'eip1559', maxFeePerGas: '0x10', maxPriorityFeePerGas: '1' } } }, window))
      .toEqual({ ok: false, error: { code: 'invalid-params', message: 'transaction.fees.maxFeePerGas must be a decimal amount of wei from 0 to 2^256 - 1' } });
    expect(approvals.next()?.id).toBe(request.id);
    await send('approval.decide', { id: request.id, approve: false }, window);
    await answer;
  });

  it('says the user rejected it with its own code (not a wrong state), and sends nothing', async () => {
    const answer = propose();
    await send('approval.decide', { id: (await shown()).id, approve: false }, window);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'rejected', message: 'the transaction was rejected in the approval window; nothing was sent' } });
    expect(fixture.node.sent).toEqual([]);
  });

  it('lines up a second proposal behind the first, each decided on its own', async () => {
    const first = propose();
    const request = await shown();
    const second = propose({ value: '2000' });
    await send('approval.decide', { id: request.id, approve: false }, window);
    expect(await first).toMatchObject({ ok: false, error: { code: 'rejected' } });
    const next = await shown();
    expect(next.id).not.toBe(request.id);
    expect(next.request).toMatchObject({ kind: 'transaction', transaction: { call: { value: '2000' } } });
    await send('approval.decide', { id: next.id, approve: true }, window);
    expect(await second).toMatchObject({ ok: true });
  });

  it(`answers a proposal beyond the ${String(WAITING_LIMIT.transaction)} already waiting with wrong-state, not as a rejection`, async () => {
    const waiting = Array.from({ length: WAITING_LIMIT.transaction ?? 1 }, () => propose());
    await shown();
    expect(await propose()).toMatchObject({ ok: false, error: { code: 'wrong-state', message: 'another transaction from the wallet is already waiting for approval' } });
    approvals.windowClosed(1);
    expect(await Promise.all(waiting)).toMatchObject(waiting.map(() => ({ ok: false, error: { code: 'rejected' } })));
  });

  it('answers wrong-state while the wallet is locked, and asks nothing', async () => {
    await send('wallet.lock', {});
    expect(await propose()).toMatchObject({ ok: false, error: { code: 'wrong-state' } });
    expect(approvals.next()).toBeNull();
  });

  it('refuses a sender that is not one of the wallet\'s accounts, a network it does not know, and malformed fields', async () => {
    expect(await propose({ from: BOB })).toMatchObject({ ok: false, error: { code: 'invalid-params', message: `from ${BOB} is not one of the wallet's accounts` } });
    expect(await propose({ chainId: '0x5' })).toMatchObject({ ok: false, error: { code: 'invalid-params', message: 'the wallet has no RPC for chain 0x5; add the network first' } });
    expect(await propose({ value: '-1' })).toMatchObject({ ok: false, error: { code: 'invalid-params', message: 'value must be a decimal amount of wei from 0 to 2^256 - 1' } });
    expect(await propose({ data: '0x1' })).toMatchObject({ ok: false, error: { code: 'invalid-params', message: 'data must be 0x-prefixed hex with an even number of digits' } });
    expect(await propose({ to: '0x12' })).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
  });

  it('gives the node\'s reason to the popup when the node refuses the transaction', async () => {
    fixture.node.send = 'refuse';
    const answer = propose();
    await send('approval.decide', { id: (await shown()).id, approve: true }, window);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'internal', message: 'the network refused the transaction: insufficient funds for gas * price + value' } });
  });
});
