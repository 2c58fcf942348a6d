// The approval window's sentences, read with the real English and Chinese messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localeState } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';
import type { ActionView, ApprovalRequest, ChainView, TokenView as WatchedToken } from '../../../src/protocol/approvals';
import {
  actionDetails, actionSentence, addChainCheckedNote, addChainDetails, addChainSentence, chainIdDecimal, chainIdHex, fill,
  localRpcWarning, networkDetail, replaceChainDetails, replaceChainSentence, replaceChainUsers, requestSentence, requestTitle, signInMismatchWarning,
  switchChainSentence, unlimitedWarning, watchAssetDetails, watchAssetSentence, watchAssetSourceNote, type Detail, type Part,
} from '../../../src/ui/approval/sentence';
import { secondsToMs } from '../../../src/ui/approval/time';
import { NAME_CAP, SYMBOL_CAP } from '../../../src/ui/lib/outside-text';
import { splitOrigin } from '../../../src/ui/approval/site';

type TokenView = Extract<ActionView, { kind: 'transfer' }>['token'];

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const ALICE = '0x8617E340B3D01FA5F11F306F4090FD50E238070D';
const BOB = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const TOKEN = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const ACME: TokenView = { address: TOKEN, chainId: '31337', known: { name: 'ACME Holdings', symbol: 'ACME', decimals: 18 } };
const UNKNOWN: TokenView = { address: TOKEN, chainId: '31337', known: undefined };
const MAX = ((1n << 256n) - 1n).toString();

const transfer = (token = ACME): ActionView => ({
  kind: 'transfer', token, from: ALICE, to: BOB, amount: '1234500000000000000000', validAfter: '0', validBefore: '1795000000', submitter: 'anyone',
});
const permit = (unlimited: boolean, deadline = '1795000000'): ActionView => ({
  kind: 'permit', token: ACME, owner: ALICE, spender: BOB, amount: unlimited ? MAX : '5000000000000000000', unlimited, deadline,
});

const ACME_CHAIN: ChainView = {
  chainId: '0x7a69', name: 'Acme\u202EChain', rpcUrl: 'https://rpc.acme.example/v1?key=abc',
  nativeCurrency: { name: 'Acme Ether', symbol: 'AETH', decimals: 18 }, explorerUrl: 'https://scan.acme.example',
};
const WATCHED: WatchedToken = { chainId: '0x7a69', address: TOKEN, name: 'ACME Holdings', symbol: 'ACME', decimals: 0 };

/** Detail lines as "label: shown parts". */
const lines = (details: readonly Detail[]) => details.map((detail) => `${detail.label}: ${shown(detail.parts)}`);

beforeEach(() => { localeState.locale = 'en'; });

describe('filling a translated template with parts', () => {
  it('puts each value where its marker stands, in the order the translation chose', () => {
    const template = `b:\u{E000}1\u{E001} a:\u{E000}0\u{E001}`;
    expect(fill(template, [{ kind: 'strong', text: 'A' }, [{ kind: 'text', text: 'x' }, { kind: 'address', address: ALICE }]]))
      .toEqual([{ kind: 'text', text: 'b:x' }, { kind: 'address', address: ALICE }, { kind: 'text', text: ' a:' }, { kind: 'strong', text: 'A' }]);
  });

  it('keeps a value that looks like a marker or a placeholder as that value, never as template text', () => {
    const parts = fill(`to \u{E000}0\u{E001}`, [{ kind: 'page', text: '$1 \u{E000}0\u{E001}' }]);
    expect(parts).toEqual([{ kind: 'text', text: 'to ' }, { kind: 'page', text: '$1 \u{E000}0\u{E001}' }]);
  });
});

