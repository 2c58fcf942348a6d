// The share register's verdict in words, read with the real English and Chinese messages: accepted, every
// rule that refuses, which transfer of a batch, and "could not check" with its reason, plus the deliberate
// step a definite "no" asks for (and "could not check" never does).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallsRequestView, TransactionRequestView } from '../../../src/protocol/transactions';
import type { RegisterCheckView } from '../../../src/protocol/register';
import { callsReady } from '../../../src/ui/approval/calls-sentence';
import { registerRefuses, registerVerdictWords } from '../../../src/ui/approval/register-sentence';
import { checkAt, RegisterVerdict } from '../../../src/ui/approval/register-verdict';
import type { TokenView } from '../../../src/ui/approval/sentence';
import { initialDraft, needsSendAnyway, transactionReady } from '../../../src/ui/approval/transaction-draft';
import { TypedDataBody } from '../../../src/ui/approval/typed-data';
import { localeState, type TestLocale } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';
import { elementsIn, tagsIn, textOf } from '../../helpers/vnode-tree';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const HOLDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const OUTSIDER = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const NRDW: TokenView = { address: TOKEN, chainId: '0x7a69', known: { name: 'Nordwind Bank Restricted Shares', symbol: 'NRDW', decimals: 18 } };
const UNKNOWN: TokenView = { address: TOKEN, chainId: '0x7a69', known: undefined };
const shares = (n: number) => (BigInt(n) * 10n ** 18n).toString();
const ONE = { index: 0, count: 1, to: OUTSIDER, amount: shares(100) };

type Refusal = Extract<RegisterCheckView, { kind: 'refused' }>['refusal'];

function refused(refusal: Refusal, transfer = ONE, standard: 'erc3643' | 'erc7943' = 'erc3643'): RegisterCheckView {
  return { kind: 'refused', standard, refusal, transfer };
}

const partlyFrozen = refused({ rule: 'insufficient-available', account: HOLDER, amount: shares(950), balance: shares(1000), frozen: shares(100), available: shares(900) });
const unchecked: RegisterCheckView = { kind: 'unchecked', standard: 'erc3643', cause: 'node', message: 'the node at http://127.0.0.1:8545 could not be reached' };

/** Every verdict and what a reader sees in `locale`: the sentence, then a batch's detail or the reason's details. */
function words(check: RegisterCheckView, token: TokenView = NRDW): string[] | undefined {
  const found = registerVerdictWords(check, token);
  if (found === undefined) return undefined;
  return [found.tone, shown(found.sentence), ...(found.detail === undefined ? [] : [shown(found.detail)]), ...(found.message === undefined ? [] : [shown(found.message)])];
}

const CASES: [string, RegisterCheckView][] = [
  ['accepted', { kind: 'accepted', standard: 'erc3643' }],
  ['paused', refused({ rule: 'paused' })],
  ['sender-frozen', refused({ rule: 'sender-frozen', account: HOLDER })],
  ['recipient-frozen', refused({ rule: 'recipient-frozen', account: OUTSIDER })],
  ['insufficient-available (part frozen)', partlyFrozen],
  ['insufficient-available (nothing frozen)', refused({ rule: 'insufficient-available', account: HOLDER, amount: shares(100), balance: shares(50), frozen: '0', available: shares(50) })],
  ['recipient-unverified', refused({ rule: 'recipient-unverified', account: OUTSIDER })],
  ['compliance', refused({ rule: 'compliance', reverted: false })],
  ['compliance (reverted)', refused({ rule: 'compliance', reverted: true })],
  ['sender-not-allowed', refused({ rule: 'sender-not-allowed', account: HOLDER }, ONE, 'erc7943')],
  ['recipient-not-allowed', refused({ rule: 'recipient-not-allowed', account: OUTSIDER }, ONE, 'erc7943')],
  ['transfer-not-allowed', refused({ rule: 'transfer-not-allowed' }, ONE, 'erc7943')],
  ['unchecked (node)', unchecked],
  ['unchecked (answer)', { ...unchecked, cause: 'answer' }],
  ['unchecked (standard)', { kind: 'unchecked', standard: 'erc7943', cause: 'standard', message: `the token at ${TOKEN} no longer declares ERC-7943` }],
];

