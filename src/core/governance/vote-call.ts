// The holder's own vote, as the popup proposes it (issue 14): OpenZeppelin Governor's `castVote` or, with a
// reason, `castVoteWithReason`, encoded against the ABI fragments the approval window decodes calls with,
// so the vote proposed is the vote shown.
import { encodeFunctionData, type Hex } from 'viem';
import { KNOWN_CALLS_ABI } from '../actions/calls/abi';
import type { VoteSupport } from '../actions/types';
import { MAX_UINT256 } from '../format';

/** IGovernor's support values (GovernorCountingSimple.VoteType): Against 0, For 1, Abstain 2. */
export const SUPPORT_VALUES: Readonly<Record<VoteSupport, number>> = { against: 0, for: 1, abstain: 2 };

/**
 * `castVote(proposalId, support)` calldata, or `castVoteWithReason(proposalId, support, reason)` when
 * `reason` holds more than white space (it is sent as typed; the governor logs it in `VoteCast`).
 * @throws RangeError for a proposal id outside 0 … 2^256 - 1.
 */
export function encodeCastVote(proposalId: bigint, support: VoteSupport, reason = ''): Hex {
  if (proposalId < 0n || proposalId > MAX_UINT256) throw new RangeError(`castVote: proposal id ${proposalId} is outside 0 … 2^256 - 1`);
  const value = SUPPORT_VALUES[support];
  if (reason.trim() === '') return encodeFunctionData({ abi: KNOWN_CALLS_ABI, functionName: 'castVote', args: [proposalId, value] });
  return encodeFunctionData({ abi: KNOWN_CALLS_ABI, functionName: 'castVoteWithReason', args: [proposalId, value, reason] });
}
