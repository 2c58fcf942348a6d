// A voting centre as the background answers it: Acme's governor with an open, a pending and closed
// proposals, and three accounts (one never delegated, one delegated to another address).
import type { AccountVoteView, CompanyVotesView, GovernorView, ProposalView, VotesView } from '../../../src/protocol/governance';
import type { AccountView } from '../../../src/protocol/private';

export const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const CAROL = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
export const STRANGER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
export const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const GOVERNOR = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
export const SHARE = 10n ** 18n;
export const NOW = Date.UTC(2026, 10, 24, 5, 13);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const accounts: AccountView[] = [
  { index: 0, address: ALICE, name: '' },
  { index: 1, address: BOB, name: 'Savings' },
  { index: 2, address: CAROL, name: '' },
];

export const governor: GovernorView = {
  chainId: '0x7a69', chainName: 'Acme Chain', address: GOVERNOR, name: 'Acme Shareholder Governor', token: TOKEN,
  companyName: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18, clock: 'blocknumber', learnedFrom: { kind: 'user' }, remindersOn: false,
};

const shares = (n: bigint) => (n * SHARE).toString();

export function vote(account: string, weight: bigint, overrides: Partial<AccountVoteView> = {}): AccountVoteView {
  return { account, weight: shares(weight), voted: false, ...overrides };
}

export function proposal(overrides: Partial<ProposalView> = {}): ProposalView {
  return {
    chainId: '0x7a69', governor: GOVERNOR, id: '1', title: 'Approve the 2026 dividend',
    description: '# Approve the 2026 dividend\n\nPay 0.10 per share on 1 July.', proposer: STRANGER, state: 'active',
    snapshot: '100', deadline: '150', startsAt: NOW - HOUR, closesAt: NOW + 2 * DAY,
    tally: { against: '0', for: shares(800n), abstain: '0' },
    accounts: [vote(ALICE, 1500n), vote(BOB, 800n, { voted: true, choice: 'for' }), vote(CAROL, 0n)],
    ...overrides,
  };
}

export function company(overrides: Partial<CompanyVotesView> = {}): CompanyVotesView {
  return {
    governor,
    totalSupply: shares(2550n),
    totalVotes: shares(2540n),
    delegation: [
      { account: ALICE, balance: shares(1500n), votes: shares(1500n), delegate: ALICE },
      { account: BOB, balance: shares(800n), votes: '0', delegate: STRANGER },
      { account: CAROL, balance: '0', votes: '0', delegate: null },
    ],
    open: [proposal()],
    closed: [],
    ...overrides,
  };
}

export function votesView(companies: CompanyVotesView[] = [company()]): VotesView {
  return { companies, readAt: NOW };
}