describe('typed-data requests in plain words', () => {
  it('says a transfer of a known token in shares and symbol, to the full recipient address', () => {
    expect(shown(actionSentence(transfer()))).toBe(`Transfer *1,234.5* {contract:ACME} to <${BOB}>`);
  });

  it('says a transfer of an unknown token in raw units and names the token by its address', () => {
    expect(shown(actionSentence(transfer(UNKNOWN)))).toBe(`Transfer *1,234,500,000,000,000,000,000* units of an unknown token <${TOKEN}> to <${BOB}>`);
  });

  it('gives a transfer its parties, token and validity window, with a validAfter of 0 as "Now"', () => {
    expect(actionDetails(transfer()).map((detail) => `${detail.label}: ${shown(detail.parts)}`)).toEqual([
      `From: <${ALICE}>`,
      `To: <${BOB}>`,
      `Share token: <${TOKEN}> {contract:ACME Holdings} ({contract:ACME})`,
      'Valid from: Now',
      `Valid until: @${new Date(1795000000 * 1000).toISOString()}`,
    ]);
  });

  it('says that only the recipient can submit a ReceiveWithAuthorization, in both languages', () => {
    const receive: ActionView = {
      kind: 'transfer', token: ACME, from: ALICE, to: BOB, amount: '1234500000000000000000', validAfter: '0', validBefore: '1795000000', submitter: 'recipient',
    };
    expect(actionDetails(receive).map((detail) => `${detail.label}: ${shown(detail.parts)}`).at(-1))
      .toBe('Who can submit it: Only the recipient (ReceiveWithAuthorization): no one else can use this signature');
    localeState.locale = 'zh_CN';
    expect(actionDetails(receive).at(-1)?.label).toBe('谁可以提交');
  });

  it('says a permit with its amount and deadline, and an unlimited one without a number', () => {
    expect(shown(actionSentence(permit(false)))).toBe(`Allow <${BOB}> to move up to *5* {contract:ACME} until @${new Date(1795000000 * 1000).toISOString()}`);
    expect(shown(actionSentence(permit(true, MAX)))).toBe(`Allow <${BOB}> to move any amount of your {contract:ACME} with no end date`);
    const unlimited = permit(true);
    if (unlimited.kind !== 'permit') throw new Error('fixture');
    expect(shown(unlimitedWarning(unlimited))).toBe(`Unlimited: <${BOB}> could move all your {contract:ACME} shares.`);
  });

  it('says a vote with its support first and the proposal number whole', () => {
    const id = '98117183464946185263937245467411853127563284751394766428839212427151264683251';
    const vote: ActionView = { kind: 'vote', governor: TOKEN, chainId: '31337', proposalId: id, support: 'against', voter: ALICE, reason: 'Too \u202Eexpensive', params: undefined };
    expect(shown(actionSentence(vote))).toBe(`Vote *AGAINST* on proposal #${id}`);
    expect(actionDetails(vote).map((detail) => detail.label)).toEqual(['Your vote', 'Proposal', 'Governor contract', 'Voter', 'Reason']);
    expect(actionDetails(vote).at(-1)?.parts).toEqual([{ kind: 'page', text: 'Too \u202Eexpensive' }]);
  });

  it('keeps every Snapshot string the page chose apart from the wallet\'s words', () => {
    const vote: ActionView = { kind: 'snapshot-vote', space: 'acme.eth', proposal: '0xabc', choice: '[1,2]', voter: ALICE, reason: undefined, app: undefined, metadata: undefined };
    expect(shown(actionSentence(vote))).toBe('Off-chain vote in space «acme.eth»: choice «[1,2]» on proposal «0xabc»');
  });

  it('says a delegation, and names an unknown token by its address', () => {
    const delegation: ActionView = { kind: 'delegation', token: UNKNOWN, delegatee: BOB, expiry: MAX };
    expect(shown(actionSentence(delegation))).toBe(`Give your voting power in unknown token <${TOKEN}> to <${BOB}>`);
    expect(shown(actionDetails(delegation).at(-1)?.parts ?? [])).toBe('No end date');
  });

  it('flags unrecognised typed data by its type name, as page text', () => {
    const generic: ActionView = { kind: 'generic', primaryType: 'Order', domain: [], message: [] };
    expect(shown(actionSentence(generic))).toBe('Sign data of type «Order» that the wallet does not recognise');
  });

  it('reads naturally in Chinese, in Chinese word order', () => {
    localeState.locale = 'zh_CN';
    expect(shown(actionSentence(transfer()))).toBe(`转让 *1,234.5* 股 {contract:ACME} 给 <${BOB}>`);
    expect(shown(actionSentence({ kind: 'vote', governor: TOKEN, chainId: '1', proposalId: '42', support: 'for', voter: undefined, reason: undefined, params: undefined })))
      .toBe('对提案 #42 投*赞成*票');
    expect(shown(actionSentence(permit(false, MAX)))).toBe(`允许 <${BOB}> 无限期地动用您最多 *5* 股 {contract:ACME}`);
  });
});

