// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @notice Shares whose votes are checkpointed by timestamp (ERC-6372 clock() = block.timestamp,
/// CLOCK_MODE "mode=timestamp"), as OpenZeppelin documents for a timestamp-based Governor: a governor
/// over it (GovernorVotes takes its clock from the token) counts its voting delay and period in seconds.
/// Each holder is minted its shares and its votes are delegated to itself, so they count at once.
contract TimestampShares is ERC20, ERC20Permit, ERC20Votes {
    constructor(address[] memory holders, uint256[] memory amounts)
        ERC20("Timestamp Holdings Shares", "TSH")
        ERC20Permit("Timestamp Holdings Shares")
    {
        for (uint256 i = 0; i < holders.length; i++) {
            _mint(holders[i], amounts[i]);
            _delegate(holders[i], holders[i]);
        }
    }

    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
