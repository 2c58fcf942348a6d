// Transactions' calls in plain words, read with the real English and Chinese messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localeState } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';
import type { ApprovalRequest } from '../../../src/protocol/approvals';
import type { CallView, NativeCurrencyView, TransactionRequestView } from '../../../src/protocol/transactions';
import { attachedValue, callDetails, callLines, callSentence, callTitle, nativeAmount } from '../../../src/ui/approval/call-sentence';
import { requestSentence, requestTitle, type Detail } from '../../../src/ui/approval/sentence';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const ALICE = '0x8617E340B3D01FA5F11F306F4090FD50E238070D';
const BOB = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const TOKEN = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const GOVERNOR = '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB';
const ETH: NativeCurrencyView = { symbol: 'ETH', decimals: 18 };
const ACME = { address: TOKEN, chainId: '31337', known: { name: 'ACME Holdings', symbol: 'ACME', decimals: 18 } };
const UNKNOWN = { address: TOKEN, chainId: '31337', known: undefined };
const PROPOSAL = '1234567890123456789012345678901234567890';

type Action = CallView['action'];

function call(action: Action, value = '0'): CallView {
  const to = action.kind === 'contract-creation' ? undefined : action.kind === 'native-transfer' ? action.to : TOKEN;
  return { chainId: '31337', to, value, action, trailingData: undefined, warnings: [] };
}

const sentence = (action: Action, value = '0') => shown(callSentence(call(action, value), ETH));
const lines = (details: readonly Detail[]) => details.map((detail) => `${detail.label}: ${shown(detail.parts)}`);

const vote = (bySignature: boolean): Action => ({
  kind: 'vote', governor: GOVERNOR, chainId: '31337', proposalId: PROPOSAL, support: 'for', voter: BOB, bySignature,
  reason: 'I back the\u202E plan', params: '0x1234',
});
const proposalCalls = [
  { target: TOKEN, value: '0', calldata: '0xa9059cbb' },
  { target: BOB, value: '1000000000000000000', calldata: '0x' },
];

beforeEach(() => { localeState.locale = 'en'; });