describe('requests in one sentence, for the Activity screen', () => {
  const sign = (signIn: boolean): ApprovalRequest => ({
    kind: 'personal_sign', account: ALICE, text: 'hello', hex: '0x68656c6c6f',
    signIn: signIn ? { domain: 'registry.example', address: ALICE, uri: 'https://registry.example', chainId: '1', statement: undefined, domainMismatch: false } : undefined,
  });

  it('names each kind of request', () => {
    expect(shown(requestSentence({ kind: 'connect' }))).toBe('Connect: see your accounts');
    expect(shown(requestSentence(sign(false)))).toBe('Sign a message');
    expect(shown(requestSentence(sign(true)))).toBe(`Sign in to «registry.example» as <${ALICE}>`);
    expect(shown(requestSentence({ kind: 'typed_data', account: ALICE, chainId: '31337', action: transfer(), primaryType: 'TransferWithAuthorization' })))
      .toBe(`Transfer *1,234.5* {contract:ACME} to <${BOB}>`);
    expect(shown(requestSentence({ kind: 'add_chain', chain: ACME_CHAIN, localRpc: false, replaces: undefined }))).toBe('Add the network {site:Acme\u202EChain} (chain id *31337*)');
    expect(shown(requestSentence({ kind: 'watch_asset', token: WATCHED }))).toBe(`Show the share token <${TOKEN}> ({contract:ACME})`);
  });

  it('titles each kind of request', () => {
    expect(requestTitle({ kind: 'connect' })).toBe('Connection request');
    expect(requestTitle({ kind: 'add_chain', chain: ACME_CHAIN, localRpc: false, replaces: undefined })).toBe('Add a network');
    expect(requestTitle({ kind: 'watch_asset', token: WATCHED })).toBe('Show a share token');
    expect(requestTitle(sign(true))).toBe('Sign-in request');
    expect(requestTitle({ kind: 'typed_data', account: ALICE, chainId: '1', action: permit(true), primaryType: 'Permit' })).toBe('Permission to move shares');
  });

  it('warns of a sign-in message for another site, naming both', () => {
    expect(shown(signInMismatchWarning('bank.example', 'https://evil.example')))
      .toBe('This sign-in message is for «bank.example», but it was sent by *https://evil.example*. This is a likely phishing attempt.');
  });
});

