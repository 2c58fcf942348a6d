// The Votes screen's figures without words: the order of proposals, the wallet's votes on one, who can
// vote and why not, the percentages of shares and votes, and the description after its title.
import { describe, expect, it } from 'vitest';
import { RECENT_CLOSED_LIMIT } from '../../../src/protocol/governance';
import {
  delegationRows, descriptionBody, findProposal, groupProposals, OPEN_SHOWN_AT_FIRST, percentText, proposalBlock, shownOpenProposals, voteBlock, votersOf,
  yourWeight,
} from '../../../src/ui/lib/votes';
import { ALICE, BOB, CAROL, DAY, GOVERNOR, HOUR, NOW, SHARE, STRANGER, accounts, company, proposal, vote } from './votes-fixtures';

describe('the order of a company\'s proposals', () => {
  it('lists the active ones first, the soonest to close first, then the pending ones, the soonest to open first', () => {
    const late = proposal({ id: 'late', closesAt: NOW + 5 * DAY });
    const soon = proposal({ id: 'soon', closesAt: NOW + HOUR });
    const opensLater = proposal({ id: 'opens-later', state: 'pending', startsAt: NOW + 2 * DAY });
    const opensSoon = proposal({ id: 'opens-soon', state: 'pending', startsAt: NOW + HOUR });
    const { open } = groupProposals({ open: [opensLater, late, opensSoon, soon], closed: [] });
    expect(open.map((entry) => entry.id)).toEqual(['soon', 'late', 'opens-soon', 'opens-later']);
  });

  it('lists closed ones newest first, at most the recent limit, and files each by its own state', () => {
    const closed = Array.from({ length: RECENT_CLOSED_LIMIT + 2 }, (_, index) => proposal({ id: `c${index}`, state: 'defeated', closesAt: NOW - index * DAY }));
    const stale = proposal({ id: 'stale', state: 'succeeded', closesAt: NOW - HOUR / 2 });
    const grouped = groupProposals({ open: [stale], closed: [...closed].reverse() });
    expect(grouped.open).toEqual([]);
    expect(grouped.closed.map((entry) => entry.id)).toEqual(['c0', 'stale', ...closed.slice(1, RECENT_CLOSED_LIMIT - 1).map((entry) => entry.id)]);
    expect(grouped.closed).toHaveLength(RECENT_CLOSED_LIMIT);
  });

  it('shows a proposal listed twice once', () => {
    expect(groupProposals({ open: [proposal()], closed: [proposal()] }).open).toHaveLength(1);
  });

  it('lists the first open proposals, the soonest to close, and the others only once the holder asks for all', () => {
    const open = Array.from({ length: OPEN_SHOWN_AT_FIRST + 3 }, (_, index) => proposal({ id: `p${index}` }));
    const first = shownOpenProposals(open, false);
    expect(first.shown.map((entry) => entry.id)).toEqual(open.slice(0, OPEN_SHOWN_AT_FIRST).map((entry) => entry.id));
    expect(first.hidden).toBe(3);
    expect(shownOpenProposals(open, true)).toEqual({ shown: open, hidden: 0 });
    expect(shownOpenProposals(open.slice(0, 2), false)).toEqual({ shown: open.slice(0, 2), hidden: 0 });
  });
});

describe('the votes of the wallet\'s accounts on a proposal', () => {
  it('adds up every account\'s weight at the snapshot', () => {
    expect(yourWeight(proposal())).toBe(2300n * SHARE);
    expect(yourWeight(proposal({ accounts: [vote(ALICE, 0n), { account: BOB, weight: 'garbage', voted: false }] }))).toBe(0n);
  });

  it('lets an account vote only on an active proposal, with votes, and once', () => {
    const open = proposal();
    expect(voteBlock(open, open.accounts[0])).toBeUndefined();
    expect(voteBlock(open, open.accounts[1])).toBe('voted');
    expect(voteBlock(open, open.accounts[2])).toBe('no-weight');
    expect(voteBlock(open, undefined)).toBe('no-weight');
    expect(voteBlock(proposal({ state: 'pending' }), open.accounts[0])).toBe('pending');
    for (const state of ['canceled', 'defeated', 'succeeded', 'queued', 'expired', 'executed'] as const) {
      expect(voteBlock(proposal({ state }), open.accounts[0])).toBe('closed');
    }
  });

  it('offers the accounts that can vote now, in account order, with their weight', () => {
    expect(votersOf(proposal(), accounts)).toEqual([{ account: accounts[0], weight: 1500n * SHARE }]);
    const both = proposal({ accounts: [vote(ALICE, 1500n), vote(BOB, 800n)] });
    expect(votersOf(both, accounts).map((voter) => voter.account.address)).toEqual([ALICE, BOB]);
    // An account the wallet no longer has is not offered.
    expect(votersOf(proposal({ accounts: [vote(STRANGER, 5n)] }), accounts)).toEqual([]);
  });

  it('says why the wallet cannot vote at all: not open, closed, everyone voted, or nobody has votes', () => {
    expect(proposalBlock(proposal())).toBeUndefined();
    expect(proposalBlock(proposal({ state: 'pending' }))).toBe('pending');
    expect(proposalBlock(proposal({ state: 'executed' }))).toBe('closed');
    expect(proposalBlock(proposal({ accounts: [vote(ALICE, 1n, { voted: true }), vote(BOB, 0n)] }))).toBe('voted');
    expect(proposalBlock(proposal({ accounts: [vote(ALICE, 0n), vote(BOB, 0n)] }))).toBe('no-weight');
    expect(proposalBlock(proposal({ accounts: [] }))).toBe('no-weight');
  });
});

