// A vote request in plain words once its proposal was read from the chain, with the real English and
// Chinese messages: the proposal's title, the company, the votes and the deadline for a castVote, a signed
// Ballot and a relayed signed vote; each support value; a reason; a proposal that is not found or could not
// be read; and the warnings of a vote that cannot count. Until the facts arrive the request's own sentence stays.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApprovalRequest } from '../../../src/protocol/approvals';
import type { GovernorView, ProposalState, VoteFactsView } from '../../../src/protocol/governance';
import type { CallView, TransactionRequestView } from '../../../src/protocol/transactions';
import { CallsBody } from '../../../src/ui/approval/calls';
import { TypedDataBody } from '../../../src/ui/approval/typed-data';
import { asksVoteFacts, requestedVoteOfBallot, requestedVoteOfCall, VoteFactsNotes, voteWordsAt, type VoteFactsState } from '../../../src/ui/approval/vote-facts';
import { relativeTime, voteFactsWords, type RequestedVote, type VoteFactsWords } from '../../../src/ui/approval/vote-sentence';
import type { Part } from '../../../src/ui/approval/sentence';
import { WarningList } from '../../../src/ui/approval/warning-list';
import { localeState, type TestLocale } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';
import { elementsIn, tagsIn, textOf } from '../../helpers/vnode-tree';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const HOLDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const OTHER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const GOVERNOR = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const CHAIN_ID = '0x7a69';
const PROPOSAL = '74831207013460517137691802106855899229880489145410541492885865658367596250232';
const NOW = Date.UTC(2026, 10, 24, 5, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const shares = (n: number) => (BigInt(n) * 10n ** 18n).toString();

const GOVERNOR_VIEW: GovernorView = {
  chainId: CHAIN_ID, chainName: 'Anvil', address: GOVERNOR, name: 'Acme Governor', token: TOKEN, companyName: 'Acme Holdings', symbol: 'ACME',
  decimals: 18, clock: 'blocknumber', learnedFrom: { kind: 'site', origin: 'https://registry.example' }, remindersOn: false,
};

type Found = Extract<VoteFactsView, { kind: 'found' }>;
type CallVoteAction = Extract<CallView['action'], { kind: 'vote' }>;

function found(edit: Partial<Found> = {}, state: ProposalState = 'active'): Found {
  return {
    kind: 'found', governor: GOVERNOR_VIEW, voter: HOLDER, weight: shares(1500), alreadyVoted: false,
    proposal: {
      chainId: CHAIN_ID, governor: GOVERNOR, id: PROPOSAL, title: 'Approve the 2026 dividend', description: 'Approve the 2026 dividend\n\nA dividend of 2 per share.',
      proposer: OTHER, state, snapshot: '100', deadline: '50500', startsAt: NOW + 3 * HOUR, closesAt: NOW + 2 * DAY,
      tally: { against: '0', for: '0', abstain: '0' }, accounts: [],
    },
    ...edit,
  };
}

const NOT_FOUND: VoteFactsView = { kind: 'not-found', chainId: CHAIN_ID, governor: GOVERNOR, proposalId: PROPOSAL };
const UNCHECKED: VoteFactsView = { kind: 'unchecked', chainId: CHAIN_ID, governor: GOVERNOR, proposalId: PROPOSAL, message: 'the node at http://127.0.0.1:8545 could not be reached' };

const CAST: RequestedVote = { support: 'for', reason: undefined, form: 'cast' };

/** What a reader sees: the sentence (or "-" when the request's own stays), each warning, then "could not read" and its details. */
function words(facts: VoteFactsView, vote: RequestedVote = CAST): string[] {
  const made = voteFactsWords(facts, vote, NOW);
  return [
    made.sentence === undefined ? '-' : shown(made.sentence),
    ...made.warnings.map((warning) => `${warning.tone}: ${shown(warning.parts)}`),
    ...(made.unchecked === undefined ? [] : [shown(made.unchecked.sentence), shown(made.unchecked.message)]),
  ];
}

const CASES: [string, VoteFactsView, RequestedVote][] = [
  ['found, cast FOR, closing in 2 days', found(), CAST],
  ['found, cast AGAINST', found(), { ...CAST, support: 'against' }],
  ['found, cast ABSTAIN', found(), { ...CAST, support: 'abstain' }],
  ['found, cast with a reason', found(), { ...CAST, reason: 'Good for shareholders' }],
  ['found, a signed Ballot', found(), { support: 'for', reason: undefined, form: 'signed' }],
  ['found, a signed ExtendedBallot with a reason', found(), { support: 'against', reason: 'Too small', form: 'signed' }],
  ['found, a relayed signed vote', found({ voter: OTHER, weight: shares(800) }), { support: 'abstain', reason: undefined, form: 'relayed' }],
  ['not found', NOT_FOUND, CAST],
  ['could not check', UNCHECKED, CAST],
];

const NOTE = 'Could not read this proposal from the chain, so its title, deadline and the votes are not shown. You can still decide.';
const ZH_NOTE = '无法从链上读取该提案，因此无法显示其标题、截止时间和票数。您仍可自行决定。';
const DETAILS = 'Details: {node:the node at http://127.0.0.1:8545 could not be reached}';
const TITLE = '{proposal:Approve the 2026 dividend}';
const ACME = '{contract:Acme Holdings}';

const EXPECTED: Record<TestLocale, string[][]> = {
  en: [
    [`Vote *FOR* ${TITLE} at ${ACME} with your *1,500* votes; voting closes *in 2 days*`],
    [`Vote *AGAINST* ${TITLE} at ${ACME} with your *1,500* votes; voting closes *in 2 days*`],
    [`Vote *ABSTAIN* ${TITLE} at ${ACME} with your *1,500* votes; voting closes *in 2 days*`],
    [`Vote *FOR* ${TITLE} at ${ACME} with your *1,500* votes, giving the reason «Good for shareholders»; voting closes *in 2 days*`],
    [`Sign your vote *FOR* ${TITLE} at ${ACME} with your *1,500* votes, for the site to submit to the governor; voting closes *in 2 days*`],
    [`Sign your vote *AGAINST* ${TITLE} at ${ACME} with your *1,500* votes, for the site to submit to the governor, giving the reason «Too small»; voting closes *in 2 days*`],
    [`Submit the signed vote of <${OTHER}>: *ABSTAIN* ${TITLE} at ${ACME} with its *800* votes; voting closes *in 2 days*`],
    ['-', `warning: The wallet could not find proposal #${PROPOSAL} at this governor (<${GOVERNOR}>). Ask the site which proposal it means: a governor refuses votes on a proposal it does not have.`],
    ['-', NOTE, DETAILS],
  ],
  zh_CN: [
    [`在 ${ACME} 以您的 *1,500* 票对 ${TITLE} 投*赞成*票；投票*后天*截止`],
    [`在 ${ACME} 以您的 *1,500* 票对 ${TITLE} 投*反对*票；投票*后天*截止`],
    [`在 ${ACME} 以您的 *1,500* 票对 ${TITLE} 投*弃权*票；投票*后天*截止`],
    [`在 ${ACME} 以您的 *1,500* 票对 ${TITLE} 投*赞成*票，理由：«Good for shareholders»；投票*后天*截止`],
    [`签署您的投票：在 ${ACME} 以您的 *1,500* 票对 ${TITLE} 投*赞成*票，由网站提交给治理合约；投票*后天*截止`],
    [`签署您的投票：在 ${ACME} 以您的 *1,500* 票对 ${TITLE} 投*反对*票，由网站提交给治理合约，理由：«Too small»；投票*后天*截止`],
    [`提交 <${OTHER}> 已签署的投票：在 ${ACME} 以其 *800* 票对 ${TITLE} 投*弃权*票；投票*后天*截止`],
    ['-', `warning: 钱包在此治理合约（<${GOVERNOR}>）找不到提案 #${PROPOSAL}。请向网站确认它指的是哪个提案：治理合约会拒绝对不存在的提案投票。`],
    ['-', ZH_NOTE, '详情：{node:the node at http://127.0.0.1:8545 could not be reached}'],
  ],
};

/** Each warning case: the facts, and the warnings a reader sees after the sentence. */
const WARNING_CASES: [string, Found][] = [
  ['pending', found({}, 'pending')],
  ['canceled', found({}, 'canceled')],
  ['defeated', found({}, 'defeated')],
  ['succeeded', found({}, 'succeeded')],
  ['queued', found({}, 'queued')],
  ['expired', found({}, 'expired')],
  ['executed', found({}, 'executed')],
  ['already voted', found({ alreadyVoted: true })],
  ['no votes at the snapshot', found({ weight: '0' })],
  ['no votes, shares never delegated', found({ weight: '0', undelegatedShares: shares(1500) })],
];

const closed = (state: string) => `warning: This proposal is not open for votes: ${state}. The governor would refuse this vote.`;
const zhClosed = (state: string) => `warning: 该提案不在投票期：${state}。治理合约会拒绝这次投票。`;

const EXPECTED_WARNINGS: Record<TestLocale, string[][]> = {
  en: [
    ['warning: Voting on this proposal has not opened yet: it opens *in 3 hours*. Until then the governor refuses votes.'],
    [closed('it was canceled')],
    [closed('voting has ended and it was defeated')],
    [closed('voting has ended and it passed')],
    [closed('it passed and is queued for execution')],
    [closed('it passed but expired before it was executed')],
    [closed('it was executed')],
    [`warning: <${HOLDER}> has already voted on this proposal: the governor would refuse this vote.`],
    [`warning: <${HOLDER}> had 0 votes when this proposal was made: the vote counts for nothing.`],
    [`warning: <${HOLDER}> had 0 votes when this proposal was made: the vote counts for nothing. Its *1,500* shares carry no votes because they were never delegated; “Activate my votes” in the wallet makes them count on later proposals.`],
  ],
  zh_CN: [
    ['warning: 该提案尚未开始投票：投票*3小时后*开始。在此之前治理合约会拒绝投票。'],
    [zhClosed('提案已被取消')],
    [zhClosed('投票已结束，提案未获通过')],
    [zhClosed('投票已结束，提案已通过')],
    [zhClosed('提案已通过，正排队等待执行')],
    [zhClosed('提案已通过，但在执行前已过期')],
    [zhClosed('提案已执行')],
    [`warning: <${HOLDER}> 已对该提案投过票：治理合约会拒绝这次投票。`],
    [`warning: 提案创建时 <${HOLDER}> 持有 0 票：这次投票不计任何票数。`],
    [`warning: 提案创建时 <${HOLDER}> 持有 0 票：这次投票不计任何票数。其 *1,500* 股从未委托，因此没有投票权；在钱包中点“激活我的投票权”后，它们将在之后的提案中计票。`],
  ],
};

beforeEach(() => { localeState.locale = 'en'; });

describe('a vote request in plain words', () => {
  for (const locale of ['en', 'zh_CN'] as const) {
    it(`names the proposal, the company, the votes and the deadline, each support and form, a reason, a proposal not found and one not read, in ${locale}`, () => {
      localeState.locale = locale;
      expect(CASES.map(([, facts, vote]) => words(facts, vote))).toEqual(EXPECTED[locale]);
    });

    it(`warns of a proposal that takes no votes, a voter that voted already and one with no votes, in ${locale}`, () => {
      localeState.locale = locale;
      expect(WARNING_CASES.map(([, facts]) => words(facts).slice(1))).toEqual(EXPECTED_WARNINGS[locale]);
    });
  }

  it('says when voting on a pending proposal opens, and nothing of time for a closed one', () => {
    expect(words(found({}, 'pending'))[0]).toBe(`Vote *FOR* ${TITLE} at ${ACME} with your *1,500* votes; voting opens *in 3 hours*`);
    expect(words(found({}, 'defeated'))[0]).toBe(`Vote *FOR* ${TITLE} at ${ACME} with your *1,500* votes`);
  });

  it('lists every warning that applies, the proposal\'s state first', () => {
    const warnings = words(found({ alreadyVoted: true, weight: '0' }, 'executed')).slice(1);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('not open for votes');
    expect(warnings[1]).toContain('has already voted');
    expect(warnings[2]).toContain('had 0 votes');
  });

  it('adds the company, when voting opens and closes, and the votes to the details', () => {
    const lines = (made: VoteFactsWords) => made.details.map((detail) => `${detail.label}: ${shown(detail.parts)}`);
    expect(lines(voteFactsWords(found(), CAST, NOW))).toEqual([
      `Company: ${ACME}`, `Voting closes: @${new Date(NOW + 2 * DAY).toISOString()}`, 'Votes at the snapshot: *1,500*',
    ]);
    expect(lines(voteFactsWords(found({}, 'pending'), CAST, NOW))).toEqual([
      `Company: ${ACME}`, `Voting opens: @${new Date(NOW + 3 * HOUR).toISOString()}`, `Voting closes: @${new Date(NOW + 2 * DAY).toISOString()}`,
      'Votes at the snapshot: *1,500*',
    ]);
    expect(lines(voteFactsWords(found({}, 'succeeded'), CAST, NOW))).toEqual([`Company: ${ACME}`, 'Votes at the snapshot: *1,500*']);
    expect(voteFactsWords(NOT_FOUND, CAST, NOW).details).toEqual([]);
  });

  it('counts votes with the token\'s decimals and frames a long title as the proposer\'s words, capped', () => {
    const title = 'Approve the 2026 dividend of 2 ACME per share, payable on 1 March 2027 to holders of record on 15 February 2027';
    const made = voteFactsWords(found({ weight: '1234500', governor: { ...GOVERNOR_VIEW, decimals: 3 }, proposal: { ...found().proposal, title } }), CAST, NOW);
    expect(made.sentence).toContainEqual({ kind: 'outside', text: title, source: 'proposal', cap: 80 });
    expect(shown(made.sentence ?? [])).toContain('with your *1,234.5* votes');
  });
});

describe('how soon, in the reader\'s language', () => {
  it('counts minutes, then hours, then days, and a time already past as now', () => {
    expect([relativeTime(NOW + 5 * 60_000, NOW), relativeTime(NOW + 5 * HOUR, NOW), relativeTime(NOW + DAY, NOW), relativeTime(NOW + 3 * DAY, NOW), relativeTime(NOW - HOUR, NOW)])
      .toEqual(['in 5 minutes', 'in 5 hours', 'in 24 hours', 'in 3 days', 'this minute']);
    localeState.locale = 'zh_CN';
    expect([relativeTime(NOW + 5 * HOUR, NOW), relativeTime(NOW + 3 * DAY, NOW)]).toEqual(['5小时后', '3天后']);
  });
});

describe('the vote in the approval window', () => {
  // The window says how soon voting closes from the clock's now.
  beforeEach(() => { vi.useFakeTimers({ now: NOW, toFake: ['Date'] }); });
  afterEach(() => { vi.useRealTimers(); });

  const ballot = {
    kind: 'typed_data', account: HOLDER, chainId: CHAIN_ID, primaryType: 'Ballot',
    action: { kind: 'vote', governor: GOVERNOR, chainId: '31337', proposalId: PROPOSAL, support: 'for', voter: HOLDER, reason: undefined, params: undefined },
  } as const satisfies ApprovalRequest;
  const body = (votes: VoteFactsState) => TypedDataBody({
    request: ballot, accounts: [], register: { name: 'done', checks: [] }, votes, signAnyway: false, onSignAnyway: () => undefined,
  });
  /** The parts of the lead sentence a body draws, as a reader sees them. */
  const lead = (root: unknown) => {
    const sentence = tagsIn(root as never, 'p').find((element) => element.props.class === 'lead-sentence')?.props.children as { props: { parts: Part[] } };
    return shown(sentence.props.parts);
  };

  it('keeps a Ballot\'s own sentence, with the proposal id, while the facts are read and when they could not be', () => {
    expect(lead(body({ name: 'checking' }))).toBe(`Vote *FOR* on proposal #${PROPOSAL}`);
    expect(lead(body({ name: 'failed' }))).toBe(`Vote *FOR* on proposal #${PROPOSAL}`);
    expect(lead(body({ name: 'done', facts: [UNCHECKED] }))).toBe(`Vote *FOR* on proposal #${PROPOSAL}`);
    expect(lead(body({ name: 'done', facts: [NOT_FOUND] }))).toBe(`Vote *FOR* on proposal #${PROPOSAL}`);
    const notes = (votes: VoteFactsState) => elementsIn(body(votes)).find((element) => element.type === VoteFactsNotes)?.props.words;
    expect(notes({ name: 'checking' })).toBe('checking');
    expect(notes({ name: 'done', facts: [UNCHECKED] })).toMatchObject({ sentence: undefined });
  });

  it('names the proposal of a Ballot once found, and adds its details', () => {
    const drawn = body({ name: 'done', facts: [found()] });
    expect(lead(drawn)).toBe(`Sign your vote *FOR* ${TITLE} at ${ACME} with your *1,500* votes, for the site to submit to the governor; voting closes *in 2 days*`);
    const details = elementsIn(drawn).find((element) => Array.isArray(element.props.details))?.props.details as { label: string }[];
    expect(details.map((detail) => detail.label)).toEqual(expect.arrayContaining(['Company', 'Voting closes', 'Votes at the snapshot', 'Proposal']));
  });

  it('draws reading, warnings as alerts, and "could not read" with its reason; nothing for a vote without facts', () => {
    expect(textOf(VoteFactsNotes({ words: 'checking' }))).toBe('Reading the proposal from the chain…');
    expect(VoteFactsNotes({ words: null })).toBeNull();
    expect(VoteFactsNotes({ words: voteFactsWords(found(), CAST, NOW) })).toBeNull();
    const warned = VoteFactsNotes({ words: voteFactsWords(found({ alreadyVoted: true }), CAST, NOW) });
    expect(elementsIn(warned).find((element) => element.type === WarningList)?.props.warnings).toHaveLength(1);
    const unread = VoteFactsNotes({ words: voteFactsWords(UNCHECKED, CAST, NOW) });
    expect(tagsIn(unread, 'p').map((element) => element.props.class)).toEqual(['vote-facts-unchecked', 'hint vote-facts-message']);
  });

  it('reads a failed ask as "could not read", and an entry without facts as nothing', () => {
    expect(voteWordsAt({ name: 'failed' }, 0, CAST, NOW)).toMatchObject({ sentence: undefined, warnings: [] });
    const failed = voteWordsAt({ name: 'failed' }, 0, CAST, NOW);
    expect(failed !== null && failed !== 'checking' && failed.unchecked !== undefined && shown(failed.unchecked.message))
      .toBe('Details: {node:the wallet could not ask for the proposal}');
    expect(voteWordsAt({ name: 'done', facts: [null, found()] }, 0, CAST, NOW)).toBeNull();
    expect(voteWordsAt({ name: 'done', facts: [] }, 3, CAST, NOW)).toBeNull();
    expect(voteWordsAt({ name: 'checking' }, 0, CAST, NOW)).toBe('checking');
  });

  it('names the proposal of each vote in a batch, keeping the other calls\' sentences', () => {
    const voteAction: CallVoteAction = {
      kind: 'vote', governor: GOVERNOR, chainId: '31337', proposalId: PROPOSAL, support: 'against', voter: HOLDER, bySignature: false, reason: undefined, params: undefined,
    };
    const voteCall: CallView = { chainId: '31337', to: GOVERNOR, value: '0', trailingData: undefined, warnings: [], action: voteAction };
    const otherCall: CallView = { chainId: '31337', to: OTHER, value: '0', trailingData: undefined, warnings: [], action: { kind: 'native-transfer', to: OTHER } };
    const tx = (call: CallView): TransactionRequestView => ({
      chainId: CHAIN_ID, networkName: 'Anvil', from: HOLDER, call, data: '0x', nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: '100000',
      fees: { proposed: { type: 'eip1559', maxFeePerGas: '2', maxPriorityFeePerGas: '1' }, suggested: undefined, suggestedUsed: false, baseFeePerGas: '1' },
      nonce: '0', failure: undefined, lookalike: undefined,
    });
    const request = {
      kind: 'calls', batch: { chainId: CHAIN_ID, networkName: 'Anvil', from: HOLDER, nativeCurrency: { symbol: 'ETH', decimals: 18 }, calls: [tx(otherCall), tx(voteCall)] },
    } satisfies ApprovalRequest;
    const drawn = CallsBody({
      request, accounts: [], failureAccepted: false, onFailureAccepted: () => undefined, register: { name: 'done', checks: [] },
      votes: { name: 'done', facts: [null, found()] },
    });
    const sentences = elementsIn(drawn).filter((element) => element.props.class === 'call-sentence').map((element) => JSON.stringify(element.props.children));
    expect(sentences[0]).not.toContain('Approve the 2026 dividend');
    expect(sentences[1]).toContain('Approve the 2026 dividend');
    expect(sentences[1]).toContain('AGAINST');
    expect(asksVoteFacts(request)).toBe(true);
    expect(asksVoteFacts({ kind: 'connect' })).toBe(false);
    // A proposal names a governor the wallet learns; a plain transfer asks nothing.
    const proposeCall: CallView = { ...voteCall, action: { kind: 'propose', governor: GOVERNOR, calls: [], description: 'Approve the 2026 dividend' } };
    expect(asksVoteFacts({ kind: 'transaction', transaction: tx(proposeCall) })).toBe(true);
    expect(asksVoteFacts({ kind: 'transaction', transaction: tx(otherCall) })).toBe(false);
    expect(asksVoteFacts({ ...ballot, chainId: undefined })).toBe(false);
    expect(asksVoteFacts(ballot)).toBe(true);
    expect(requestedVoteOfCall({ ...voteAction, bySignature: true, reason: 'why' })).toEqual({ support: 'against', reason: 'why', form: 'relayed' });
    expect(requestedVoteOfBallot(ballot.action)).toEqual({ support: 'for', reason: undefined, form: 'signed' });
  });
});