describe('names a token contract or a site chose', () => {
  const outsideParts = (parts: readonly Part[]) => parts.filter((part) => part.kind === 'outside');

  it('frames a token\'s name and symbol as the contract\'s words, capped, and never as the wallet\'s bold values', () => {
    const parts = [...watchAssetSentence('https://registry.example', WATCHED), ...actionSentence(transfer())];
    expect(parts.filter((part) => part.kind === 'strong').map((part) => part.text)).not.toContain('ACME');
    expect(parts.filter((part) => part.kind === 'strong').map((part) => part.text)).not.toContain('ACME Holdings');
    expect(outsideParts(parts)).toEqual([
      { kind: 'outside', source: 'contract', text: 'ACME', cap: SYMBOL_CAP },
      { kind: 'outside', source: 'contract', text: 'ACME Holdings', cap: NAME_CAP },
      { kind: 'outside', source: 'contract', text: 'ACME', cap: SYMBOL_CAP },
    ]);
  });

  it('puts the token contract\'s address before the name it gives', () => {
    const sentence = watchAssetSentence('https://registry.example', { ...WATCHED, name: 'Acme Holdings \u202Eserahs' });
    const kinds = sentence.filter((part) => part.kind === 'address' || part.kind === 'outside').map((part) => part.kind);
    expect(kinds).toEqual(['address', 'outside', 'outside']);
    const detail = actionDetails(transfer()).find((line) => line.label === 'Share token');
    expect(detail?.parts[0]).toEqual({ kind: 'address', address: TOKEN });
  });

  it('frames a network\'s name and currency as the site\'s words, capped', () => {
    const parts = [...addChainSentence('https://registry.example', ACME_CHAIN), ...addChainDetails(ACME_CHAIN).flatMap((detail) => detail.parts)];
    expect(outsideParts(parts)).toEqual([
      { kind: 'outside', source: 'site', text: 'Acme\u202EChain', cap: NAME_CAP },
      { kind: 'outside', source: 'site', text: 'Acme Ether', cap: NAME_CAP },
      { kind: 'outside', source: 'site', text: 'AETH', cap: SYMBOL_CAP },
    ]);
  });
});

