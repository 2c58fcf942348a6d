// The Send screen and "Activate my votes" as drawn: each problem in plain words next to its field, the
// look-alike warning with its confirmation, the user's own rejection as a calm note (not an alert), a
// refusal as an error, both languages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../../src/protocol/private';
import { ErrorText } from '../../../src/ui/components/alerts';
import { ActivationView, heldByParts, VotesNote } from '../../../src/ui/components/votes-note';
import { Field } from '../../../src/ui/components/field';
import { holdingRows, votesNote } from '../../../src/ui/lib/holdings';
import { amountProblemText, proposalOutcome, recipientProblemText } from '../../../src/ui/lib/send-text';
import { UiError } from '../../../src/ui/lib/rpc';
import { SendForm, type SendFormProps } from '../../../src/ui/screens/send-form';
import { RegisterVerdict } from '../../../src/ui/approval/register-verdict';
import { registerQuery } from '../../../src/ui/lib/send-form';
import type { RegisterCheckView } from '../../../src/protocol/register';
import { localeState } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';
import { elementsIn, tagsIn, textOf } from '../../helpers/vnode-tree';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const STRANGER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const SHARE = 10n ** 18n;
const accounts: AccountView[] = [{ index: 0, address: ALICE, name: '' }, { index: 1, address: BOB, name: 'Savings' }];
const token = { chainId: '0x7a69', address: TOKEN, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18 };
const ignore = () => undefined;

function form(overrides: Partial<SendFormProps> = {}) {
  return SendForm({
    token, chainName: 'Acme Chain', senders: [{ account: { index: 0, address: ALICE, name: '' }, balance: 1500n * SHARE }], from: ALICE,
    recipient: '', amount: '', recipientError: undefined, amountError: undefined, lookalike: undefined, lookalikeChecked: false,
    lookalikeError: undefined, register: null, registerAccepted: false, registerError: undefined, outcome: undefined, busy: false,
    onFrom: ignore, onRecipient: ignore, onAmount: ignore, onLookalikeChecked: ignore, onRegisterAccepted: ignore, onSubmit: ignore, onBack: ignore,
    ...overrides,
  });
}

/** The text of the elements with `role` in `root` (an ErrorText is an alert: its <p role="alert"> is inside it). */
const withRole = (root: unknown, role: string) => elementsIn(root as never)
  .filter((element) => element.props.role === role || (role === 'alert' && element.type === ErrorText)).map(textOf);
const fields = (root: unknown) => elementsIn(root as never).filter((element) => (element.type as unknown) === Field)
  .map((element) => element.props as unknown as { label: string; error?: string; hint?: string; disabled?: boolean });

beforeEach(() => { localeState.locale = 'en'; });

