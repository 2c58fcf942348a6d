import { encodeFunctionResult, erc20Abi, recoverMessageAddress, recoverTypedDataAddress } from 'viem';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDappRouter, type DappContext } from '../../../src/background/router/dapp-router';
import { JsonRpcError, type JsonRpcClient } from '../../../src/background/platform/json-rpc';
import { createApprovalService } from '../../../src/background/services/approvals';
import { createCallBatches } from '../../../src/background/services/call-batches';
import { createChainService } from '../../../src/background/services/chains';
import { createTokenService } from '../../../src/background/services/tokens';
import { createTransactionPipeline } from '../../../src/background/services/transaction-pipeline';
import { createSiteService } from '../../../src/background/services/sites';
import { createWalletService } from '../../../src/background/services/wallet';
import type { WalletDatabase } from '../../../src/background/storage/database';
import type { TokenView } from '../../../src/protocol/approvals';
import type { ProviderEvent } from '../../../src/protocol/bridge';
import { createClock, createFakeLockTimer, createFakeSession, freshDatabase } from '../../helpers/background-fakes';

const PHRASE = 'test test test test test test test test test test test junk';
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
/** ALICE as pages get her: lowercase, as the most used wallets answer (src/background/page-accounts.ts). */
const ALICE_AT_PAGE = ALICE.toLowerCase();
const site: DappContext = { origin: 'https://registry.example', topOrigin: undefined, requester: 'tab-1' };

function transfer(chainId: number) {
  return {
    types: {
      EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }],
      TransferWithAuthorization: [{ name: 'from', type: 'address' }, { name: 'to', type: 'address' }, { name: 'value', type: 'uint256' },
        { name: 'validAfter', type: 'uint256' }, { name: 'validBefore', type: 'uint256' }, { name: 'nonce', type: 'bytes32' }],
    },
    primaryType: 'TransferWithAuthorization',
    domain: { name: 'Acme Holdings Shares', version: '1', chainId, verifyingContract: '0x5FbDB2315678afecb367f032d93F642f64180aa3' },
    message: { from: ALICE, to: BOB, value: '5000000000000000000', validAfter: 0, validBefore: 4102444800, nonce: `0x${'07'.repeat(32)}` },
  };
}

