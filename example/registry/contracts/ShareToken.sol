// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {ERC3009} from "@openzeppelin/contracts/token/ERC20/extensions/draft-ERC3009.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/**
 * @title ShareToken
 * @notice A company's shares as an ERC-20 token with 18 decimals, for the example registry.
 *
 * - ERC-2612 `permit` (ERC20Permit): a holder allows a spender by an off-chain signature.
 * - ERC20Votes: one share, one vote; a holder delegates (to themselves to vote); clock = block number.
 * - ERC-3009 `transferWithAuthorization` (OpenZeppelin's ERC3009): a holder signs
 *   `TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)`
 *   under this token's EIP-712 domain (name = token name, version "1") and anyone (the registry's relayer)
 *   submits it. Nonces are random 32-byte values, each usable once (`authorizationState`). The (v, r, s)
 *   form recovers with OpenZeppelin ECDSA, which rejects malleable (high-s) signatures; the `bytes`
 *   form goes through SignatureChecker, so smart-contract holders (ERC-1271) can authorize too.
 * - The company (the owner) issues shares with `mint`.
 *
 * The three extensions share one EIP712 domain (built once, by ERC20Permit's constructor).
 * ERC20Permit and ERC20Votes share one sequential nonce per account (`nonces`) for permits and
 * delegations; ERC-3009 authorizations use their own random nonces and do not touch it.
 */
contract ShareToken is ERC20, ERC20Permit, ERC20Votes, ERC3009, Ownable {
    constructor(string memory name_, string memory symbol_, address company)
        ERC20(name_, symbol_)
        ERC20Permit(name_)
        Ownable(company)
    {}

    /// @notice Issues `amount` new shares (in base units, 18 decimals) to `to`. Company only.
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }

    /// @notice ERC-3009 transfer with a `bytes` signature: an ECDSA signature (65 bytes) of an externally
    /// owned holder, or an ERC-1271 signature of a contract holder.
    function transferWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        bytes memory signature
    ) public virtual {
        bytes32 hash = _hashTypedDataV4(
            keccak256(abi.encode(TRANSFER_WITH_AUTHORIZATION_TYPEHASH, from, to, value, validAfter, validBefore, nonce))
        );
        require(SignatureChecker.isValidSignatureNow(from, hash, signature), ERC3009InvalidSignature());
        _transferWithAuthorization(from, to, value, validAfter, validBefore, nonce);
    }

    // The following overrides are required by Solidity.

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
