// The voting centre as the popup sees it, built from the cached records (no network).
import { orderProposals } from '../../core/governance/proposal-order';
import { proposalTitle } from '../../core/governance/title';
import { RECENT_CLOSED_LIMIT, type CompanyVotesView, type GovernorView, type ProposalView, type VotesView } from '../../protocol/governance';
import type { StoredGovernor, StoredProposal, StoredProposalReading } from '../storage/governance-schema';
import type { StoredChain } from '../storage/schema';
import { totalVotes } from './governance-scan';

export function governorView(governor: StoredGovernor, chainName: string): GovernorView {
  return {
    chainId: governor.chainId, chainName, address: governor.address, name: governor.name, token: governor.token,
    companyName: governor.companyName, symbol: governor.symbol, decimals: governor.decimals, clock: governor.clock,
    learnedFrom: governor.learnedFrom, remindersOn: governor.remindersOn,
    ...(governor.problem === undefined ? {} : { problem: governor.problem }),
  };
}

export function proposalView(proposal: StoredProposal, reading: StoredProposalReading): ProposalView {
  return {
    chainId: proposal.chainId, governor: proposal.governor, id: proposal.id, title: proposalTitle(proposal.description),
    description: proposal.description, proposer: proposal.proposer, state: reading.state, snapshot: reading.snapshot,
    deadline: reading.deadline, startsAt: reading.startsAt, closesAt: reading.closesAt, tally: reading.tally,
    accounts: reading.accounts.map((account) => {
      const cast = proposal.votes[account.account];
      return {
        account: account.account, weight: account.weight, voted: account.voted,
        ...(account.voted && cast !== undefined ? { choice: cast.choice, ...(cast.reason === '' ? {} : { reason: cast.reason }) } : {}),
      };
    }),
  };
}

function companyView(governor: StoredGovernor, chainName: string, proposals: readonly StoredProposal[]): CompanyVotesView {
  const read = proposals.flatMap((proposal) => (proposal.reading === undefined ? [] : [{
    view: proposalView(proposal, proposal.reading), state: proposal.reading.state, closesAt: proposal.reading.closesAt,
    createdBlock: BigInt(proposal.createdBlock), logIndex: proposal.logIndex,
  }]));
  const { open, closed } = orderProposals(read, RECENT_CLOSED_LIMIT);
  const total = totalVotes(governor.scan);
  return {
    governor: governorView(governor, chainName),
    // Before the first successful refresh nothing is known; the delegation list is empty then.
    totalSupply: governor.reading?.totalSupply ?? '0',
    ...(total === undefined ? {} : { totalVotes: total.toString() }),
    delegation: (governor.reading?.delegation ?? []).map((row) => ({ ...row })),
    open: open.map((entry) => entry.view),
    closed: closed.map((entry) => entry.view),
  };
}

/** Every governor's company with its proposals, ordered by network name then company name. */
export function buildVotesView(governors: readonly StoredGovernor[], proposals: readonly StoredProposal[], chains: readonly StoredChain[]): VotesView {
  const chainName = (chainId: string) => chains.find((chain) => chain.chainId === chainId)?.name ?? chainId;
  const companies = governors.map((governor) => companyView(governor, chainName(governor.chainId),
    proposals.filter((proposal) => proposal.chainId === governor.chainId && proposal.governor === governor.address)))
    .sort((a, b) => a.governor.chainName.localeCompare(b.governor.chainName) || a.governor.chainId.localeCompare(b.governor.chainId)
      || a.governor.companyName.localeCompare(b.governor.companyName) || a.governor.address.localeCompare(b.governor.address));
  const times = governors.flatMap((governor) => (governor.reading === undefined ? [] : [governor.reading.at]));
  return { companies, ...(times.length === 0 ? {} : { readAt: Math.max(...times) }) };
}
