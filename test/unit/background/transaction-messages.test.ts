import { beforeEach, describe, expect, it } from 'vitest';
import { createPrivateRouter, type PrivateSender } from '../../../src/background/router/private-router';
import { createApprovalService } from '../../../src/background/services/approvals';
import { createSiteService } from '../../../src/background/services/sites';
import { createSimulationSupport } from '../../../src/background/services/simulation-support';
import { createTransactionPreviewService } from '../../../src/background/services/transaction-preview';
import { createWalletService } from '../../../src/background/services/wallet';
import type { WalletDatabase } from '../../../src/background/storage/database';
import { putTransaction } from '../../../src/background/storage/transaction-store';
import { PRIVATE_CHANNEL, type PrivateResponse } from '../../../src/protocol/private';
import type { SentTransactionView } from '../../../src/protocol/transactions';
import { createClock, createFakeLockTimer, createFakeSession, createHoldingsParts, freshDatabase, createRegisterCheckPart, createVotingParts } from '../../helpers/background-fakes';
import { addNetwork, createFakeTransactionNode, pendingRecord } from './sent-transactions';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const popup: PrivateSender = { id: EXTENSION_ID, url: `${BASE}popup.html` };
const PHRASE = 'test test test test test test test test test test test junk';

describe('transaction messages of Activity', () => {
  let db: WalletDatabase;
  let handle: ReturnType<typeof createPrivateRouter>;
  let session: ReturnType<typeof createFakeSession>;
  let clock: ReturnType<typeof createClock>;
  let node: ReturnType<typeof createFakeTransactionNode>;

  beforeEach(async () => {
    db = await freshDatabase();
    await addNetwork(db);
    clock = createClock();
    session = createFakeSession();
    node = createFakeTransactionNode();
    const wallet = createWalletService({ db, session, lockTimer: createFakeLockTimer(), now: clock.now });
    const parts = createHoldingsParts({ db, wallet, fetch: node.fetch, now: clock.now });
    const approvals = createApprovalService({ windows: { open: () => Promise.resolve(1), focus: () => Promise.resolve() }, now: clock.now, newId: () => 'a1' });
    handle = createPrivateRouter({
      wallet, approvals, sites: createSiteService({ db, now: clock.now }), lockChanged: () => Promise.resolve(), extensionId: EXTENSION_ID, extensionBaseUrl: BASE,
      ...parts,
      transactionPreview: createTransactionPreviewService({ approvals, ...parts, support: createSimulationSupport({ db, now: clock.now }) }),
      registerCheck: createRegisterCheckPart({ db: db, approvals, ...parts, now: clock.now }),
      ...createVotingParts({ db: db, wallet, approvals, ...parts, now: clock.now, ownOrigin: BASE.replace(/\/+$/, '') }),
    });
  });

  const send = (method: string, params: unknown = {}): Promise<PrivateResponse> => handle({ channel: PRIVATE_CHANNEL, method, params }, popup);

  it('lists every transaction newest first, without the signed bytes or the record version', async () => {
    const older = pendingRecord({ nonce: 0n, sentAt: 1_000 });
    const newer = { ...pendingRecord({ nonce: 1n, sentAt: 2_000 }), status: 'confirmed' as const, blockNumber: '3' };
    await putTransaction(db, older);
    await putTransaction(db, newer);
    const response = await send('transactions.list');
    expect(response.ok).toBe(true);
    const list = response.ok ? response.result as SentTransactionView[] : [];
    expect(list.map((view) => view.hash)).toEqual([newer.hash, older.hash]);
    expect(list[0]).toMatchObject({ status: 'confirmed', blockNumber: '3' });
    for (const view of list) {
      expect(view).not.toHaveProperty('raw');
      expect(view).not.toHaveProperty('schema');
    }
  });

  it('refuses a speed-up or cancel without a well-formed hash, naming the field, and keeps serving', async () => {
    for (const params of [{}, { hash: 42 }, { hash: '0x1234' }, { hash: `0x${'g'.repeat(64)}` }]) {
      expect(await send('transactions.speedUp', params)).toMatchObject({ ok: false, error: { code: 'invalid-params', message: 'hash must be a transaction hash: 0x and 64 hex digits' } });
      expect(await send('transactions.cancel', params)).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    }
    expect(await send('transactions.list')).toEqual({ ok: true, result: [] });
  });

  it('cancels a pending transaction by its hash in any letter case, and lists the cancel first', async () => {
    await send('wallet.create', { phrase: PHRASE, wordlist: 'english', password: 'long enough' });
    const original = pendingRecord({ nonce: 4n, sentAt: clock.time - 60_000 });
    await putTransaction(db, original);
    const response = await send('transactions.cancel', { hash: original.hash.toUpperCase().replace('0X', '0x') });
    expect(response).toMatchObject({ ok: true, result: { origin: { kind: 'cancel', of: original.hash }, nonce: '4', status: 'pending' } });
    const list = await send('transactions.list');
    expect(list.ok && (list.result as SentTransactionView[]).map((view) => view.origin.kind)).toEqual(['cancel', 'site']);
  });

  it('says a locked wallet cannot speed up a transaction', async () => {
    const original = pendingRecord({ nonce: 4n });
    await putTransaction(db, original);
    expect(await send('transactions.speedUp', { hash: original.hash })).toEqual({ ok: false, error: { code: 'wrong-state', message: 'the wallet is locked' } });
  });

  it('does not push the auto-lock back when Activity reads the list again', async () => {
    await send('wallet.create', { phrase: PHRASE, wordlist: 'english', password: 'long enough' });
    const created = session.current?.lastActivity;
    clock.advance(5_000);
    await send('transactions.list');
    expect(session.current?.lastActivity).toBe(created);
  });
});
