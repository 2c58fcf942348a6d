// The vote controls as drawn: why no vote can be cast, in plain words instead of the controls; the account
// choice only when several accounts can vote; For / Against / Abstain; the user's own rejection as a calm
// note and a refusal as an alert, in both languages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../../src/protocol/private';
import { ChoiceGroup } from '../../../src/ui/components/choice-group';
import { ErrorText } from '../../../src/ui/components/alerts';
import { UiError } from '../../../src/ui/lib/rpc';
import { proposalOutcome } from '../../../src/ui/lib/send-text';
import { VoteForm, type VoteFormProps } from '../../../src/ui/screens/vote-form';
import { localeState } from '../../helpers/locale-messages';
import { elementsIn, tagsIn, textOf } from '../../helpers/vnode-tree';
import { ALICE, SHARE, accounts, governor } from './votes-fixtures';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const ignore = () => undefined;
const [first, second] = accounts as [AccountView, AccountView];

function form(overrides: Partial<VoteFormProps> = {}) {
  return VoteForm({
    governor, block: undefined, voters: [{ account: first, weight: 1500n * SHARE }], from: ALICE, choice: undefined, reason: '',
    choiceError: undefined, outcome: undefined, busy: false, onFrom: ignore, onChoice: ignore, onReason: ignore, onVote: ignore, ...overrides,
  });
}

const withRole = (root: unknown, role: string) => elementsIn(root as never)
  .filter((element) => element.props.role === role || (role === 'alert' && element.type === ErrorText)).map(textOf);

beforeEach(() => { localeState.locale = 'en'; });

describe('the vote controls', () => {
  it('offer For, Against and Abstain, an optional reason and Vote, naming the one account that votes', () => {
    const screen = form();
    const group = elementsIn(screen).find((element) => (element.type as unknown) === ChoiceGroup);
    expect(group?.props.legend).toBe('Your vote');
    expect((group?.props.choices as { label: string }[]).map((choice) => choice.label)).toEqual(['For', 'Against', 'Abstain']);
    expect(tagsIn(screen, 'label').map(textOf)).toEqual(['Reason (optional)']);
    expect(tagsIn(screen, 'select')).toEqual([]);
    expect(textOf(screen)).toContain('Account 1 · 0xf39F…2266 · 1,500 votes');
    expect(tagsIn(screen, 'button').map(textOf)).toEqual(['Vote']);
  });

  it('ask which account votes when more than one can', () => {
    const screen = form({ voters: [{ account: first, weight: 1500n * SHARE }, { account: second, weight: 800n * SHARE }] });
    expect(tagsIn(screen, 'label').map(textOf)).toEqual(['Vote from account', 'Reason (optional)']);
    expect(tagsIn(screen, 'option').map(textOf)).toEqual(['Account 1 · 0xf39F…2266 · 1,500 votes', 'Savings · 0x7099…79C8 · 800 votes']);
  });

  it('are replaced by the reason in plain words when no account can vote', () => {
    const screen = form({ block: 'voted' });
    expect(tagsIn(screen, 'button')).toEqual([]);
    expect(textOf(screen)).toBe('Every account of yours that can vote on this proposal has voted.');
    localeState.locale = 'zh_CN';
    expect(textOf(form({ block: 'pending' }))).toBe('此提案尚未开始投票。');
  });

  it('tell a rejection in the approval window calmly, not as an alert, and a refusal as one', () => {
    const rejected = form({ outcome: proposalOutcome(new UiError('rejected', 'the transaction was rejected in the approval window')) });
    expect(withRole(rejected, 'status').join('')).toBe('You rejected the vote in the approval window. Nothing was sent; you can vote again.');
    expect(withRole(rejected, 'alert')).toEqual([]);
    const failed = form({ outcome: proposalOutcome(new UiError('internal', 'the node refused the transaction: nonce too low.')) });
    expect(withRole(failed, 'alert')).toEqual(['Your vote was not sent: the node refused the transaction: nonce too low.']);
  });

  it('say to choose before voting, and read naturally in Chinese', () => {
    localeState.locale = 'zh_CN';
    const screen = form({ choiceError: '请选择赞成、反对或弃权。' });
    expect(withRole(screen, 'alert')).toEqual(['请选择赞成、反对或弃权。']);
    expect(tagsIn(screen, 'button').map(textOf)).toEqual(['投票']);
    expect(tagsIn(screen, 'label').map(textOf)).toEqual(['理由（可选）']);
  });
});