describe('a part of a whole, in percent', () => {
  it('rounds to one decimal, half up, and drops a ".0"', () => {
    expect(percentText(12n, 1000n)).toBe('1.2%');
    expect(percentText(15n, 1000n)).toBe('1.5%');
    expect(percentText(1500n, 2550n)).toBe('58.8%');
    expect(percentText(1500n, 2540n)).toBe('59.1%');
    expect(percentText(1n, 2n)).toBe('50%');
    expect(percentText(2n, 2n)).toBe('100%');
    expect(percentText(5n, 10_000n)).toBe('0.1%');
  });

  it('says "<0.1%" for a part too small to show and ">99.9%" for one just short of the whole, never 0% or 100%', () => {
    expect(percentText(4n, 10_000n)).toBe('<0.1%');
    expect(percentText(1n, 10n ** 30n)).toBe('<0.1%');
    expect(percentText(9_996n, 10_000n)).toBe('>99.9%');
    expect(percentText(0n, 10n)).toBe('0%');
  });

  it('has no answer for a whole of 0', () => {
    expect(percentText(0n, 0n)).toBeUndefined();
    expect(percentText(5n, 0n)).toBeUndefined();
  });
});

describe('each account\'s voting health in a company', () => {
  it('lists the accounts with shares or votes, their parts of the shares and of the votes, and whom their votes go to', () => {
    const rows = delegationRows(company(), accounts);
    expect(rows.map((entry) => entry.row.address)).toEqual([ALICE, BOB]);
    expect(rows[0]).toMatchObject({ sharesPercent: '58.8%', votesPercent: '59.1%', row: { balance: '1,500', votes: '1,500', delegate: { kind: 'self' }, holds: true } });
    expect(rows[1]).toMatchObject({ sharesPercent: '31.4%', votesPercent: '0%', row: { delegate: { kind: 'other', address: STRANGER } } });
  });

  it('leaves out the votes\' part while the total of votes is unknown', () => {
    const { totalVotes: _unknown, ...unread } = company();
    const rows = delegationRows(unread, accounts);
    expect(rows.map((entry) => entry.votesPercent)).toEqual([undefined, undefined]);
    expect(rows[0]?.sharesPercent).toBe('58.8%');
  });

  it('marks shares never delegated as carrying no votes, as the holdings do', () => {
    const rows = delegationRows(company({ delegation: [{ account: CAROL, balance: (10n * SHARE).toString(), votes: '0', delegate: null }] }), accounts);
    expect(rows[0]?.row).toMatchObject({ address: CAROL, balance: '10', votes: '0', delegate: { kind: 'none' }, account: accounts[2] });
  });
});

describe('finding a proposal and reading its description', () => {
  it('finds a proposal by network (hex or decimal), governor (any case) and id', () => {
    const found = findProposal([company()], { chainId: '31337', governor: GOVERNOR.toLowerCase(), id: '1' });
    expect(found?.proposal.id).toBe('1');
    expect(findProposal([company()], { chainId: '0x1', governor: GOVERNOR, id: '1' })).toBeUndefined();
    expect(findProposal([company()], { chainId: '0x7a69', governor: GOVERNOR, id: '2' })).toBeUndefined();
  });

  it('gives the description after its first line, without the blank lines around it', () => {
    expect(descriptionBody('# Approve the 2026 dividend\n\nPay 0.10 per share.\n\nBoard.\n')).toBe('Pay 0.10 per share.\n\nBoard.');
    expect(descriptionBody('Title only')).toBe('');
    expect(descriptionBody('Title\r\nBody')).toBe('Body');
  });
});
