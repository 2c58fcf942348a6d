// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A plain ERC-20 share token without ERC20Votes (no getVotes, no delegates): the wallet must
/// show its balances without votes and without failing.
contract PlainShares is ERC20 {
    constructor(address[] memory holders, uint256[] memory amounts) ERC20("Plain Shares", "PLN") {
        for (uint256 i = 0; i < holders.length; i++) _mint(holders[i], amounts[i]);
    }
}
