// The holdings' words, read with the real English and Chinese messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localeState } from '../../helpers/locale-messages';
import type { AccountView } from '../../../src/protocol/private';
import type { Freshness } from '../../../src/ui/lib/holdings';
import type { Part } from '../../../src/ui/approval/sentence';
import { asClause, delegateAddress, delegateText, discoveryNotice, networkStatus, registerNotes, tokenRegisterNote } from '../../../src/ui/lib/holdings-text';
import type { RegisterStatus } from '../../../src/ui/lib/holdings';
import { NAME_CAP } from '../../../src/ui/lib/outside-text';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const BOB = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const CAROL = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const SAVINGS: AccountView = { index: 1, address: BOB, name: 'Savings' };
const UNNAMED: AccountView = { index: 2, address: BOB, name: '' };
const BLOCK_TIME = Date.UTC(2026, 10, 24, 5, 13);

const network = (overrides: Partial<Freshness> = {}): Freshness => ({
  chainId: '0x7a69', name: 'Acme Chain', asOf: { blockNumber: '1234', blockTime: BLOCK_TIME }, problem: undefined, ...overrides,
});

/** The line as read, with the network's name (the site's words) in braces. */
function statusText(network: Freshness): string {
  return networkStatus(network).parts.map((part: Part) => part.kind === 'outside' ? `{${part.text}}` : 'text' in part ? part.text : '').join('');
}

beforeEach(() => { localeState.locale = 'en'; });

describe('the delegate, in words', () => {
  it('says "yourself" and "not delegated" in English and Chinese', () => {
    expect(delegateText({ kind: 'self' })).toBe('yourself');
    expect(delegateText({ kind: 'none' })).toBe('not delegated');
    localeState.locale = 'zh_CN';
    expect(delegateText({ kind: 'self' })).toBe('自己');
    expect(delegateText({ kind: 'none' })).toBe('未委托');
  });

  it('names one of the wallet\'s accounts by its name, or "Account N"', () => {
    expect(delegateText({ kind: 'account', account: SAVINGS })).toBe('Savings');
    expect(delegateText({ kind: 'account', account: UNNAMED })).toBe('Account 3');
  });

  it('shortens any other address, and keeps the full one for the tooltip', () => {
    expect(delegateText({ kind: 'other', address: CAROL })).toBe('0x5aAe…eAed');
    expect(delegateAddress({ kind: 'other', address: CAROL })).toBe(CAROL);
    expect(delegateAddress({ kind: 'self' })).toBeUndefined();
  });
});

describe('a network\'s freshness line', () => {
  it('says when the figures were read, with the block number', () => {
    expect(networkStatus(network()).kind).toBe('note');
    expect(statusText(network())).toMatch(/^\{Acme Chain\}: as of .*2026.*, block 1234$/);
  });

  it('says the figures are the saved ones, as of when, and why, when the refresh failed', () => {
    const failed = network({ problem: 'the node at http://127.0.0.1:8545 did not answer within 10 s' });
    expect(networkStatus(failed).kind).toBe('problem');
    expect(statusText(failed)).toContain('saved for {Acme Chain} as of');
    expect(statusText(failed)).toContain('(block 1234)');
    expect(statusText(failed)).toMatch(/because newer ones could not be read: the node at http:\/\/127\.0\.0\.1:8545 did not answer within 10 s\.$/);
  });

  it('says plainly that nothing could be read when no figures were ever saved', () => {
    const failed = network({ asOf: undefined, problem: 'garbage answer' });
    expect(networkStatus(failed).kind).toBe('problem');
    expect(statusText(failed)).toBe('The figures on {Acme Chain} could not be read: garbage answer.');
  });

  it('frames the network\'s name as the site\'s words, capped, even when it holds a bidi override', () => {
    const parts = networkStatus(network({ name: 'Acme \u202Eniahc' })).parts;
    expect(parts.filter((part) => part.kind === 'outside')).toEqual([{ kind: 'outside', source: 'site', text: 'Acme \u202Eniahc', cap: NAME_CAP }]);
    expect(parts.some((part) => part.kind === 'text' && part.text.includes('\u202E'))).toBe(false);
  });

  it('reads naturally in Chinese', () => {
    localeState.locale = 'zh_CN';
    expect(statusText(network())).toMatch(/^\{Acme Chain\}：数据截至 .+（区块 1234）$/);
    expect(statusText(network({ problem: 'down.' }))).toMatch(/^无法读取 \{Acme Chain\} 的最新数据，.+区块 1234.+原因：down。$/);
  });
});

