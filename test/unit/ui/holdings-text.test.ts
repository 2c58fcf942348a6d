// The holdings' words, read with the real English and Chinese messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localeState } from '../../helpers/locale-messages';
import type { AccountView } from '../../../src/protocol/private';
import type { Freshness } from '../../../src/ui/lib/holdings';
import type { Part } from '../../../src/ui/approval/sentence';
import { asClause, delegateAddress, delegateText, discoveryNotice, networkStatus } from '../../../src/ui/lib/holdings-text';
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
