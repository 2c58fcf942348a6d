// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC3009} from "@openzeppelin/contracts/token/ERC20/extensions/draft-ERC3009.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";

/// @notice ERC-7943 (uRWA, final) for ERC-20 based tokens, as the standard defines it.
interface IERC7943Fungible is IERC165 {
    event ForcedTransfer(address indexed from, address indexed to, uint256 amount);
    event Frozen(address indexed account, uint256 amount);

    error ERC7943CannotSend(address account);
    error ERC7943CannotReceive(address account);
    error ERC7943CannotTransfer(address from, address to, uint256 amount);
    error ERC7943InsufficientUnfrozenBalance(address account, uint256 amount, uint256 unfrozen);

    function forcedTransfer(address from, address to, uint256 amount) external returns (bool result);
    function setFrozenTokens(address account, uint256 amount) external returns (bool result);
    function canSend(address account) external view returns (bool allowed);
    function canReceive(address account) external view returns (bool allowed);
    function getFrozenTokens(address account) external view returns (uint256 amount);
    function canTransfer(address from, address to, uint256 amount) external view returns (bool allowed);
}

/**
 * @title UrwaShareToken
 * @notice A company's restricted shares as an ERC-7943 fungible token (18 decimals), for the example registry.
 *
 * - Holders must be allowed by the agent to send (`canSend`) and to receive (`canReceive`): two lists, as
 *   ERC-7943 separates them.
 * - The agent freezes an amount of a holder's shares (`setFrozenTokens`, which may exceed the balance);
 *   only the rest moves.
 * - The agent may cap the shares one transfer moves (`setTransferLimit`, 0 for no cap): a rule that only
 *   `canTransfer` reports, so each of the standard's answers can refuse on its own.
 * - The agent moves shares without the holder (`forcedTransfer`), unfreezing what it takes first; the
 *   recipient must still be allowed to receive.
 * - ERC-3009 `transferWithAuthorization` (OpenZeppelin's ERC3009, domain version "1"), checked like any
 *   transfer.
 *
 * Every transfer (`transfer`, `transferFrom`, ERC-3009) passes `_update`, which refuses exactly what
 * `canTransfer` refuses, in the standard's errors: ERC7943CannotSend, ERC7943CannotReceive,
 * ERC7943InsufficientUnfrozenBalance (within the balance; above it OpenZeppelin's ERC20InsufficientBalance),
 * ERC7943CannotTransfer (the cap). The agent's `mint` requires `canReceive`.
 */