describe('dApp router', () => {
  let handle: ReturnType<typeof createDappRouter>;
  let approvals: ReturnType<typeof createApprovalService>;
  let wallet: ReturnType<typeof createWalletService>;
  let sites: ReturnType<typeof createSiteService>;
  let windowsOpened: number;
  let db: WalletDatabase;
  /** What the router told the background about tokens a site added. */
  let tokensAdded: TokenView[];
  /** What the fake node at each URL answers: a function of the method. */
  let nodes: Record<string, (method: string, params: readonly unknown[]) => unknown>;
  /** The URL of every request the wallet sent to a node, in order. */
  let requested: string[];
  let clock: ReturnType<typeof createClock>;
  /** How often the router asked to show the wallet's Activity (wallet_showCallsStatus). */
  let activityShown: number;

  /** Waits until an approval is shown (the router reads storage before it asks). */
  async function untilShown(): Promise<void> {
    for (let i = 0; i < 100 && approvals.next() === null; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Answers the next approval the way a user would, once it is shown. */
  async function decide(answer: (id: string) => Parameters<typeof approvals.decide>[0]): Promise<void> {
    for (let i = 0; i < 50 && approvals.next() === null; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    const next = approvals.next();
    if (next === null) throw new Error('no approval was requested');
    approvals.decide(answer(next.id));
  }

  beforeEach(async () => {
    db = await freshDatabase();
    clock = createClock();
    let n = 0;
    windowsOpened = 0;
    wallet = createWalletService({ db, session: createFakeSession(), lockTimer: createFakeLockTimer(), now: clock.now });
    sites = createSiteService({ db, now: clock.now });
    approvals = createApprovalService({ windows: { open: () => Promise.resolve(++windowsOpened), focus: () => Promise.resolve() }, now: clock.now, newId: () => `id-${++n}` });
    nodes = {};
    requested = [];
    const rpc: JsonRpcClient = {
      request: (url, method, params = []) => {
        requested.push(url);
        const node = nodes[url];
        if (node === undefined) return Promise.reject(new JsonRpcError(-32603, `the node at ${url} could not be reached`));
        try {
          return Promise.resolve(node(method, params));
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      batch: () => Promise.reject(new Error('the dApp router sends no batches')),
    };
    const chains = createChainService({ db, rpc, now: clock.now });
    const tokens = createTokenService({ db, chains, now: clock.now });
    tokensAdded = [];
    activityShown = 0;
    handle = createDappRouter({
      wallet, sites, approvals, chains, tokens, now: clock.now, newId: () => `id-${++n}`, tokenAdded: (token) => { tokensAdded.push(token); },
      transactions: createTransactionPipeline({ db, rpc, chains, tokens, wallet, onSent: () => undefined, now: clock.now }),
      callBatches: createCallBatches({ db, rpc, chains, newBatchId: () => `0x${(++n).toString(16).padStart(64, '0')}` }),
      showActivity: () => { activityShown += 1; return Promise.resolve(); },
    });
    await wallet.create({ phrase: PHRASE, wordlist: 'english', password: 'long enough password' });
    await wallet.addAccount();
  });

  const connect = async (accounts = [ALICE], who: DappContext = site) => {
    const answer = handle(who, { method: 'eth_requestAccounts' });
    await decide((id) => ({ id, approve: true, accounts }));
    return answer;
  };

  it('shows no account to a site that is not connected', async () => {
    expect(await handle(site, { method: 'eth_accounts' })).toEqual([]);
    expect(await handle(site, { method: 'eth_chainId' })).toBe('0x1');
    expect(await handle(site, { method: 'wallet_getPermissions' })).toEqual([]);
  });

  it('connects with the accounts the user chose, and never shows the others', async () => {
    expect(await connect([ALICE])).toEqual([ALICE_AT_PAGE]);
    expect(windowsOpened).toBe(1);
    expect(await handle(site, { method: 'eth_accounts' })).toEqual([ALICE_AT_PAGE]);
    expect(await handle({ ...site, origin: 'https://other.example' }, { method: 'eth_accounts' })).toEqual([]);
    expect(await handle(site, { method: 'wallet_getPermissions' })).toMatchObject([
      { parentCapability: 'eth_accounts', invoker: site.origin, caveats: [{ type: 'restrictReturnedAccounts', value: [ALICE_AT_PAGE] }] },
    ]);
    expect(await sites.activity()).toMatchObject([{ origin: site.origin, method: 'eth_requestAccounts', decision: 'approved' }]);
  });

  it('rejects with 4001 when the user rejects, and logs it', async () => {
    const answer = handle(site, { method: 'eth_requestAccounts' });
    await decide((id) => ({ id, approve: false }));
    await expect(answer).rejects.toMatchObject({ code: 4001 });
    expect(await sites.activity()).toMatchObject([{ decision: 'rejected' }]);
  });

  it('refuses a second request of the same kind from the same site with -32002 while one waits', async () => {
    const first = handle(site, { method: 'eth_requestAccounts' });
    await expect(handle(site, { method: 'eth_requestAccounts' })).rejects.toMatchObject({ code: -32002 });
    await decide((id) => ({ id, approve: true, accounts: [ALICE] }));
    expect(await first).toEqual([ALICE_AT_PAGE]);
  });

  it('rejects every waiting request with 4001 when the approval window is closed', async () => {
    const answer = handle(site, { method: 'eth_requestAccounts' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    approvals.windowClosed(1);
    await expect(answer).rejects.toMatchObject({ code: 4001, message: 'the user closed the approval window' });
  });

  it('shows no account while the wallet is locked', async () => {
    await connect();
    await wallet.lock();
    expect(await handle(site, { method: 'eth_accounts' })).toEqual([]);
  });

  it('revokes: eth_accounts is empty afterwards and connected pages hear accountsChanged []', async () => {
    await connect();
    const heard: ProviderEvent[] = [];
    sites.attach({ id: 'tab-1', origin: site.origin, send: (event) => { heard.push(event); } });
    expect(await handle(site, { method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] })).toBeNull();
    expect(await handle(site, { method: 'eth_accounts' })).toEqual([]);
    expect(heard).toEqual([{ name: 'accountsChanged', data: [] }]);
  });

  it('signs an approved personal message that viem recovers to the account', async () => {
    await connect();
    const answer = handle(site, { method: 'personal_sign', params: ['0x48656c6c6f', ALICE] });
    await decide((id) => ({ id, approve: true }));
    const signature = await answer as `0x${string}`;
    expect(await recoverMessageAddress({ message: 'Hello', signature })).toBe(ALICE);
  });

  it('shows a printable message as text and anything else as hex only', async () => {
    await connect();
    void handle(site, { method: 'personal_sign', params: ['0x00ff10', ALICE] }).catch(() => undefined);
    await untilShown();
    expect(approvals.next()?.request).toMatchObject({ kind: 'personal_sign', text: null, hex: '0x00ff10' });
  });

  it('flags a sign-in message for another domain as a likely phishing attempt', async () => {
    await connect();
    const siwe = `evil.example wants you to sign in with your Ethereum account:\n${ALICE}\n\nURI: https://evil.example\nVersion: 1\nChain ID: 1\nNonce: 12345678\nIssued At: 2026-11-24T00:00:00Z`;
    void handle(site, { method: 'personal_sign', params: [siwe, ALICE] }).catch(() => undefined);
    await untilShown();
    expect(approvals.next()?.request).toMatchObject({ kind: 'personal_sign', signIn: { domain: 'evil.example', domainMismatch: true } });
  });

  /** The sign-in part of the approval a personal_sign of `message` shows. */
  async function signInShown(message: string, account = ALICE) {
    void handle(site, { method: 'personal_sign', params: [message, account] }).catch(() => undefined);
    await untilShown();
    const request = approvals.next()?.request;
    if (request?.kind !== 'personal_sign') throw new Error('no personal_sign approval was shown');
    return request.signIn;
  }

  const signIn = (lines: { header?: string; address?: string; statement?: string; chainId?: string } = {}) => [
    lines.header ?? 'registry.example', ' wants you to sign in with your Ethereum account:\n', lines.address ?? ALICE, '\n\n',
    lines.statement === undefined ? '' : `${lines.statement}\n`,
    `\nURI: https://registry.example\nVersion: 1\nChain ID: ${lines.chainId ?? '1'}\nNonce: 12345678\nIssued At: 2026-11-24T00:00:00Z`,
  ].join('');

  it('flags a sign-in for another domain whose statement says "Version: 0", which viem would accept', async () => {
    await connect();
    expect(await signInShown(signIn({ header: 'evil.example', statement: 'Version: 0' }))).toMatchObject({
      domain: 'evil.example', malformed: false, domainMismatch: true, statement: 'Version: 0', chainId: '1',
    });
  });

  it('flags a message with a sign-in header for another domain as a malformed sign-in, with the domain check', async () => {
    await connect();
    const broken = signIn({ header: 'evil.example' }).replace('Version: 1', 'Version: 0');
    expect(await signInShown(broken)).toMatchObject({ domain: 'evil.example', malformed: true, domainMismatch: true, uri: undefined, chainId: undefined });
  });

  it('checks a sign-in with a control character too, though the message is shown as hex', async () => {
    await connect();
    const message = signIn({ header: 'evil.example', statement: 'ring\u0007' });
    void handle(site, { method: 'personal_sign', params: [`0x${Buffer.from(message).toString('hex')}`, ALICE] }).catch(() => undefined);
    await untilShown();
    expect(approvals.next()?.request).toMatchObject({ text: null, signIn: { domain: 'evil.example', malformed: true, domainMismatch: true } });
  });

  it('flags a sign-in whose scheme, account or chain is not the site\'s, and none of them for a matching one', async () => {
    await connect();
    expect(await signInShown(signIn())).toMatchObject({
      malformed: false, domainMismatch: false, schemeMismatch: false, addressMismatch: false, chainMismatch: false, siteChainId: '0x1',
    });
    approvals.decide({ id: approvals.next()?.id ?? '', approve: false });
    expect(await signInShown(signIn({ header: 'http://registry.example', address: BOB, chainId: '5' }))).toMatchObject({
      scheme: 'http', address: BOB, domainMismatch: false, schemeMismatch: true, addressMismatch: true, chainMismatch: true,
    });
  });

  it('marks a personal_sign of exactly 32 bytes as a blind hash, and of 31 or 33 bytes not', async () => {
    await connect();
    for (const [size, blind] of [[32, true], [31, false], [33, false]] as const) {
      void handle(site, { method: 'personal_sign', params: [`0x${'ab'.repeat(size)}`, ALICE] }).catch(() => undefined);
      await untilShown();
      const next = approvals.next();
      expect(next?.request).toMatchObject({ kind: 'personal_sign', blindHash: blind });
      approvals.decide({ id: next?.id ?? '', approve: false });
    }
  });

  it('shows typed data whose domain names no chain as tied to no chain', async () => {
    await connect();
    const typed = transfer(1);
    const chainless = {
      ...typed, types: { ...typed.types, EIP712Domain: typed.types.EIP712Domain.filter((field) => field.name !== 'chainId') },
      domain: { name: typed.domain.name, version: typed.domain.version, verifyingContract: typed.domain.verifyingContract },
    };
    void handle(site, { method: 'eth_signTypedData_v4', params: [ALICE, JSON.stringify(chainless)] }).catch(() => undefined);
    await untilShown();
    expect(approvals.next()?.request).toMatchObject({ kind: 'typed_data', chainId: undefined, action: { kind: 'transfer' } });
  });

  it('signs an approved share transfer as typed data that viem verifies, showing it as a transfer', async () => {
    await connect();
    const typed = transfer(1);
    const answer = handle(site, { method: 'eth_signTypedData_v4', params: [ALICE, JSON.stringify(typed)] });
    await untilShown();
    expect(approvals.next()?.request).toMatchObject({ kind: 'typed_data', chainId: '0x1', action: { kind: 'transfer', amount: '5000000000000000000', to: BOB } });
    await decide((id) => ({ id, approve: true }));
    const signature = await answer as `0x${string}`;
    expect(await recoverTypedDataAddress({ ...typed, message: { ...typed.message, value: 5000000000000000000n }, signature } as Parameters<typeof recoverTypedDataAddress>[0])).toBe(ALICE);
  });

  it('flags a permit above the total supply the last holdings refresh read as unlimited, and one of all of it not', async () => {
    const token = transfer(1).domain.verifyingContract;
    await db.put('tokens', { chainId: '0x1', address: token, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 0, addedAt: 0 });
    await db.put('holdings', { schema: 1, chainId: '0x1', rows: [], votesTokens: [], supplies: { [token]: '1000000' } });
    await connect();
    const permit = (value: string) => ({
      types: {
        EIP712Domain: transfer(1).types.EIP712Domain,
        Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' },
          { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }],
      },
      primaryType: 'Permit',
      domain: transfer(1).domain,
      message: { owner: ALICE, spender: BOB, value, nonce: 0, deadline: 4102444800 },
    });
    for (const [value, unlimited] of [['1000001', true], ['1000000', false]] as const) {
      const answer = handle(site, { method: 'eth_signTypedData_v4', params: [ALICE, JSON.stringify(permit(value))] });
      await untilShown();
      expect(approvals.next()?.request, value).toMatchObject({ kind: 'typed_data', action: { kind: 'permit', amount: value, unlimited } });
      await decide((id) => ({ id, approve: false }));
      await expect(answer).rejects.toMatchObject({ code: 4001 });
    }
  });

  it('refuses typed data whose chainId differs from the active chain, before asking the user', async () => {
    await connect();
    await expect(handle(site, { method: 'eth_signTypedData_v4', params: [ALICE, transfer(5)] })).rejects.toMatchObject({
      code: -32602, message: 'eth_signTypedData_v4: domain.chainId 5 does not match the active chain 1',
    });
    expect(approvals.next()).toBeNull();
  });

  it('refuses to sign for an account the site was not shown (4100)', async () => {
    await connect([ALICE]);
    await expect(handle(site, { method: 'personal_sign', params: ['0x00', BOB] })).rejects.toMatchObject({ code: 4100 });
  });

  it('refuses eth_sign and unknown methods with 4200', async () => {
    await expect(handle(site, { method: 'eth_sign', params: [ALICE, `0x${'00'.repeat(32)}`] })).rejects.toMatchObject({ code: 4200, message: /blind signing/ });
    await expect(handle(site, { method: 'wallet_stealKeys' })).rejects.toMatchObject({ code: 4200, message: 'wallet_stealKeys is not supported by Shareholder Wallet' });
  });

  it('refuses a method outside the catalogue and the read-only list with 4200, even one named like an object\'s own', async () => {
    await connect();
    for (const method of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'eth_signTransaction']) {
      await expect(handle(site, { method }), method).rejects.toMatchObject({ code: 4200 });
    }
  });

  it('refuses malformed params with -32602 and a message a developer can act on', async () => {
    await connect();
    const cases: [string, unknown, RegExp][] = [
      ['personal_sign', 'hello', /params must be an array/],
      ['personal_sign', ['0x00'], /expected at least 2 params/],
      ['personal_sign', [42, ALICE], /param 1 must be a string/],
      ['personal_sign', ['0x00', '0x1234'], /param 2: .*not an address/],
      ['eth_signTypedData_v4', [ALICE, '{not json'], /param 2 is not valid JSON/],
      ['eth_signTypedData_v4', [ALICE, { ...transfer(1), primaryType: 'Nope' }], /primaryType: "Nope" is not defined/],
      ['eth_signTypedData_v3', 'typed data', /^eth_signTypedData_v3: params must be an array$/],
      ['eth_signTypedData_v3', [ALICE, '{not json'], /^eth_signTypedData_v3: param 2 is not valid JSON$/],
      ['eth_signTypedData_v3', [ALICE, 42], /^eth_signTypedData_v3: param 2 must be the typed data/],
      ['eth_signTypedData_v3', ['0x1234', transfer(1)], /^eth_signTypedData_v3: param 1: .*not an address/],
      ['eth_signTypedData_v3', [ALICE, transfer(5)], /^eth_signTypedData_v3: domain.chainId 5 does not match the active chain 1$/],
      ['wallet_requestPermissions', [{ eth_accounts: {}, eth_sign: {} }], /only \[\{ "eth_accounts": \{\} \}\] is supported/],
    ];
    for (const [method, params, message] of cases) {
      await expect(handle(site, { method, params }), method).rejects.toMatchObject({ code: -32602, message });
    }
    expect(approvals.next()).toBeNull();
  });

  describe('the dapps people already use (issue 12, item 6)', () => {
    it('gives pages every account in lowercase, accountsChanged included, while the wallet\'s own list keeps EIP-55', async () => {
      const heard: ProviderEvent[] = [];
      sites.attach({ id: 'tab-1', origin: site.origin, send: (event) => { heard.push(event); } });
      expect(await connect([ALICE, BOB])).toEqual([ALICE_AT_PAGE, BOB.toLowerCase()]);
      expect(await handle(site, { method: 'eth_accounts' })).toEqual([ALICE_AT_PAGE, BOB.toLowerCase()]);
      expect(await handle(site, { method: 'wallet_getPermissions' })).toMatchObject([{ caveats: [{ value: [ALICE_AT_PAGE, BOB.toLowerCase()] }] }]);
      await wallet.lock();
      await sites.announceAccounts(await wallet.unlockedAddresses());
      await wallet.unlock('long enough password');
      await sites.announceAccounts(await wallet.unlockedAddresses());
      expect(heard).toEqual([
        { name: 'accountsChanged', data: [ALICE_AT_PAGE, BOB.toLowerCase()] },
        { name: 'accountsChanged', data: [] },
        { name: 'accountsChanged', data: [ALICE_AT_PAGE, BOB.toLowerCase()] },
      ]);
      expect((await sites.connections())[0]?.accounts).toEqual([ALICE, BOB]);
    });

    it('answers wallet_requestPermissions with the chosen accounts in lowercase', async () => {
      const answer = handle(site, { method: 'wallet_requestPermissions', params: [{ eth_accounts: {} }] });
      await decide((id) => ({ id, approve: true, accounts: [ALICE] }));
      expect(await answer).toMatchObject([{ caveats: [{ type: 'restrictReturnedAccounts', value: [ALICE_AT_PAGE] }] }]);
    });

    it('signs for an account named in lowercase or uppercase, as pages send it back', async () => {
      await connect();
      for (const named of [ALICE_AT_PAGE, `0x${ALICE.slice(2).toUpperCase()}`]) {
        const answer = handle(site, { method: 'personal_sign', params: ['0x48656c6c6f', named] });
        await decide((id) => ({ id, approve: true }));
        expect(await recoverMessageAddress({ message: 'Hello', signature: await answer as `0x${string}` }), named).toBe(ALICE);
      }
    });

    it('recovers the signer of a personal message as the account the page got, without asking or needing a connection', async () => {
      await connect();
      const signed = handle(site, { method: 'personal_sign', params: ['0x48656c6c6f', ALICE_AT_PAGE] });
      await decide((id) => ({ id, approve: true }));
      const signature = await signed;
      const stranger: DappContext = { origin: 'https://stranger.example', topOrigin: undefined, requester: 'tab-9' };
      expect(await handle(stranger, { method: 'personal_ecRecover', params: ['0x48656c6c6f', signature] })).toBe(ALICE_AT_PAGE);
      expect(await handle(site, { method: 'personal_ecRecover', params: ['Hello', signature] })).toBe(ALICE_AT_PAGE);
      expect(approvals.next()).toBeNull();
      await expect(handle(site, { method: 'personal_ecRecover', params: ['Hello', '0x1234'] })).rejects.toMatchObject({ code: -32602, message: /^personal_ecRecover: param 2 must be a 65-byte signature/ });
      await expect(handle(site, { method: 'personal_ecRecover', params: ['Hello'] })).rejects.toMatchObject({ code: -32602, message: 'personal_ecRecover: expected at least 2 params, got 1' });
    });

    it('shows eth_signTypedData_v3 as v4 is shown, and signs it after Approve with the digest viem verifies', async () => {
      await connect();
      const typed = transfer(1);
      const answer = handle(site, { method: 'eth_signTypedData_v3', params: [ALICE_AT_PAGE, JSON.stringify(typed)] });
      await untilShown();
      expect(approvals.next()?.request).toMatchObject({ kind: 'typed_data', chainId: '0x1', action: { kind: 'transfer', amount: '5000000000000000000', to: BOB } });
      await decide((id) => ({ id, approve: true }));
      const signature = await answer as `0x${string}`;
      expect(await recoverTypedDataAddress({ ...typed, message: { ...typed.message, value: 5000000000000000000n }, signature } as Parameters<typeof recoverTypedDataAddress>[0])).toBe(ALICE);
      expect(await sites.activity()).toMatchObject([{ method: 'eth_signTypedData_v3', decision: 'approved' }, { method: 'eth_requestAccounts' }]);
    });

    it('refuses under eth_signTypedData_v3 typed data with an array, which only v4 defines, before asking the user', async () => {
      await connect();
      const typed = transfer(1);
      const withArray = { ...typed, types: { ...typed.types, Batch: [{ name: 'holders', type: 'address[]' }] }, primaryType: 'Batch', message: { holders: [ALICE] } };
      await expect(handle(site, { method: 'eth_signTypedData_v3', params: [ALICE, withArray] })).rejects.toMatchObject({
        code: -32602, message: 'eth_signTypedData_v3: types.Batch[0]: "address[]" is an array, which eth_signTypedData_v3 does not define; use eth_signTypedData_v4',
      });
      expect(approvals.next()).toBeNull();
      void handle(site, { method: 'eth_signTypedData_v4', params: [ALICE, withArray] }).catch(() => undefined);
      await untilShown();
      expect(approvals.next()?.request).toMatchObject({ kind: 'typed_data', primaryType: 'Batch' });
    });

    it('refuses the first typed-data draft, eth_signTypedData and eth_signTypedData_v1, with 4200 saying what to use', async () => {
      await connect();
      const draft = [[{ type: 'string', name: 'message', value: 'Hi' }], ALICE];
      for (const method of ['eth_signTypedData', 'eth_signTypedData_v1']) {
        await expect(handle(site, { method, params: draft }), method).rejects.toMatchObject({
          code: 4200, message: `${method} is refused: it is the first typed-data draft (a list of { type, name, value }), not EIP-712; use eth_signTypedData_v4`,
        });
      }
      expect(approvals.next()).toBeNull();
    });
  });

  it('drops the waiting requests of a page that went away', async () => {
    const answer = handle(site, { method: 'eth_requestAccounts' });
    await untilShown();
    approvals.requesterGone('tab-1');
    await expect(answer).rejects.toMatchObject({ code: 4001 });
    expect(approvals.next()).toBeNull();
  });

  describe('a site disconnected or a wallet locked while it waits', () => {
    it('rejects a waiting signature with 4100 when the site revokes its own permission, and signs nothing', async () => {
      await connect();
      const answer = handle(site, { method: 'personal_sign', params: ['0x48656c6c6f21', ALICE] });
      await untilShown();
      expect(await handle({ ...site, requester: 'tab-2' }, { method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] })).toBeNull();
      await expect(answer).rejects.toMatchObject({ code: 4100 });
      expect(approvals.next()).toBeNull();
      expect((await sites.activity()).filter((entry) => entry.decision === 'approved').map((entry) => entry.method)).toEqual(['eth_requestAccounts']);
    });

    it('checks the permission again after the approval: a personal message approved for a site disconnected meanwhile is not signed (4100)', async () => {
      await connect();
      const answer = handle(site, { method: 'personal_sign', params: ['0x48656c6c6f21', ALICE] });
      await untilShown();
      // Revoked behind the queue's back (a second window, a sync), so the request is still there to approve.
      await sites.revoke(site.origin);
      await decide((id) => ({ id, approve: true }));
      await expect(answer).rejects.toMatchObject({ code: 4100, message: /personal_sign: https:\/\/registry.example is not connected/ });
      expect(await sites.activity()).toMatchObject([{ method: 'personal_sign', decision: 'failed' }, { method: 'eth_requestAccounts', decision: 'approved' }]);
    });

    it('checks the permission again after the approval: typed data approved for a site disconnected meanwhile is not signed (4100)', async () => {
      await connect();
      const answer = handle(site, { method: 'eth_signTypedData_v4', params: [ALICE, JSON.stringify(transfer(1))] });
      await untilShown();
      await sites.revoke(site.origin);
      await decide((id) => ({ id, approve: true }));
      await expect(answer).rejects.toMatchObject({ code: 4100 });
    });

    it('names no account in wallet_getPermissions while the wallet is locked, as eth_accounts', async () => {
      await connect();
      await wallet.lock();
      expect(await handle(site, { method: 'eth_accounts' })).toEqual([]);
      expect(await handle(site, { method: 'wallet_getPermissions' })).toEqual([]);
      await wallet.unlock('long enough password');
      expect(await handle(site, { method: 'wallet_getPermissions' })).toMatchObject([{ caveats: [{ value: [ALICE_AT_PAGE] }] }]);
    });
  });

  describe('networks (EIP-3085, EIP-3326) and read-only calls', () => {
    const ANVIL_URL = 'http://127.0.0.1:8545/';
    const anvil = {
      chainId: '0x7a69', chainName: 'Acme Registry Chain', rpcUrls: [ANVIL_URL],
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    };
    const other: DappContext = { origin: 'https://other.example', topOrigin: undefined, requester: 'tab-2' };

    /** `who` adds anvil's network (or `params`) and the user approves whatever it asks. */
    async function addApproved(who: DappContext = site, params: object = anvil): Promise<unknown> {
      const answer = handle(who, { method: 'wallet_addEthereumChain', params: [params] });
      await decide((id) => ({ id, approve: true }));
      return answer;
    }

    beforeEach(() => {
      nodes[ANVIL_URL] = (method) => (method === 'eth_chainId' ? '0x7a69' : '0x10');
    });

    it('asks the user before contacting the site\'s RPC, then checks it and switches the site to the network', async () => {
      await connect();
      const heard: ProviderEvent[] = [];
      sites.attach({ id: 'tab-1', origin: site.origin, send: (event) => { heard.push(event); } });
      const answer = handle(site, { method: 'wallet_addEthereumChain', params: [anvil] });
      await untilShown();
      expect(approvals.next()?.request).toMatchObject({
        kind: 'add_chain', chain: { chainId: '0x7a69', name: 'Acme Registry Chain', rpcUrl: ANVIL_URL }, localRpc: true, replaces: undefined,
      });
      expect(requested).toEqual([]);
      await decide((id) => ({ id, approve: true }));
      expect(await answer).toBeNull();
      expect(requested).toEqual([ANVIL_URL]);
      expect(await handle(site, { method: 'eth_chainId' })).toBe('0x7a69');
      // Recorded as this site's node, not chosen by the user: the wallet reads there only its accounts.
      expect(await db.get('chains', '0x7a69')).toMatchObject({ addedBy: site.origin });
      expect((await db.get('chains', '0x7a69'))?.userChosen).toBeUndefined();
      expect(heard).toContainEqual({ name: 'chainChanged', data: '0x7a69' });
      expect(await handle(site, { method: 'eth_blockNumber' })).toBe('0x10');
      expect(await handle(other, { method: 'eth_chainId' })).toBe('0x1');
    });

    it('contacts nothing when the user rejects the network', async () => {
      await connect();
      const answer = handle(site, { method: 'wallet_addEthereumChain', params: [anvil] });
      await decide((id) => ({ id, approve: false }));
      await expect(answer).rejects.toMatchObject({ code: 4001 });
      expect(requested).toEqual([]);
      expect(await handle(site, { method: 'eth_chainId' })).toBe('0x1');
    });

    it('tells the page only that the RPC did not confirm the chain id, never the node\'s words or answer, and adds nothing', async () => {
      await connect();
      const secret = 'loopback-secret-7f3a';
      nodes[ANVIL_URL] = () => `${secret} 0x1`;
      nodes['http://127.0.0.1:9000/'] = () => { throw new JsonRpcError(-32000, `HTTP 403 ${secret}`); };
      nodes['http://127.0.0.1:9001/'] = () => `0x${'f'.repeat(1_000_000)}`;
      for (const rpcUrl of [ANVIL_URL, 'http://127.0.0.1:9000/', 'http://127.0.0.1:9001/', 'http://127.0.0.1:9/']) {
        // A minute apart: the prompts per minute are limited.
        clock.advance(60_000);
        const error = await addApproved(site, { ...anvil, rpcUrls: [rpcUrl] }).then(() => undefined, (reason: unknown) => reason);
        expect(error).toMatchObject({ code: -32602, message: 'wallet_addEthereumChain: the network\'s RPC did not confirm chain id 0x7a69; nothing was added' });
        expect(JSON.stringify(error)).not.toContain(secret);
      }
      expect(await handle(site, { method: 'eth_chainId' })).toBe('0x1');
      await expect(handle(site, { method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a69' }] })).rejects.toMatchObject({ code: 4902 });
      expect((await sites.activity()).filter((entry) => entry.method === 'wallet_addEthereumChain').map((entry) => entry.decision)).toEqual(['failed', 'failed', 'failed', 'failed']);
    });

    it('answers 4100 to an unconnected site\'s add, switch and read-only calls, whether or not the chain exists, and contacts nothing', async () => {
      await connect();
      await addApproved();
      const before = requested.length;
      for (const chainId of ['0x7a69', '0x5']) {
        await expect(handle(other, { method: 'wallet_switchEthereumChain', params: [{ chainId }] })).rejects.toMatchObject({ code: 4100 });
      }
      await expect(handle(other, { method: 'wallet_addEthereumChain', params: [{ ...anvil, rpcUrls: ['http://127.0.0.1:9/'] }] })).rejects.toMatchObject({ code: 4100 });
      await expect(handle(other, { method: 'wallet_addEthereumChain', params: [anvil] })).rejects.toMatchObject({ code: 4100 });
      await expect(handle(other, { method: 'eth_blockNumber' })).rejects.toMatchObject({ code: 4100 });
      expect(await handle(other, { method: 'eth_chainId' })).toBe('0x1');
      expect(approvals.next()).toBeNull();
      expect(requested).toHaveLength(before);
    });

    it('answers net_version as the decimal of what eth_chainId answers the same site, asking no node', async () => {
      const stranger: DappContext = { origin: 'https://stranger.example', topOrigin: undefined, requester: 'tab-9' };
      expect(await handle(stranger, { method: 'net_version' })).toBe('1');
      await connect();
      expect(await handle(site, { method: 'net_version' })).toBe('1');
      await addApproved();
      const before = requested.length;
      expect(await handle(site, { method: 'eth_chainId' })).toBe('0x7a69');
      expect(await handle(site, { method: 'net_version' })).toBe('31337');
      expect(await handle(other, { method: 'net_version' })).toBe('1');
      await handle(site, { method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] });
      expect(await handle(site, { method: 'net_version' })).toBe('1');
      expect(requested).toHaveLength(before);
    });

    it('forgets a revoked site\'s network for the page: eth_chainId says 0x1 and reads are refused', async () => {
      await connect();
      await addApproved();
      await handle(site, { method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] });
      expect(await handle(site, { method: 'eth_chainId' })).toBe('0x1');
      await expect(handle(site, { method: 'eth_call', params: [{}, 'latest'] })).rejects.toMatchObject({ code: 4100 });
    });

    it('words a different RPC for a known chain as a replacement, with the old and new node and who uses the network', async () => {
      await connect();
      await addApproved();
      await connect([BOB], other);
      const replacement = 'https://rpc.other.example/';
      nodes[replacement] = () => '0x7a69';
      const answer = handle(other, { method: 'wallet_addEthereumChain', params: [{ ...anvil, chainName: 'Other', rpcUrls: [replacement] }] });
      await untilShown();
      expect(approvals.next()?.request).toEqual({
        kind: 'add_chain',
        chain: { chainId: '0x7a69', name: 'Other', rpcUrl: replacement, nativeCurrency: anvil.nativeCurrency, explorerUrl: undefined },
        localRpc: false,
        replaces: {
          current: { chainId: '0x7a69', name: 'Acme Registry Chain', rpcUrl: ANVIL_URL, nativeCurrency: anvil.nativeCurrency, explorerUrl: undefined },
          usedBy: [site.origin],
          tokens: 0,
        },
      });
      await decide((id) => ({ id, approve: true }));
      expect(await answer).toBeNull();
      expect(await handle(site, { method: 'eth_blockNumber' })).toBe('0x7a69');
    });

    it('adds nothing for the same RPC of a known chain, and asks before switching a site that did not add it', async () => {
      await connect();
      await addApproved();
      await connect([BOB], other);
      const before = requested.length;
      const answer = handle(other, { method: 'wallet_addEthereumChain', params: [anvil] });
      await untilShown();
      expect(approvals.next()?.request).toEqual({ kind: 'switch_chain', chain: expect.objectContaining({ chainId: '0x7a69', rpcUrl: ANVIL_URL }) as unknown });
      await decide((id) => ({ id, approve: true }));
      expect(await answer).toBeNull();
      expect(requested).toHaveLength(before);
      expect(await handle(other, { method: 'eth_chainId' })).toBe('0x7a69');
      // Allowed once, remembered: no second prompt.
      expect(await handle(other, { method: 'wallet_addEthereumChain', params: [anvil] })).toBeNull();
      expect(approvals.next()).toBeNull();
    });

    it('asks the user before switching a site to a chain it did not add, and remembers an approval', async () => {
      await connect();
      await addApproved();
      await connect([BOB], other);
      const switchTo = () => handle(other, { method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a69' }] });
      const rejected = switchTo();
      await untilShown();
      expect(approvals.next()?.request).toMatchObject({ kind: 'switch_chain', chain: { chainId: '0x7a69', name: 'Acme Registry Chain' } });
      await decide((id) => ({ id, approve: false }));
      await expect(rejected).rejects.toMatchObject({ code: 4001 });
      expect(await handle(other, { method: 'eth_chainId' })).toBe('0x1');
      const approved = switchTo();
      await decide((id) => ({ id, approve: true }));
      expect(await approved).toBeNull();
      expect(await handle(other, { method: 'wallet_switchEthereumChain', params: [{ chainId: '0x1' }] })).toBeNull();
      expect(await switchTo()).toBeNull();
      expect(approvals.next()).toBeNull();
      // The site that added the network switches back without a prompt.
      expect(await handle(site, { method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a69' }] })).toBeNull();
    });

    it('limits network prompts to three a minute per site with -32005, naming when to try again', async () => {
      await connect();
      for (let i = 0; i < 3; i++) {
        const answer = handle(site, { method: 'wallet_addEthereumChain', params: [anvil] });
        await decide((id) => ({ id, approve: false }));
        await expect(answer).rejects.toMatchObject({ code: 4001 });
      }
      clock.advance(20_000);
      await expect(handle(site, { method: 'wallet_addEthereumChain', params: [anvil] })).rejects.toMatchObject({
        code: -32005, message: `wallet_addEthereumChain: too many network requests from ${site.origin}; try again in 40 s`, data: { retryAfterSeconds: 40 },
      });
      expect(approvals.next()).toBeNull();
      // Another site has its own allowance, and the site's returns after a minute.
      await connect([BOB], other);
      const fromOther = handle(other, { method: 'wallet_addEthereumChain', params: [anvil] });
      await decide((id) => ({ id, approve: false }));
      await expect(fromOther).rejects.toMatchObject({ code: 4001 });
      clock.advance(40_000);
      const again = handle(site, { method: 'wallet_addEthereumChain', params: [anvil] });
      await decide((id) => ({ id, approve: true }));
      expect(await again).toBeNull();
    });

    it('refuses plain-http RPCs off this machine and malformed or huge chain ids with -32602', async () => {
      await connect();
      await expect(handle(site, { method: 'wallet_addEthereumChain', params: [{ ...anvil, rpcUrls: ['http://registry.example:8545'] }] })).rejects.toMatchObject({
        code: -32602, message: /must be https \(http only on localhost/,
      });
      for (const chainId of ['31337', '0x07a69', '0X7A69', 7, `0x${'f'.repeat(1_000_000)}`]) {
        await expect(handle(site, { method: 'wallet_addEthereumChain', params: [{ ...anvil, chainId }] })).rejects.toMatchObject({ code: -32602 });
        await expect(handle(site, { method: 'wallet_switchEthereumChain', params: [{ chainId }] })).rejects.toMatchObject({ code: -32602 });
      }
      expect(requested).toEqual([]);
    });

    it('answers 4902 for switching to a chain that was never added', async () => {
      await connect();
      await expect(handle(site, { method: 'wallet_switchEthereumChain', params: [{ chainId: '0x5' }] })).rejects.toMatchObject({ code: 4902 });
    });

    it('answers 4901 for a read-only call on a chain without an RPC, and passes a node\'s error through', async () => {
      await connect();
      await expect(handle(site, { method: 'eth_call', params: [{}, 'latest'] })).rejects.toMatchObject({ code: 4901 });
      nodes[ANVIL_URL] = (method) => {
        if (method === 'eth_chainId') return '0x7a69';
        throw new JsonRpcError(3, 'execution reverted: not a holder');
      };
      await addApproved();
      await expect(handle(site, { method: 'eth_call', params: [{}, 'latest'] })).rejects.toMatchObject({ code: 3, message: 'execution reverted: not a holder' });
    });
    it('answers EIP-5792 wallet_getCapabilities for the networks of the site that asks, and never another site\'s', async () => {
      await connect();
      await addApproved();
      await connect([BOB], other);
      const unsupported = { '0x7a69': { atomic: { status: 'unsupported' } } };
      expect(await handle(site, { method: 'wallet_getCapabilities', params: [ALICE_AT_PAGE] })).toEqual(unsupported);
      expect(await handle(site, { method: 'wallet_getCapabilities', params: [ALICE_AT_PAGE, ['0x7a69', '0x1']] })).toEqual(unsupported);
      // The other site is on the default chain, for which the wallet has no network: nothing to claim there.
      expect(await handle(other, { method: 'wallet_getCapabilities', params: [BOB.toLowerCase()] })).toEqual({});
      await expect(handle(other, { method: 'wallet_getCapabilities', params: [ALICE_AT_PAGE] })).rejects.toMatchObject({ code: 4100 });
    });

    it('routes the other EIP-5792 methods: a batch the site never sent is unknown (5730), and no window opens', async () => {
      await connect();
      await addApproved();
      await expect(handle(site, { method: 'wallet_getCallsStatus', params: ['0x01'] })).rejects.toMatchObject({ code: 5730 });
      await expect(handle(site, { method: 'wallet_showCallsStatus', params: ['0x01'] })).rejects.toMatchObject({ code: 5730 });
      await expect(handle(site, { method: 'wallet_sendCalls', params: [{ version: '2.0.0', chainId: '0x7a69', atomicRequired: true, calls: [{ to: BOB }] }] }))
        .rejects.toMatchObject({ code: 5760 });
      expect(activityShown).toBe(0);
    });
  });

  describe('share tokens (EIP-747)', () => {
    const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
    const contract: Record<string, `0x${string}`> = {
      '0x06fdde03': encodeFunctionResult({ abi: erc20Abi, functionName: 'name', result: 'Acme Holdings Shares' }),
      '0x95d89b41': encodeFunctionResult({ abi: erc20Abi, functionName: 'symbol', result: 'ACME' }),
      '0x313ce567': encodeFunctionResult({ abi: erc20Abi, functionName: 'decimals', result: 18 }),
    };

    /** What the token contract answers in this test; a test may break it without touching the others. */
    let answers: Record<string, `0x${string}`>;

    beforeEach(async () => {
      await connect();
      answers = { ...contract };
      nodes['http://127.0.0.1:8545/'] = (method, params) => {
        if (method === 'eth_chainId') return '0x7a69';
        return answers[(params[0] as { data: string }).data] ?? '0x';
      };
      const added = handle(site, { method: 'wallet_addEthereumChain', params: [{
        chainId: '0x7a69', chainName: 'Acme', rpcUrls: ['http://127.0.0.1:8545/'], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      }] });
      await decide((id) => ({ id, approve: true }));
      await added;
    });

    it('shows the token as the chain describes it, after the user approves', async () => {
      const answer = handle(site, { method: 'wallet_watchAsset', params: { type: 'ERC20', options: { address: TOKEN, symbol: 'ACME', decimals: 18 } } });
      await untilShown();
      expect(approvals.next()?.request).toEqual({ kind: 'watch_asset', token: { chainId: '0x7a69', address: TOKEN, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18 } });
      await decide((id) => ({ id, approve: true }));
      expect(await answer).toBe(true);
    });

    it('refuses a page whose claimed symbol or decimals differ from the contract', async () => {
      await expect(handle(site, { method: 'wallet_watchAsset', params: { type: 'ERC20', options: { address: TOKEN, symbol: 'USDC', decimals: 18 } } }))
        .rejects.toMatchObject({ code: -32602, message: 'wallet_watchAsset: the token at 0x5FbDB2315678afecb367f032d93F642f64180aa3 reports symbol ACME, not "USDC"' });
      await expect(handle(site, { method: 'wallet_watchAsset', params: { type: 'ERC20', options: { address: TOKEN, symbol: 'ACME', decimals: 6 } } }))
        .rejects.toMatchObject({ code: -32602, message: /reports 18 decimals, not 6/ });
      expect(approvals.next()).toBeNull();
    });

    it('tells the background about a token once the user approved it, and not about one refused', async () => {
      const refused = handle(site, { method: 'wallet_watchAsset', params: { type: 'ERC20', options: { address: TOKEN } } });
      await decide((id) => ({ id, approve: false }));
      await expect(refused).rejects.toMatchObject({ code: 4001 });
      expect(tokensAdded).toEqual([]);
      const answer = handle(site, { method: 'wallet_watchAsset', params: { type: 'ERC20', options: { address: TOKEN } } });
      await decide((id) => ({ id, approve: true }));
      await answer;
      expect(tokensAdded).toEqual([{ chainId: '0x7a69', address: TOKEN, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18 }]);
    });

    it('names a known token with its symbol and decimals on the approval screen, matching the address in any case', async () => {
      const typed = { ...transfer(0x7a69), domain: { ...transfer(0x7a69).domain, verifyingContract: TOKEN.toLowerCase() } };
      const unknown = handle(site, { method: 'eth_signTypedData_v4', params: [ALICE, typed] });
      await untilShown();
      expect(approvals.next()?.request).toMatchObject({ kind: 'typed_data', action: { kind: 'transfer', token: { address: TOKEN, chainId: '31337' } } });
      expect((approvals.next()?.request as { action: { token: { known?: unknown } } }).action.token.known).toBeUndefined();
      await decide((id) => ({ id, approve: false }));
      await expect(unknown).rejects.toMatchObject({ code: 4001 });

      const watched = handle(site, { method: 'wallet_watchAsset', params: { type: 'ERC20', options: { address: TOKEN } } });
      await decide((id) => ({ id, approve: true }));
      await watched;
      void handle(site, { method: 'eth_signTypedData_v4', params: [ALICE, typed] }).catch(() => undefined);
      await untilShown();
      expect(approvals.next()?.request).toMatchObject({
        kind: 'typed_data',
        action: { kind: 'transfer', amount: '5000000000000000000', token: { address: TOKEN, known: { name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18 } } },
      });
    });

    it('does not lend a known token\'s name to the same address on another chain', async () => {
      await db.put('tokens', { chainId: '0x5', address: TOKEN, name: 'Other Chain Shares', symbol: 'OTHR', decimals: 0, addedAt: 0 });
      void handle(site, { method: 'eth_signTypedData_v4', params: [ALICE, transfer(0x7a69)] }).catch(() => undefined);
      await untilShown();
      expect((approvals.next()?.request as { action: { token: { known?: unknown } } }).action.token.known).toBeUndefined();
    });

    it('refuses an address that is not an ERC-20 token', async () => {
      answers['0x06fdde03'] = '0x';
      await expect(handle(site, { method: 'wallet_watchAsset', params: { type: 'ERC20', options: { address: TOKEN } } }))
        .rejects.toMatchObject({ code: -32602, message: /does not answer name\(\) like an ERC-20 token/ });
    });
  });

  it('routes eth_sendTransaction to its handler: a site that is not connected hears 4100, not 4200', async () => {
    await expect(handle(site, { method: 'eth_sendTransaction', params: [{ from: ALICE, to: BOB, value: '0x1' }] }))
      .rejects.toMatchObject({ code: 4100, message: `eth_sendTransaction: ${site.origin} is not connected to ${ALICE}; call eth_requestAccounts first` });
  });
});
