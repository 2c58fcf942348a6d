// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

/**
 * @title ShareholderGovernor
 * @notice The shareholders' meeting of the example registry: OpenZeppelin Governor over a ShareToken's votes.
 *
 * - Votes are the token's ERC20Votes checkpoints at the proposal's snapshot (clock = block number).
 * - Counting: Against (0), For (1), Abstain (2); quorum = `quorumPercent` % of the supply at the snapshot
 *   (For + Abstain count towards it).
 * - Voting delay and period are constructor arguments in blocks, so tests can keep them short; anyone may
 *   propose (threshold 0).
 * - Holders vote without gas by signing
 *   `Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)` under this governor's EIP-712
 *   domain (name = governor name, version "1"); a relayer submits it with `castVoteBySig` (built into
 *   OpenZeppelin Governor 5).
 */
contract ShareholderGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction
{
    constructor(
        IVotes token_,
        string memory name_,
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 quorumPercent_
    )
        Governor(name_)
        GovernorSettings(votingDelay_, votingPeriod_, 0)
        GovernorVotes(token_)
        GovernorVotesQuorumFraction(quorumPercent_)
    {}

    // The following overrides are required by Solidity.

    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }
}
