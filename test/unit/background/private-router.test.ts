import { beforeEach, describe, expect, it } from 'vitest';
import { createPrivateRouter, type PrivateSender } from '../../../src/background/router/private-router';
import { createApprovalService } from '../../../src/background/services/approvals';
import { createSimulationSupport } from '../../../src/background/services/simulation-support';
import { createSiteService } from '../../../src/background/services/sites';
import { createTransactionPreviewService } from '../../../src/background/services/transaction-preview';
import { createWalletService } from '../../../src/background/services/wallet';
import { PRIVATE_CHANNEL, type PrivateResponse } from '../../../src/protocol/private';
import { createClock, createFakeLockTimer, createFakeSession, createHoldingsParts, freshDatabase, createRegisterCheckPart, createVotingParts } from '../../helpers/background-fakes';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const popup: PrivateSender = { id: EXTENSION_ID, url: `${BASE}popup.html` };

describe('private router', () => {
  let handle: ReturnType<typeof createPrivateRouter>;
  let clock: ReturnType<typeof createClock>;
  let session: ReturnType<typeof createFakeSession>;
  let approvals: ReturnType<typeof createApprovalService>;
  let sites: ReturnType<typeof createSiteService>;

  beforeEach(async () => {
    clock = createClock();
    session = createFakeSession();
    const walletDb = await freshDatabase();
    const wallet = createWalletService({
      db: walletDb, session, lockTimer: createFakeLockTimer(), now: clock.now,
    });
    const db = await freshDatabase();
    sites = createSiteService({ db, now: Date.now });
    approvals = createApprovalService({ windows: { open: () => Promise.resolve(1), focus: () => Promise.resolve() }, now: Date.now, newId: () => 'a1' });
    const parts = createHoldingsParts({ db: walletDb, wallet, fetch: () => Promise.reject(new TypeError('fetch failed')), now: clock.now });
    handle = createPrivateRouter({
      wallet, approvals, sites, lockChanged: () => Promise.resolve(), extensionId: EXTENSION_ID, extensionBaseUrl: BASE, ...parts,
      transactionPreview: createTransactionPreviewService({ approvals, ...parts, support: createSimulationSupport({ db: walletDb, now: clock.now }) }),
      registerCheck: createRegisterCheckPart({ db: walletDb, approvals, ...parts, now: clock.now }),
      ...createVotingParts({ db: walletDb, wallet, approvals, ...parts, now: clock.now, ownOrigin: BASE.replace(/\/+$/, '') }),
    });
  });

  const send = (method: string, params: unknown = {}, sender: PrivateSender = popup): Promise<PrivateResponse> =>
    handle({ channel: PRIVATE_CHANNEL, method, params }, sender);

  it('answers the extension\'s own pages', async () => {
    expect(await send('wallet.get')).toMatchObject({ ok: true, result: { status: 'none' } });
  });

  it('refuses content scripts and other extensions, even when they claim a private method', async () => {
    const contentScript = { id: EXTENSION_ID, url: 'https://registry.example/', tab: { id: 3 } };
    const otherExtension = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' };
    const lookalike = { id: EXTENSION_ID, url: `https://evil.example/${BASE}` };
    for (const sender of [contentScript, otherExtension, lookalike, {}]) {
      expect(await send('mnemonic.generate', { strength: 128, wordlist: 'english' }, sender)).toMatchObject({
        ok: false, error: { code: 'wrong-state', message: expect.stringMatching(/only from the wallet's own pages/) as unknown },
      });
    }
  });

  it('answers a transaction preview for an id that is not waiting as unavailable, and refuses an approvalId that is not a string', async () => {
    expect(await send('transactions.preview', { approvalId: 'gone' })).toEqual({ ok: true, result: { status: 'unavailable', reason: 'not-pending', fee: undefined } });
    expect(await send('transactions.preview', { approvalId: 7 })).toEqual({ ok: false, error: { code: 'invalid-params', message: 'approvalId must be a string' } });
  });

  it('does not push the auto-lock back when the approval window asks for a transaction preview on its own', async () => {
    await send('wallet.create', { phrase: 'test test test test test test test test test test test junk', wordlist: 'english', password: 'long enough' });
    const created = session.current?.lastActivity;
    clock.advance(5000);
    await send('transactions.preview', { approvalId: 'a1' });
    expect(session.current?.lastActivity).toBe(created);
  });

  it('answers the register check of an approval that is not waiting with nothing to check, and refuses malformed params', async () => {
    expect(await send('register.check', { approvalId: 'gone' })).toEqual({ ok: true, result: [] });
    expect(await send('register.check', { approvalId: 7 })).toEqual({ ok: false, error: { code: 'invalid-params', message: 'approvalId must be a string' } });
    const query = { chainId: '0x7a69', token: '0x5FbDB2315678afecb367f032d93F642f64180aa3', from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' };
    for (const amount of ['-1', '1.5', '01', (2n ** 256n).toString(), 5]) {
      expect(await send('register.checkTransfer', { ...query, amount })).toEqual({ ok: false, error: { code: 'invalid-params', message: 'amount must be a uint256 in decimal digits' } });
    }
    expect(await send('register.checkTransfer', { ...query, to: '0x70997970c51812dc3a010c7d01b50e0d17dc79C8', amount: '1' })).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
  });

  it('answers the popup\'s register check with "could not check" when the network is unknown, never an error', async () => {
    const query = { chainId: '0x7a69', token: '0x5FbDB2315678afecb367f032d93F642f64180aa3', from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', amount: '1' };
    expect(await send('register.checkTransfer', query)).toEqual({
      ok: true, result: { kind: 'unchecked', standard: undefined, cause: 'node', message: 'the wallet knows no node for chain 31337' },
    });
  });

  it('does not push the auto-lock back when the approval window asks for the register check on its own', async () => {
    await send('wallet.create', { phrase: 'test test test test test test test test test test test junk', wordlist: 'english', password: 'long enough' });
    const created = session.current?.lastActivity;
    clock.advance(5000);
    await send('register.check', { approvalId: 'a1' });
    expect(session.current?.lastActivity).toBe(created);
  });

  it('refuses unknown methods and malformed envelopes with invalid-params', async () => {
    for (const message of [null, 42, 'wallet.get', {}, { channel: PRIVATE_CHANNEL, method: 'wallet.exportKey', params: {} },
      { channel: PRIVATE_CHANNEL, method: '__proto__', params: {} }, { channel: PRIVATE_CHANNEL, method: 'wallet.get', params: [] },
      { channel: PRIVATE_CHANNEL, method: 'wallet.get' }]) {
      expect(await handle(message, popup)).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    }
  });

  it('refuses wrong param types with a message naming the param, and keeps serving', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['mnemonic.generate', { strength: 192, wordlist: 'english' }, /strength must be 128 or 256/],
      ['mnemonic.generate', { strength: 128, wordlist: 'klingon' }, /wordlist must be/],
      ['mnemonic.check', { phrase: 7, wordlist: 'english' }, /phrase must be a string/],
      ['wallet.unlock', { password: { toString: 'x' } }, /password must be a string/],
      ['wallet.create', { phrase: 'x'.repeat(5_000_000), wordlist: 'english', password: 'p' }, /phrase is longer than 4096/],
      ['accounts.rename', { index: '0', name: 'x' }, /index must be an integer/],
      ['settings.setAutoLock', { minutes: Number.NaN }, /minutes must be an integer/],
    ];
    for (const [method, params, message] of cases) {
      const response = await send(method, params);
      expect(response.ok, method).toBe(false);
      if (!response.ok) expect(response.error.message, method).toMatch(message);
    }
    expect(await send('wallet.get')).toMatchObject({ ok: true });
  });

  it('generates and checks phrases for the onboarding screens', async () => {
    const generated = await send('mnemonic.generate', { strength: 256, wordlist: 'chinese_simplified' });
    expect(generated.ok).toBe(true);
    const phrase = generated.ok ? (generated.result as { phrase: string }).phrase : '';
    expect(phrase.split(' ')).toHaveLength(24);
    expect(await send('mnemonic.check', { phrase, wordlist: 'chinese_simplified' })).toEqual({ ok: true, result: { problem: null } });
    expect(await send('mnemonic.check', { phrase: 'abandon '.repeat(12), wordlist: 'english' })).toEqual({ ok: true, result: { problem: { kind: 'checksum' } } });
  });

  it('runs a whole create, lock, wrong password, unlock sequence through messages', async () => {
    const phrase = 'test test test test test test test test test test test junk';
    expect(await send('wallet.create', { phrase, wordlist: 'english', password: 'long enough' })).toMatchObject({ ok: true, result: { status: 'unlocked' } });
    expect(await send('wallet.lock')).toMatchObject({ ok: true, result: { status: 'locked' } });
    expect(await send('wallet.unlock', { password: 'not it at all' })).toMatchObject({ ok: false, error: { code: 'wrong-password', retryAt: expect.any(Number) as unknown } });
  });

  it('does not push the auto-lock back for the polls pages repeat on their own, but does for user actions', async () => {
    await send('wallet.create', { phrase: 'test test test test test test test test test test test junk', wordlist: 'english', password: 'long enough' });
    const created = session.current?.lastActivity;
    clock.advance(5000);
    await send('wallet.get');
    await send('approval.next');
    await send('holdings.get');
    await send('holdings.refresh');
    expect(session.current?.lastActivity).toBe(created);
    await send('accounts.add');
    expect(session.current?.lastActivity).toBe(clock.time);
  });

  it('rejects the waiting requests of a site the user disconnects in the popup with 4100', async () => {
    const origin = 'https://registry.example';
    await sites.grant(origin, ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266']);
    const outcome = approvals.request({
      origin, topOrigin: undefined, requester: 'port-1',
      request: { kind: 'personal_sign', account: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', text: 'Hello!', hex: '0x48656c6c6f21', signIn: undefined },
    }).then(() => 'approved', (error: unknown) => error);
    expect(await send('connections.revoke', { origin })).toEqual({ ok: true, result: [] });
    expect(await outcome).toMatchObject({ code: 4100 });
    expect(await send('approval.next')).toEqual({ ok: true, result: null });
  });
});