describe('what recovery discovery tells the user', () => {
  it('says how many accounts it added', () => {
    expect(discoveryNotice({ added: [1, 2, 4], unreachable: [] })).toBe('Accounts added: 3.');
  });

  it('says which networks could not be reached, and why, one reason per network', () => {
    const notice = discoveryNotice({ added: [2], unreachable: [
      { chainId: '0x7a69', message: 'the node at http://127.0.0.1:8545 did not answer' },
      { chainId: '0x1', message: 'the node at https://rpc.example answered with an error.' },
    ] });
    expect(notice).toBe('Accounts added: 1. Some networks could not be reached, so no accounts were looked for there '
      + '(the node at http://127.0.0.1:8545 did not answer; the node at https://rpc.example answered with an error). '
      + 'You can add accounts with “Add account”.');
  });

  it('says nothing when there is nothing to tell', () => {
    expect(discoveryNotice({ added: [], unreachable: [] })).toBeUndefined();
  });
});

describe('a reason from the background', () => {
  it('ends where the message ends the sentence, without a doubled full stop', () => {
    expect(asClause('the node did not answer.')).toBe('the node did not answer');
    expect(asClause(' 节点没有响应。 ')).toBe('节点没有响应');
    expect(asClause('version 1.2 is too old')).toBe('version 1.2 is too old');
  });
});

describe('the register\'s facts, in words', () => {
  const status = (overrides: Partial<RegisterStatus>): RegisterStatus => ({
    frozen: undefined, accountFrozen: false, verified: undefined, canSend: undefined, canReceive: undefined, ...overrides,
  });
  const texts = (s: RegisterStatus) => registerNotes(s).map((note) => `${note.fact}: ${note.text}`);

  it('says how many shares are frozen and how many can move, and whether the account is a verified investor (ERC-3643)', () => {
    expect(texts(status({ frozen: { frozen: '100', available: '900' }, verified: true }))).toEqual([
      'frozen: 100 frozen, 900 available to move', 'verified: Verified investor',
    ]);
    expect(texts(status({ verified: false }))).toEqual(['not-verified: Not a verified investor: cannot receive these shares']);
    localeState.locale = 'zh_CN';
    expect(texts(status({ frozen: { frozen: '100', available: '900' }, verified: false }))).toEqual([
      'frozen: 100 股已冻结，900 股可转让', 'not-verified: 不是已验证的投资者：不能接收这些股份',
    ]);
  });

  it('names a whole-account freeze first, in English and Chinese', () => {
    expect(texts(status({ accountFrozen: true, verified: true }))[0]).toBe('account-frozen: Whole account frozen: it can neither send nor receive these shares');
    localeState.locale = 'zh_CN';
    expect(texts(status({ accountFrozen: true }))).toEqual(['account-frozen: 整个账户已冻结：不能转出或接收这些股份']);
  });

  it('says whether the account may send and receive (ERC-7943)', () => {
    expect(texts(status({ canSend: true, canReceive: true }))).toEqual(['may-move: May send and receive these shares']);
    expect(texts(status({ canSend: false, canReceive: true }))).toEqual(['may-not-send: May receive, but not send these shares']);
    expect(texts(status({ canSend: true, canReceive: false }))).toEqual(['may-not-receive: May send, but not receive these shares']);
    expect(texts(status({ canSend: false, canReceive: false }))).toEqual(['may-not-move: May neither send nor receive these shares']);
    localeState.locale = 'zh_CN';
    expect(texts(status({ canSend: false, canReceive: false }))).toEqual(['may-not-move: 既不能转出也不能接收这些股份']);
  });

  it('says nothing of a fact it does not know', () => {
    expect(registerNotes(status({}))).toEqual([]);
  });

  it('says a paused token is paused, in English and Chinese, and nothing otherwise', () => {
    expect(tokenRegisterNote({ standard: 'erc3643', paused: true })).toBe('Token paused: no shares move until the issuer resumes it');
    expect(tokenRegisterNote({ standard: 'erc3643', paused: false })).toBeUndefined();
    expect(tokenRegisterNote(undefined)).toBeUndefined();
    localeState.locale = 'zh_CN';
    expect(tokenRegisterNote({ standard: 'erc3643', paused: true })).toBe('代币已暂停：发行人恢复之前，股份无法转让');
  });
});