describe('calls of a transaction in plain words', () => {
  it('says a native transfer in the currency with its decimals, the symbol framed as the network\'s words', () => {
    expect(sentence({ kind: 'native-transfer', to: BOB }, '500000000000000000')).toBe(`Send *0.5* {site:ETH} to <${BOB}>`);
  });

  it('says a contract creation with the size of its code', () => {
    expect(sentence({ kind: 'contract-creation', bytecode: `0x${'60'.repeat(1500)}` })).toBe('Create a new contract from *1,500* bytes of code');
  });

  it('says a token transfer in the token\'s units and symbol', () => {
    expect(sentence({ kind: 'token-transfer', token: ACME, to: BOB, amount: '100000000000000000000' })).toBe(`Transfer *100* {contract:ACME} to <${BOB}>`);
  });

  it('says a transfer of an unknown token in raw units with the contract address', () => {
    expect(sentence({ kind: 'token-transfer', token: UNKNOWN, to: BOB, amount: '100' }))
      .toBe(`Transfer *100* units of an unknown token <${TOKEN}> to <${BOB}>`);
  });

  it('says a transferFrom with both parties', () => {
    expect(sentence({ kind: 'token-transfer-from', token: ACME, from: ALICE, to: BOB, amount: '2500000000000000000' }))
      .toBe(`Move *2.5* {contract:ACME} from <${ALICE}> to <${BOB}> under an allowance`);
  });

  it('says a limited approval with its amount, and an unlimited one as all your shares', () => {
    expect(sentence({ kind: 'token-approve', token: ACME, spender: BOB, amount: '5000000000000000000', unlimited: false }))
      .toBe(`Allow <${BOB}> to move up to *5* {contract:ACME} of yours`);
    expect(sentence({ kind: 'token-approve', token: ACME, spender: BOB, amount: '1', unlimited: true }))
      .toBe(`Allow <${BOB}> to move all your {contract:ACME}, with no limit`);
  });

  it('says a batch transfer with its count and lists each transfer on its own line', () => {
    const batch: Action = { kind: 'token-batch-transfer', token: ACME, transfers: [{ to: ALICE, amount: '1000000000000000000' }, { to: BOB, amount: '2000000000000000000' }] };
    expect(sentence(batch)).toBe('Transfer {contract:ACME} to *2* recipients');
    expect(callLines(call(batch), ETH).map(shown)).toEqual([`Transfer *1* {contract:ACME} to <${ALICE}>`, `Transfer *2* {contract:ACME} to <${BOB}>`]);
  });

  it('says an ERC-3009 submission as the signer\'s authorization, and a receive as money coming in', () => {
    const base = { token: ACME, from: ALICE, to: BOB, amount: '7000000000000000000', validAfter: '0', validBefore: '1795000000', nonce: `0x${'ab'.repeat(32)}` };
    expect(sentence({ kind: 'authorized-transfer', mode: 'transfer', ...base }))
      .toBe(`Submit the signed authorization of <${ALICE}> to transfer *7* {contract:ACME} to <${BOB}>`);
    expect(sentence({ kind: 'authorized-transfer', mode: 'receive', ...base }))
      .toBe(`Receive *7* {contract:ACME} from <${ALICE}> with their signed authorization, into <${BOB}>`);
    expect(lines(callDetails(call({ kind: 'authorized-transfer', mode: 'transfer', ...base })))).toContain(`Authorization nonce: #0x${'ab'.repeat(32)}`);
  });

  it('says delegating to oneself as activating votes, and to another as giving them away', () => {
    expect(sentence({ kind: 'delegate', token: ACME, delegatee: ALICE, toSelf: true })).toBe('Activate your {contract:ACME} votes');
    expect(callTitle({ kind: 'delegate', token: ACME, delegatee: ALICE, toSelf: true })).toBe('Activate your votes');
    expect(sentence({ kind: 'delegate', token: ACME, delegatee: BOB, toSelf: false })).toBe(`Give your {contract:ACME} votes to <${BOB}>`);
  });

  it('says a delegation by signature as a submitted delegation', () => {
    expect(sentence({ kind: 'delegate-by-signature', token: ACME, delegatee: BOB, nonce: '0', expiry: '1795000000' }))
      .toBe(`Submit a signed delegation: its signer's {contract:ACME} votes go to <${BOB}>`);
  });

  it('says a vote with its support and proposal, and shows the reason and params as page text', () => {
    expect(sentence(vote(false))).toBe(`Vote *FOR* on proposal #${PROPOSAL}`);
    expect(sentence(vote(true))).toBe(`Submit the signed vote of <${BOB}>: *FOR* on proposal #${PROPOSAL}`);
    expect(lines(callDetails(call(vote(false))))).toEqual(expect.arrayContaining(['Reason: «I back the\u202E plan»', 'Extra vote data: «0x1234»']));
  });

  it('says a proposal with its calls, one line each, and its description as page text', () => {
    const propose: Action = { kind: 'propose', governor: GOVERNOR, calls: proposalCalls, description: '# Pay the auditors' };
    expect(sentence(propose)).toBe(`Propose, at governor <${GOVERNOR}>, a decision that makes *2* calls`);
    expect(callLines(call(propose), ETH).map(shown)).toEqual([
      `Call <${TOKEN}>, sending *0* {site:ETH}, with data #0xa9059cbb`,
      `Call <${BOB}>, sending *1* {site:ETH}, with data #0x`,
    ]);
    expect(lines(callDetails(call(propose)))).toContain('Description: «# Pay the auditors»');
  });

  it('says queue and execute with the governor, the calls and the description hash', () => {
    const hash = `0x${'cd'.repeat(32)}`;
    expect(sentence({ kind: 'queue', governor: GOVERNOR, calls: proposalCalls, descriptionHash: hash }))
      .toBe(`Queue the proposal at governor <${GOVERNOR}> that makes *2* calls`);
    const execute: Action = { kind: 'execute', governor: GOVERNOR, calls: proposalCalls, descriptionHash: hash };
    expect(sentence(execute)).toBe(`Execute the proposal at governor <${GOVERNOR}> that makes *2* calls`);
    expect(callLines(call(execute), ETH)).toHaveLength(2);
    expect(lines(callDetails(call(execute)))).toContain(`Description hash: #${hash}`);
  });

  it('says an unrecognised call by its selector and contract, and data too short for a selector as data', () => {
    expect(sentence({ kind: 'unknown', to: TOKEN, selector: '0x12345678', data: '0x12345678abcd' }))
      .toBe(`Call the unrecognised function #0x12345678 of contract <${TOKEN}>`);
    expect(sentence({ kind: 'unknown', to: TOKEN, selector: undefined, data: '0x12' })).toBe(`Send unrecognised data to contract <${TOKEN}>`);
  });

  it('mentions the currency a contract call also sends, and nothing for a call that sends none', () => {
    const transfer: Action = { kind: 'token-transfer', token: ACME, to: BOB, amount: '1' };
    expect(shown(attachedValue(call(transfer, '250000000000000000'), ETH) ?? [])).toBe('This call also sends *0.25* {site:ETH} to the contract.');
    expect(attachedValue(call(transfer), ETH)).toBeUndefined();
    expect(attachedValue(call({ kind: 'native-transfer', to: BOB }, '5'), ETH)).toBeUndefined();
  });

  it('formats native amounts with the network\'s decimals', () => {
    expect(shown(nativeAmount('1234500000', { symbol: 'GWEI6', decimals: 6 }))).toBe('*1,234.5* {site:GWEI6}');
  });
});