contract UrwaShareToken is ERC20, ERC3009, AccessControl, IERC7943Fungible {
    bytes32 public constant AGENT_ROLE = keccak256("AGENT_ROLE");

    mapping(address account => bool) private _sendAllowed;
    mapping(address account => bool) private _receiveAllowed;
    mapping(address account => uint256) private _frozenTokens;
    uint256 private _transferLimit;
    /// @dev Set only inside forcedTransfer, so that _update lets the agent's transfer through.
    bool private _forcing;

    event SendAllowed(address indexed account, bool allowed);
    event ReceiveAllowed(address indexed account, bool allowed);
    event TransferLimitSet(uint256 limit);

    constructor(string memory name_, string memory symbol_, address agent) ERC20(name_, symbol_) EIP712(name_, "1") {
        _grantRole(DEFAULT_ADMIN_ROLE, agent);
        _grantRole(AGENT_ROLE, agent);
    }

    // ---- the agent ----------------------------------------------------------------------------------

    /// @notice Issues `amount` new shares to `to`, which must be allowed to receive.
    function mint(address to, uint256 amount) external onlyRole(AGENT_ROLE) {
        _mint(to, amount);
    }

    function setSendAllowed(address account, bool allowed) external onlyRole(AGENT_ROLE) {
        _sendAllowed[account] = allowed;
        emit SendAllowed(account, allowed);
    }

    function setReceiveAllowed(address account, bool allowed) external onlyRole(AGENT_ROLE) {
        _receiveAllowed[account] = allowed;
        emit ReceiveAllowed(account, allowed);
    }

    /// @notice At most `limit` shares per transfer; 0 removes the cap.
    function setTransferLimit(uint256 limit) external onlyRole(AGENT_ROLE) {
        _transferLimit = limit;
        emit TransferLimitSet(limit);
    }

    /// @inheritdoc IERC7943Fungible
    function setFrozenTokens(address account, uint256 amount) external onlyRole(AGENT_ROLE) returns (bool result) {
        _frozenTokens[account] = amount;
        emit Frozen(account, amount);
        return true;
    }

    /// @inheritdoc IERC7943Fungible
    function forcedTransfer(address from, address to, uint256 amount) external onlyRole(AGENT_ROLE) returns (bool result) {
        require(canReceive(to), ERC7943CannotReceive(to));
        uint256 balance = balanceOf(from);
        // ERC-7943: frozen shares taken are unfrozen first, with a Frozen event before the Transfer event.
        uint256 unfrozen = _unfrozen(from, balance);
        if (amount > unfrozen && amount <= balance) {
            _frozenTokens[from] -= amount - unfrozen;
            emit Frozen(from, _frozenTokens[from]);
        }
        _forcing = true;
        _transfer(from, to, amount);
        _forcing = false;
        emit ForcedTransfer(from, to, amount);
        return true;
    }

    // ---- the register's answers ---------------------------------------------------------------------

    /// @inheritdoc IERC7943Fungible
    function canSend(address account) public view returns (bool allowed) {
        return _sendAllowed[account];
    }

    /// @inheritdoc IERC7943Fungible
    function canReceive(address account) public view returns (bool allowed) {
        return _receiveAllowed[account];
    }

    /// @inheritdoc IERC7943Fungible
    function getFrozenTokens(address account) external view returns (uint256 amount) {
        return _frozenTokens[account];
    }

    /// @notice The most shares one transfer may move; 0 for no cap.
    function transferLimit() external view returns (uint256) {
        return _transferLimit;
    }

    /// @inheritdoc IERC7943Fungible
    function canTransfer(address from, address to, uint256 amount) public view returns (bool allowed) {
        return canSend(from) && canReceive(to) && amount <= _unfrozen(from, balanceOf(from)) && _withinLimit(amount);
    }

    /// @notice ERC-165: IERC7943Fungible, besides AccessControl's interfaces and ERC-165 itself.
    function supportsInterface(bytes4 interfaceId) public view override(AccessControl, IERC165) returns (bool) {
        return interfaceId == type(IERC7943Fungible).interfaceId || super.supportsInterface(interfaceId);
    }

    // ---- enforcement --------------------------------------------------------------------------------

    function _unfrozen(address account, uint256 balance) private view returns (uint256) {
        uint256 frozen = _frozenTokens[account];
        return balance > frozen ? balance - frozen : 0;
    }

    function _withinLimit(uint256 amount) private view returns (bool) {
        return _transferLimit == 0 || amount <= _transferLimit;
    }

    /// @dev The checks of canTransfer, in its order, for every transfer but the agent's forced one; mints
    /// require canReceive.
    function _update(address from, address to, uint256 amount) internal override {
        if (from != address(0) && to != address(0) && !_forcing) {
            require(canSend(from), ERC7943CannotSend(from));
            require(canReceive(to), ERC7943CannotReceive(to));
            uint256 balance = balanceOf(from);
            // Above the whole balance, OpenZeppelin's ERC20InsufficientBalance (in super._update) applies.
            if (amount <= balance) {
                uint256 unfrozen = _unfrozen(from, balance);
                require(amount <= unfrozen, ERC7943InsufficientUnfrozenBalance(from, amount, unfrozen));
            }
            require(_withinLimit(amount), ERC7943CannotTransfer(from, to, amount));
        } else if (from == address(0)) {
            require(canReceive(to), ERC7943CannotReceive(to));
        }
        super._update(from, to, amount);
    }
}
