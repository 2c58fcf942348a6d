// The Votes screen's words and its time left, read with the real English and Chinese messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { proposalTiming, spanUntil } from '../../../src/ui/lib/time-left';
import {
  accountVoteText, choiceText, powerText, problemParts, stateText, tallyText, timingText, voteBlockText, voterOptionText, weightText, yourVotesParts,
} from '../../../src/ui/lib/votes-text';
import { SYMBOL_CAP, NAME_CAP } from '../../../src/ui/lib/outside-text';
import type { AccountView } from '../../../src/protocol/private';
import { localeState } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';
import { ALICE, BOB, DAY, HOUR, NOW, SHARE, accounts, governor, proposal, vote } from './votes-fixtures';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const MINUTE = 60_000;

beforeEach(() => { localeState.locale = 'en'; });

describe('the time left', () => {
  it('counts minutes under an hour, hours under two days, then days, always rounded down', () => {
    expect(spanUntil(NOW + 59 * 1000, NOW)).toBeUndefined();
    expect(spanUntil(NOW + MINUTE, NOW)).toEqual({ unit: 'minute', count: 1 });
    expect(spanUntil(NOW + HOUR - 1, NOW)).toEqual({ unit: 'minute', count: 59 });
    expect(spanUntil(NOW + HOUR, NOW)).toEqual({ unit: 'hour', count: 1 });
    expect(spanUntil(NOW + 2 * DAY - 1, NOW)).toEqual({ unit: 'hour', count: 47 });
    expect(spanUntil(NOW + 2 * DAY, NOW)).toEqual({ unit: 'day', count: 2 });
    expect(spanUntil(NOW + 10 * DAY + 23 * HOUR, NOW)).toEqual({ unit: 'day', count: 10 });
    expect(spanUntil(NOW - DAY, NOW)).toBeUndefined();
  });

  it('says when a pending proposal opens and an active one closes, and nothing for a closed one', () => {
    expect(timingText(proposalTiming(proposal({ closesAt: NOW + 2 * DAY + HOUR }), NOW))).toBe('closes in 2 days');
    expect(timingText(proposalTiming(proposal({ state: 'pending', startsAt: NOW + 3 * HOUR }), NOW))).toBe('opens in 3 hours');
    expect(timingText(proposalTiming(proposal({ closesAt: NOW + HOUR + MINUTE }), NOW))).toBe('closes in 1 hour');
    expect(timingText(proposalTiming(proposal({ closesAt: NOW + 30 * 1000 }), NOW))).toBe('closes any moment now');
    expect(timingText(proposalTiming(proposal({ state: 'pending', startsAt: NOW - MINUTE }), NOW))).toBe('opens any moment now');
    expect(timingText(proposalTiming(proposal({ state: 'defeated' }), NOW))).toBeUndefined();
  });

  it('reads naturally in Chinese', () => {
    localeState.locale = 'zh_CN';
    expect(timingText(proposalTiming(proposal({ closesAt: NOW + 2 * DAY + HOUR }), NOW))).toBe('2天后截止');
    expect(timingText(proposalTiming(proposal({ state: 'pending', startsAt: NOW + 3 * HOUR }), NOW))).toBe('3小时后开始投票');
    expect(timingText(proposalTiming(proposal({ closesAt: NOW + 5 * MINUTE }), NOW))).toBe('5分钟后截止');
    expect(timingText(proposalTiming(proposal({ closesAt: NOW }), NOW))).toBe('即将截止');
  });
});

