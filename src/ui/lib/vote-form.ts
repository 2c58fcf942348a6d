// The popup's own vote: the holder's `castVote` (or `castVoteWithReason`) transaction to the company's
// governor, proposed through 'transactions.propose' as the popup's Send and "Activate my votes" are, so the
// approval window shows it, previews it and asks for the fee like any transaction.
import { encodeCastVote } from '../../core/governance/vote-call';
import type { GovernorView, ProposalView, VoteChoice } from '../../protocol/governance';
import type { PrivateParams } from '../../protocol/private';
import { hexChainId } from './send-form';

/** The longest reason the form takes: the governor logs it on chain, where every character costs gas. */
export const MAX_REASON_LENGTH = 1000;

/** 'transactions.propose' for `from`'s vote `choice` on `proposal`, with `reason` when one was typed; no ether sent. */
export function voteProposal(
  governor: Pick<GovernorView, 'chainId' | 'address'>, proposal: Pick<ProposalView, 'id'>, vote: { from: string; choice: VoteChoice; reason: string },
): PrivateParams<'transactions.propose'> {
  return { chainId: hexChainId(governor.chainId), from: vote.from, to: governor.address, value: '0', data: encodeCastVote(BigInt(proposal.id), vote.choice, vote.reason) };
}