const EXPECTED: Record<TestLocale, string[][]> = {
  en: [
    ['accepted', 'The register would accept this transfer'],
    ['refused', '{contract:NRDW} is paused by its issuer'],
    ['refused', `The sending account <${HOLDER}> is frozen by the register`],
    ['refused', `The recipient <${OUTSIDER}> is frozen by the register`],
    ['refused', '*100* of your *1,000* {contract:NRDW} are frozen; *900* can move'],
    ['refused', 'Your account holds only *50* {contract:NRDW}; this transfer moves *100* {contract:NRDW}'],
    ['refused', `<${OUTSIDER}> is not a verified investor of {contract:Nordwind Bank Restricted Shares}`],
    ['refused', 'The register\'s compliance rules refuse this transfer'],
    ['refused', 'The register\'s compliance check refuses this transfer: it failed instead of answering'],
    ['refused', `The register does not allow <${HOLDER}> to send {contract:NRDW}`],
    ['refused', `The register does not allow <${OUTSIDER}> to receive {contract:NRDW}`],
    ['refused', 'The register\'s rules do not allow this transfer'],
    ['unchecked', 'Could not check with the register: the network\'s node failed to answer. You can still decide.', 'Details: {node:the node at http://127.0.0.1:8545 could not be reached}'],
    ['unchecked', 'Could not check with the register: the token\'s contracts answered something the wallet cannot read. You can still decide.', 'Details: {node:the node at http://127.0.0.1:8545 could not be reached}'],
    ['unchecked', 'Could not check with the register: the token no longer declares the standard it was recognised by. You can still decide.', `Details: {node:the token at ${TOKEN} no longer declares ERC-7943}`],
  ],
  zh_CN: [
    ['accepted', '股东名册会接受这笔转让'],
    ['refused', '{contract:NRDW} 已被发行人暂停'],
    ['refused', `转出账户 <${HOLDER}> 已被股东名册冻结`],
    ['refused', `接收方 <${OUTSIDER}> 已被股东名册冻结`],
    ['refused', '您的 *1,000* 股 {contract:NRDW} 中有 *100* 股被冻结;可转让 *900* 股'],
    ['refused', '您的账户只持有 *50* 股 {contract:NRDW};这笔转让需要 *100* 股 {contract:NRDW}'],
    ['refused', `<${OUTSIDER}> 不是 {contract:Nordwind Bank Restricted Shares} 的已验证投资者`],
    ['refused', '股东名册的合规规则拒绝这笔转让'],
    ['refused', '股东名册的合规检查拒绝这笔转让:检查失败,没有给出答复'],
    ['refused', `股东名册不允许 <${HOLDER}> 转出 {contract:NRDW}`],
    ['refused', `股东名册不允许 <${OUTSIDER}> 接收 {contract:NRDW}`],
    ['refused', '股东名册的规则不允许这笔转让'],
    ['unchecked', '无法向股东名册核对:网络节点未能应答。您仍可自行决定。', '详情:{node:the node at http://127.0.0.1:8545 could not be reached}'],
    ['unchecked', '无法向股东名册核对:代币合约的回答无法读取。您仍可自行决定。', '详情:{node:the node at http://127.0.0.1:8545 could not be reached}'],
    ['unchecked', '无法向股东名册核对:代币合约不再声明原先识别到的标准。您仍可自行决定。', `详情:{node:the token at ${TOKEN} no longer declares ERC-7943}`],
  ],
};

beforeEach(() => { localeState.locale = 'en'; });

describe('the register\'s verdict in words', () => {
  for (const locale of ['en', 'zh_CN'] as const) {
    it(`names every rule that refuses, the acceptance and each reason it could not check, in ${locale}`, () => {
      localeState.locale = locale;
      expect(CASES.map(([, check]) => words(check))).toEqual(EXPECTED[locale]);
    });
  }

  it('shows nothing for a plain token', () => {
    expect(registerVerdictWords({ kind: 'unrestricted' }, NRDW)).toBeUndefined();
  });

  it('says which transfer of a batch the register refuses', () => {
    const batch = refused({ rule: 'recipient-unverified', account: OUTSIDER }, { index: 1, count: 3, to: OUTSIDER, amount: shares(20) });
    expect(words(batch)?.[2]).toBe(`Refused: transfer *2* of *3*, *20* {contract:NRDW} to <${OUTSIDER}>`);
    localeState.locale = 'zh_CN';
    expect(words(batch)?.[2]).toBe(`被拒绝的是第 *2* 笔(共 *3* 笔):*20* 股 {contract:NRDW} 转给 <${OUTSIDER}>`);
  });

  it('counts raw units and names the contract by its address when the wallet does not know the token', () => {
    expect(words(partlyFrozen, UNKNOWN)?.[1]).toBe(
      `*100,000,000,000,000,000,000* of your *1,000,000,000,000,000,000,000* units of an unknown token <${TOKEN}> are frozen; *900,000,000,000,000,000,000* can move`);
    expect(words(refused({ rule: 'recipient-unverified', account: OUTSIDER }), UNKNOWN)?.[1]).toBe(`<${OUTSIDER}> is not a verified investor of unknown token <${TOKEN}>`);
  });
});