describe('the Send screen', () => {
  it('asks for the account, the recipient and the amount, and offers Back and Send', () => {
    const screen = form();
    expect(fields(screen).map((field) => field.label)).toEqual(['Recipient address', 'Amount']);
    expect(textOf(tagsIn(screen, 'label'))).toContain('From account');
    expect(tagsIn(screen, 'option').map(textOf)).toEqual(['Account 1 · 0xf39F…2266 · 1,500 shares']);
    expect(tagsIn(screen, 'button').map(textOf)).toEqual(['Back', 'Send']);
    expect(fields(screen)[1]?.hint).toBe('This account holds 1,500 shares.');
  });

  it('shows each problem in plain words at its field', () => {
    const screen = form({ recipientError: recipientProblemText('checksum'), amountError: amountProblemText('above-balance', 18, 1500n * SHARE) });
    expect(fields(screen).map((field) => field.error)).toEqual([
      'This address has a typo: its mix of capital and small letters does not match its checksum (EIP-55). Copy it again from the recipient.',
      'This account holds only 1,500 shares.',
    ]);
  });

  it('warns of a look-alike recipient with both full addresses, and asks the user to confirm it', () => {
    const screen = form({ lookalike: { recipient: STRANGER, imitates: BOB }, lookalikeError: 'Check the address against the recipient\'s own copy, then tick the box.' });
    const warning = elementsIn(screen).find((element) => element.props.role === 'alert' && elementsIn(element).some((inner) => Array.isArray(inner.props.parts)));
    const parts = elementsIn(warning).find((element) => Array.isArray(element.props.parts))?.props.parts;
    expect(shown(parts as never)).toBe(`The recipient <${STRANGER}> looks like <${BOB}>, an address you know, but is not it. Check every character: look-alike addresses are used to steal.`);
    expect(tagsIn(screen, 'input').map((input) => input.props.type)).toEqual(['checkbox']);
    expect(textOf(tagsIn(screen, 'label'))).toContain('I have checked every character: this is the address I mean');
  });

  it('tells a rejection in the approval window calmly, in the status region and not as an alert', () => {
    const screen = form({ outcome: proposalOutcome(new UiError('rejected', 'the transaction was rejected in the approval window; nothing was sent')) });
    expect(withRole(screen, 'status').join('')).toBe('You rejected the transfer in the approval window. Nothing was sent; you can change it and send again.');
    expect(withRole(screen, 'alert')).toEqual([]);
  });

  it('shows a refusal as an error with the wallet\'s reason', () => {
    const screen = form({ outcome: proposalOutcome(new UiError('internal', 'the network refused the transaction: insufficient funds for gas * price + value')) });
    expect(withRole(screen, 'alert')).toEqual(['The shares were not sent: the network refused the transaction: insufficient funds for gas * price + value.']);
  });

  it('says it waits for the approval window while the proposal is out, with the fields disabled', () => {
    const screen = form({ busy: true });
    expect(withRole(screen, 'status').join('')).toBe('Waiting for your decision in the approval window…');
    expect(fields(screen).map((field) => field.disabled)).toEqual([true, true]);
  });

  it('shows the register\'s verdict on the transfer as typed, and asks for a deliberate tick only on a refusal', () => {
    const refused: RegisterCheckView = {
      kind: 'refused', standard: 'erc3643', refusal: { rule: 'recipient-unverified', account: STRANGER }, transfer: { index: 0, count: 1, to: STRANGER, amount: '1' },
    };
    const unchecked: RegisterCheckView = { kind: 'unchecked', standard: 'erc3643', cause: 'node', message: 'the node at http://127.0.0.1:8545 could not be reached' };
    const verdictOf = (screen: unknown) => elementsIn(screen as never).find((element) => element.type === RegisterVerdict)?.props;
    const checkboxes = (screen: unknown) => tagsIn(screen as never, 'label').map(textOf).filter((label) => label.includes('anyway'));
    expect(verdictOf(form({ register: 'checking' }))).toMatchObject({ check: 'checking', token: { address: TOKEN, known: { symbol: 'ACME', decimals: 18 } } });
    expect(checkboxes(form({ register: unchecked }))).toEqual([]);
    expect(checkboxes(form({ register: { kind: 'accepted', standard: 'erc3643' } }))).toEqual([]);
    const screen = form({ register: refused, registerError: 'Tick the box above to send a transfer the register refuses, or change the transfer.' });
    expect(checkboxes(screen)).toEqual(['Send it anyway: I understand the register will refuse this transfer and it still costs a fee']);
    expect(withRole(screen, 'alert')).toContain('Tick the box above to send a transfer the register refuses, or change the transfer.');
  });

  it('asks the register about the transfer as it would be proposed: the token, the account, the recipient and raw units', () => {
    expect(registerQuery({ ...token, chainId: '31337' }, { from: ALICE, to: BOB, units: 5n * SHARE })).toEqual({
      chainId: '0x7a69', token: TOKEN, from: ALICE, to: BOB, amount: '5000000000000000000',
    });
  });

  it('words every problem in Chinese too', () => {
    localeState.locale = 'zh_CN';
    expect(recipientProblemText('not-address')).toBe('这不是一个地址：地址是 0x 后跟 40 个字符，每个字符为 0-9 或 a-f。');
    expect(amountProblemText('too-many-decimals', 0, 0n)).toBe('此股份不可拆分：请转让整数股。');
    expect(amountProblemText('too-many-decimals', 2, 0n)).toBe('此股份的小数点后最多 2 位。');
    expect(amountProblemText('above-balance', 18, 250n * SHARE)).toBe('此账户只持有 250 股。');
    expect(withRole(form({ outcome: { kind: 'rejected' } }), 'status').join('')).toBe('您在批准窗口中拒绝了此次转让，未发送任何内容；您可以修改后重新转让。');
  });
});