describe('votes in words', () => {
  it('names the wallet\'s votes with the token\'s decimals and its symbol framed as the contract\'s words', () => {
    const parts = yourVotesParts(2300n * SHARE + SHARE / 2n, governor);
    expect(shown(parts)).toBe('Your votes: *2,300.5* {contract:ACME}');
    expect(parts).toContainEqual({ kind: 'outside', text: 'ACME', source: 'contract', cap: SYMBOL_CAP });
    localeState.locale = 'zh_CN';
    expect(shown(yourVotesParts(1500n * SHARE, governor))).toBe('您的票数：*1,500* {contract:ACME}');
  });

  it('says how each account stands on a proposal', () => {
    expect(accountVoteText(vote(ALICE, 1500n))).toBe('has not voted yet');
    expect(accountVoteText(vote(BOB, 800n, { voted: true, choice: 'for' }))).toBe('voted For');
    expect(accountVoteText(vote(BOB, 800n, { voted: true, choice: 'against' }))).toBe('voted Against');
    expect(accountVoteText(vote(BOB, 800n, { voted: true }))).toBe('has voted');
    expect(accountVoteText(vote(BOB, 0n))).toBe('no votes on this proposal');
    expect(weightText((1500n * SHARE).toString(), governor)).toBe('1,500 votes');
    localeState.locale = 'zh_CN';
    expect(accountVoteText(vote(BOB, 800n, { voted: true, choice: 'abstain' }))).toBe('已投票：弃权');
    expect(accountVoteText(vote(ALICE, 1500n))).toBe('尚未投票');
    expect(weightText((1500n * SHARE).toString(), governor)).toBe('1,500 票');
  });

  it('gives the tally For, Against, Abstain in the token\'s decimals', () => {
    expect(tallyText({ for: (1500n * SHARE).toString(), against: (2n * SHARE).toString(), abstain: '0' }, governor)).toBe('For 1,500 · Against 2 · Abstain 0');
    localeState.locale = 'zh_CN';
    expect(tallyText({ for: (1500n * SHARE).toString(), against: '0', abstain: SHARE.toString() }, governor)).toBe('赞成 1,500 · 反对 0 · 弃权 1');
  });

  it('names every choice and state in both languages', () => {
    expect((['for', 'against', 'abstain'] as const).map(choiceText)).toEqual(['For', 'Against', 'Abstain']);
    expect((['pending', 'active', 'defeated', 'succeeded', 'executed'] as const).map(stateText))
      .toEqual(['Not open yet', 'Open for voting', 'Not passed', 'Passed', 'Passed and carried out']);
    localeState.locale = 'zh_CN';
    expect((['for', 'against', 'abstain'] as const).map(choiceText)).toEqual(['赞成', '反对', '弃权']);
    expect((['canceled', 'queued', 'expired'] as const).map(stateText)).toEqual(['已取消', '已通过，等待执行', '已通过，但未在期限内执行']);
  });
});

describe('an account\'s voting power in words', () => {
  it('says its part of the shares and of the votes, or of the shares alone while the votes\' total is unknown', () => {
    expect(powerText({ sharesPercent: '1.2%', votesPercent: '1.5%' })).toBe('1.2% of shares, 1.5% of votes');
    expect(powerText({ sharesPercent: '<0.1%', votesPercent: undefined })).toBe('<0.1% of shares');
    expect(powerText({ sharesPercent: undefined, votesPercent: undefined })).toBeUndefined();
    localeState.locale = 'zh_CN';
    expect(powerText({ sharesPercent: '1.2%', votesPercent: '1.5%' })).toBe('占股份 1.2%，占投票权 1.5%');
    expect(powerText({ sharesPercent: '58.8%', votesPercent: undefined })).toBe('占股份 58.8%');
  });
});

describe('why a vote cannot be cast, and the choice of account', () => {
  it('says plainly why, in both languages', () => {
    expect(voteBlockText('pending')).toBe('Voting on this proposal has not opened yet.');
    expect(voteBlockText('closed')).toBe('Voting on this proposal has closed.');
    expect(voteBlockText('no-weight')).toBe('None of your accounts had votes in this company when the proposal was made, so none can vote on it.');
    expect(voteBlockText('voted')).toBe('Every account of yours that can vote on this proposal has voted.');
    localeState.locale = 'zh_CN';
    expect(voteBlockText('closed')).toBe('此提案的投票已结束。');
    expect(voteBlockText('voted')).toBe('您所有可对此提案投票的账户都已投票。');
  });

  it('names each account that can vote with its votes', () => {
    expect(voterOptionText({ account: accounts[1] as AccountView, weight: 800n * SHARE }, governor)).toBe('Savings · 0x7099…79C8 · 800 votes');
    localeState.locale = 'zh_CN';
    expect(voterOptionText({ account: accounts[0] as AccountView, weight: 1500n * SHARE }, governor)).toBe('账户 1 · 0xf39F…2266 · 1,500 票');
  });
});

describe('a governor that could not be read', () => {
  it('names the governor as the governor contract\'s words and gives the reason, keeping the saved proposals', () => {
    const parts = problemParts(governor, 'the node at http://127.0.0.1:8545 did not answer within 10 s.');
    expect(shown(parts)).toBe('The proposals of {governor:Acme Shareholder Governor} could not be read just now: the node at http://127.0.0.1:8545 did not answer within 10 s. Shown are the ones saved earlier.');
    expect(parts).toContainEqual({ kind: 'outside', text: 'Acme Shareholder Governor', source: 'governor', cap: NAME_CAP });
    localeState.locale = 'zh_CN';
    expect(shown(problemParts(governor, 'down'))).toBe('暂时无法读取 {governor:Acme Shareholder Governor} 的提案：down。以下是之前保存的内容。');
  });
});