describe('the deliberate step a refusal asks for', () => {
  const accepted: RegisterCheckView = { kind: 'accepted', standard: 'erc3643' };
  const no = refused({ rule: 'recipient-unverified', account: OUTSIDER });

  it('is asked only for a definite "no", never for "could not check", a plain token or a request that moves no shares', () => {
    expect(registerRefuses([no])).toBe(true);
    expect(registerRefuses([null, accepted, no])).toBe(true);
    expect(registerRefuses([unchecked])).toBe(false);
    expect(registerRefuses([{ kind: 'unrestricted' }, accepted, null])).toBe(false);
    expect(registerRefuses(undefined)).toBe(false);
  });

  it('keeps Approve of a refused transaction disabled until "Send it anyway" is ticked, and enabled when the register could not check', () => {
    const view = { fees: { proposed: { type: 'eip1559', maxFeePerGas: '2000000000', maxPriorityFeePerGas: '1000000000' } }, failure: undefined } as unknown as TransactionRequestView;
    const draft = initialDraft(view);
    expect(needsSendAnyway(view, true)).toBe(true);
    expect(transactionReady(view, draft, registerRefuses([no]))).toBe(false);
    expect(transactionReady(view, { ...draft, failureAccepted: true }, registerRefuses([no]))).toBe(true);
    expect(needsSendAnyway(view, registerRefuses([unchecked]))).toBe(false);
    expect(transactionReady(view, draft, registerRefuses([unchecked]))).toBe(true);
  });

  it('keeps Approve of a batch with a refused call disabled until "Send it anyway" is ticked', () => {
    const batch = { calls: [{ failure: undefined }, { failure: undefined }] } as unknown as CallsRequestView;
    expect(callsReady(batch, false, registerRefuses([null, no]))).toBe(false);
    expect(callsReady(batch, true, registerRefuses([null, no]))).toBe(true);
    expect(callsReady(batch, false, registerRefuses([null, unchecked]))).toBe(true);
  });

  it('offers "Sign it anyway" on a signed transfer the register refuses, and shows the refusal as an alert', () => {
    const request = {
      kind: 'typed_data', account: HOLDER, chainId: '0x7a69', primaryType: 'TransferWithAuthorization',
      action: { kind: 'transfer', token: NRDW, from: HOLDER, to: OUTSIDER, amount: shares(100), validAfter: '0', validBefore: '4102444800', submitter: 'anyone' },
    } as const;
    const body = (checks: (RegisterCheckView | null)[]) => TypedDataBody({
      request, accounts: [], register: { name: 'done', checks }, votes: { name: 'done', facts: [] }, signAnyway: false, onSignAnyway: () => undefined,
    });
    const labels = (root: unknown) => tagsIn(root as never, 'label').map(textOf);
    expect(labels(body([no]))).toEqual(['Sign it anyway: I understand the register will refuse this transfer']);
    expect(labels(body([unchecked]))).toEqual([]);
    expect(labels(body([accepted]))).toEqual([]);
    const verdict = elementsIn(body([no])).find((element) => element.type === RegisterVerdict);
    expect(verdict?.props).toMatchObject({ check: no, token: NRDW });
    const drawn = RegisterVerdict({ check: no, token: NRDW });
    expect(elementsIn(drawn).some((element) => element.props.role === 'alert')).toBe(true);
    expect(RegisterVerdict({ check: { kind: 'unrestricted' }, token: NRDW })).toBeNull();
    expect(checkAt({ name: 'checking' }, 0)).toBe('checking');
    expect(checkAt({ name: 'done', checks: [] }, 0)).toBeNull();
  });
});