describe('adding a network and showing a token', () => {
  it('says which network a site wants to add, its name apart as the site\'s words and its chain id both ways', () => {
    expect(shown(addChainSentence('https://registry.example', ACME_CHAIN)))
      .toBe('*https://registry.example* wants to add the network {site:Acme\u202EChain} (chain id *31337* / *0x7a69*)');
    expect(shown(addChainCheckedNote(ACME_CHAIN))).toBe('After you approve, the wallet checks that this network answers with chain id *31337*; if it does not, nothing is added.');
  });

  it('names a transaction\'s network by the name the wallet knows it by, framed as the words of whoever added it, and its chain id', () => {
    expect(lines([networkDetail('Acme\u202EChain', '0x7a69')])).toEqual(['Network: {site:Acme\u202EChain} (chain ID #31337)']);
  });

  it('shows the RPC URL in full and the currency and explorer as the site gave them, and no explorer line without one', () => {
    expect(lines(addChainDetails(ACME_CHAIN))).toEqual([
      'RPC URL: «https://rpc.acme.example/v1?key=abc»',
      'Currency: {site:Acme Ether} ({site:AETH})',
      'Decimals: #18',
      'Block explorer: «https://scan.acme.example»',
    ]);
    expect(lines(addChainDetails({ ...ACME_CHAIN, explorerUrl: undefined })).map((line) => line.split(':')[0]))
      .toEqual(['RPC URL', 'Currency', 'Decimals']);
  });

  it('says which token a site asks to show, with the values read from its contract and the contract in full', () => {
    expect(shown(watchAssetSentence('https://registry.example', WATCHED)))
      .toBe(`*https://registry.example* asks the wallet to show the token <${TOKEN}>: {contract:ACME} ({contract:ACME Holdings})`);
    expect(shown(watchAssetSourceNote(WATCHED)))
      .toBe('Name, symbol and decimals were read from the token contract on chain *31337*, not from the site.');
    expect(lines(watchAssetDetails(WATCHED))).toEqual([`Share token: <${TOKEN}>`, 'Decimals: #0', 'Chain ID: #31337']);
  });

  it('reads both requests naturally in Chinese', () => {
    localeState.locale = 'zh_CN';
    expect(shown(addChainSentence('https://registry.example', ACME_CHAIN)))
      .toBe('*https://registry.example* 想添加网络 {site:Acme\u202EChain}（链 ID *31337* / *0x7a69*）');
    expect(shown(watchAssetSentence('https://registry.example', WATCHED))).toBe(`*https://registry.example* 请求钱包显示代币 <${TOKEN}>：{contract:ACME}（{contract:ACME Holdings}）`);
    expect(requestTitle({ kind: 'add_chain', chain: ACME_CHAIN, localRpc: false, replaces: undefined })).toBe('添加网络');
    expect(requestTitle({ kind: 'watch_asset', token: WATCHED })).toBe('显示股份代币');
  });

  it('words another site\'s RPC for a known network as a replacement of its node, with both nodes and who uses it', () => {
    const replaces = { current: { ...ACME_CHAIN, name: 'Acme Chain', rpcUrl: 'http://127.0.0.1:8545/' }, usedBy: ['https://registry.example'], tokens: 2 };
    const request: ApprovalRequest = { kind: 'add_chain', chain: { ...ACME_CHAIN, rpcUrl: 'https://evil.example/' }, localRpc: false, replaces };
    expect(requestTitle(request)).toBe('Replace a network\'s node');
    expect(shown(requestSentence(request))).toBe('Replace the node of network {site:Acme Chain} (chain id *31337*)');
    expect(shown(replaceChainSentence('https://evil.example', replaces)))
      .toBe('*https://evil.example* asks to replace the node of network {site:Acme Chain} (chain id *31337*)');
    expect(lines(replaceChainDetails(request.chain, replaces))).toEqual(['Node now: «http://127.0.0.1:8545/»', 'New node: «https://evil.example/»']);
    expect(replaceChainUsers(replaces).map(shown)).toEqual(['*https://registry.example*', 'your holdings on this network (share tokens: *2*)']);
  });

  it('warns of a node on this computer or network, and names a switch to a network the site did not add', () => {
    expect(shown(localRpcWarning('http://127.0.0.1:8545/'))).toMatch(/^This site asks the wallet to use a server on your own computer or local network \(«127\.0\.0\.1:8545»\)/);
    expect(shown(switchChainSentence('https://other.example', ACME_CHAIN))).toBe('*https://other.example* asks to use your network {site:Acme\u202EChain} (chain id *31337*)');
    expect(requestTitle({ kind: 'switch_chain', chain: ACME_CHAIN })).toBe('Switch network');
    expect(shown(requestSentence({ kind: 'switch_chain', chain: ACME_CHAIN }))).toBe('Switch to the network {site:Acme\u202EChain} (chain id *31337*)');
    localeState.locale = 'zh_CN';
    expect(requestTitle({ kind: 'switch_chain', chain: ACME_CHAIN })).toBe('切换网络');
    expect(shown(localRpcWarning('http://127.0.0.1:8545/'))).toContain('«127.0.0.1:8545»');
  });

  it('writes a chain id in decimal and in hex whichever way it came, and leaves anything else as it is', () => {
    expect(chainIdDecimal('0x7a69')).toBe('31337');
    expect(chainIdDecimal('0X7A69')).toBe('31337');
    expect(chainIdDecimal('31337')).toBe('31337');
    expect(chainIdHex('31337')).toBe('0x7a69');
    expect(chainIdHex('0x7a69')).toBe('0x7a69');
    expect(chainIdDecimal('mainnet')).toBe('mainnet');
    expect(chainIdHex('0x')).toBe('0x');
  });
});

describe('times and origins', () => {
  it('reads unix seconds as a date, and "no end" for times beyond year 9999', () => {
    expect(secondsToMs('0')).toBe(0);
    expect(secondsToMs('1795000000')).toBe(1795000000000);
    expect(secondsToMs('253402300799')).toBe(253402300799000);
    expect(secondsToMs('253402300800')).toBeUndefined();
    expect(secondsToMs(MAX)).toBeUndefined();
    expect(secondsToMs('-1')).toBeUndefined();
  });

  it('splits an origin into its scheme and the rest, so the host can stand out', () => {
    expect(splitOrigin('https://registry.example:8443')).toEqual(['https://', 'registry.example:8443']);
    expect(splitOrigin('null')).toEqual(['', 'null']);
  });
});