describe('the votes of an account\'s shares', () => {
  const holdings = (delegate: string | null, balance = (800n * SHARE).toString()) => ({
    token, chainName: 'Acme Chain', hasVotes: true, total: balance,
    accounts: [{ address: ALICE, balance, votes: delegate === null ? '0' : balance, delegate }],
  });
  const row = (delegate: string | null, balance?: string) => {
    const [first] = holdingRows(holdings(delegate, balance), accounts);
    if (first === undefined) throw new Error('no row');
    return first;
  };

  it('offers "Activate my votes" where shares were never delegated, saying they carry no votes', () => {
    expect(votesNote(row(null))).toEqual({ kind: 'inactive' });
    const view = ActivationView({ balance: '800', busy: false, outcome: undefined, onActivate: ignore });
    expect(textOf(tagsIn(view, 'p'))).toBe('Your 800 shares carry no votes.');
    expect(tagsIn(view, 'button').map(textOf)).toEqual(['Activate my votes']);
  });

  it('says nothing more where the account votes itself, holds no shares, or the token has no votes', () => {
    expect(votesNote(row(ALICE))).toBeUndefined();
    expect(votesNote(row(null, '0'))).toBeUndefined();
    const [plain] = holdingRows({ ...holdings(null), hasVotes: false }, accounts);
    expect(plain === undefined ? 'no row' : votesNote(plain)).toBeUndefined();
    expect(VotesNote({ token, row: row(ALICE) })).toBeNull();
  });

  it('says who casts the votes of shares delegated to another address: an account by its name, else the address', () => {
    const toBob = votesNote(row(BOB));
    const toStranger = votesNote(row(STRANGER));
    if (toBob?.kind !== 'held-by' || toStranger?.kind !== 'held-by') throw new Error('expected held-by notes');
    expect(shown(heldByParts(toBob, '800'))).toBe('The votes of these *800* shares are cast by *Savings*.');
    expect(shown(heldByParts(toStranger, '800'))).toBe(`The votes of these *800* shares are cast by <${STRANGER}>.`);
    expect(tagsIn(VotesNote({ token, row: row(STRANGER) }), 'button')).toEqual([]);
  });

  it('tells a rejected activation calmly and a refused one as an error, in English and Chinese', () => {
    const rejected = ActivationView({ balance: '800', busy: false, outcome: { kind: 'rejected' }, onActivate: ignore });
    expect(withRole(rejected, 'status').join('')).toBe('You rejected it in the approval window; your votes are not activated.');
    expect(withRole(rejected, 'alert')).toEqual([]);
    const refused = ActivationView({ balance: '800', busy: false, outcome: { kind: 'failed', reason: 'the wallet is locked' }, onActivate: ignore });
    expect(withRole(refused, 'alert')).toEqual(['Your votes were not activated: the wallet is locked.']);
    localeState.locale = 'zh_CN';
    expect(textOf(tagsIn(ActivationView({ balance: '800', busy: false, outcome: undefined, onActivate: ignore }), 'p'))).toBe('您的 800 股目前没有投票权。');
    expect(tagsIn(ActivationView({ balance: '800', busy: false, outcome: undefined, onActivate: ignore }), 'button').map(textOf)).toEqual(['激活我的投票权']);
  });

  it('does not press again while the first activation waits for the approval window', () => {
    const pressed: number[] = [];
    const button = tagsIn(ActivationView({ balance: '800', busy: true, outcome: undefined, onActivate: () => { pressed.push(1); } }), 'button')[0];
    (button?.props.onClick as () => void)();
    expect(pressed).toEqual([]);
  });
});

describe('a failed proposal in the user\'s words', () => {
  it('keeps the user\'s rejection apart from a wrong state or an unreachable wallet', () => {
    expect(proposalOutcome(new UiError('rejected', 'x'))).toEqual({ kind: 'rejected' });
    expect(proposalOutcome(new UiError('wrong-state', 'the wallet is locked.'))).toEqual({ kind: 'failed', reason: 'the wallet is locked' });
    expect(proposalOutcome(new UiError('unreachable', 'transactions.propose: the background did not answer'))).toEqual({
      kind: 'failed', reason: 'The wallet is not responding. Close this window and open the wallet again',
    });
    expect(proposalOutcome(new Error('boom'))).toEqual({ kind: 'failed', reason: 'The wallet could not complete this. Please try again' });
  });
});