describe('calls in Chinese', () => {
  beforeEach(() => { localeState.locale = 'zh_CN'; });

  it('words every kind of call in Chinese', () => {
    expect(sentence({ kind: 'native-transfer', to: BOB }, '500000000000000000')).toBe(`向 <${BOB}> 发送 *0.5* 枚 {site:ETH}`);
    expect(sentence({ kind: 'contract-creation', bytecode: '0x6060' })).toBe('用 *2* 字节的代码创建一个新合约');
    expect(sentence({ kind: 'token-transfer', token: ACME, to: BOB, amount: '100000000000000000000' })).toContain(`<${BOB}>`);
    expect(sentence({ kind: 'token-transfer-from', token: ACME, from: ALICE, to: BOB, amount: '1000000000000000000' }))
      .toBe(`凭授权额度将 *1* 股 {contract:ACME} 从 <${ALICE}> 转给 <${BOB}>`);
    expect(sentence({ kind: 'token-approve', token: ACME, spender: BOB, amount: '1', unlimited: true })).toBe(`允许 <${BOB}> 无限额动用您的全部 {contract:ACME}`);
    expect(sentence({ kind: 'token-approve', token: ACME, spender: BOB, amount: '1000000000000000000', unlimited: false })).toBe(`允许 <${BOB}> 动用您最多 *1* 股 {contract:ACME}`);
    expect(sentence({ kind: 'token-batch-transfer', token: ACME, transfers: [] })).toBe('向 *0* 个接收方转让 {contract:ACME}');
    expect(sentence({ kind: 'delegate', token: ACME, delegatee: ALICE, toSelf: true })).toBe('启用您的 {contract:ACME} 投票权');
    expect(sentence({ kind: 'delegate', token: ACME, delegatee: BOB, toSelf: false })).toBe(`将您的 {contract:ACME} 投票权交给 <${BOB}>`);
    expect(sentence({ kind: 'delegate-by-signature', token: ACME, delegatee: BOB, nonce: '0', expiry: '0' })).toBe(`提交已签署的委托:签署人的 {contract:ACME} 投票权交给 <${BOB}>`);
    expect(sentence(vote(true))).toBe(`提交 <${BOB}> 已签署的投票:对提案 #${PROPOSAL} 投*赞成*票`);
    expect(sentence({ kind: 'propose', governor: GOVERNOR, calls: proposalCalls, description: 'x' })).toBe(`在治理合约 <${GOVERNOR}> 发起一项包含 *2* 个调用的提案`);
    expect(sentence({ kind: 'queue', governor: GOVERNOR, calls: [], descriptionHash: '0x' })).toBe(`将治理合约 <${GOVERNOR}> 中包含 *0* 个调用的提案排入执行队列`);
    expect(sentence({ kind: 'execute', governor: GOVERNOR, calls: [], descriptionHash: '0x' })).toBe(`执行治理合约 <${GOVERNOR}> 中包含 *0* 个调用的提案`);
    expect(sentence({ kind: 'unknown', to: TOKEN, selector: '0x12345678', data: '0x12345678' })).toBe(`调用合约 <${TOKEN}> 中无法识别的函数 #0x12345678`);
    expect(sentence({ kind: 'unknown', to: TOKEN, selector: undefined, data: '0x' })).toBe(`向合约 <${TOKEN}> 发送无法识别的数据`);
  });

  it('gives every kind of call a Chinese heading', () => {
    expect(callTitle({ kind: 'native-transfer', to: BOB })).toBe('发送网络原生币');
    expect(callTitle({ kind: 'unknown', to: TOKEN, selector: undefined, data: '0x' })).toBe('调用合约');
    expect(callTitle(vote(true))).toBe('提交已签署的投票');
  });
});

describe('a transaction request as the Activity list and the window heading read it', () => {
  const transaction: TransactionRequestView = {
    chainId: '0x7a69', networkName: 'Anvil', from: ALICE, call: call({ kind: 'token-transfer', token: ACME, to: BOB, amount: '1000000000000000000' }),
    data: '0xa9059cbb', nativeCurrency: ETH, gas: '60000', nonce: '3', failure: undefined, lookalike: undefined,
    fees: { proposed: { type: 'eip1559', maxFeePerGas: '2', maxPriorityFeePerGas: '1' }, suggested: undefined, suggestedUsed: false, baseFeePerGas: '1' },
  };
  const request: ApprovalRequest = { kind: 'transaction', transaction };

  it('titles the request by its call and says the call in the list', () => {
    expect(requestTitle(request)).toBe('Share transfer');
    expect(shown(requestSentence(request))).toBe(`Transfer *1* {contract:ACME} to <${BOB}>`);
  });
});
