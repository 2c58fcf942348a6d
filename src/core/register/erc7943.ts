// ERC-7943 (uRWA, final), fungible tokens: the interface the token declares through ERC-165, and the rules
// a transfer must pass. The standard requires every public transfer to fail where canSend(from),
// canReceive(to) or canTransfer(from, to, amount) is false, and names ERC7943InsufficientUnfrozenBalance
// for more than the unfrozen amount (balance − getFrozenTokens, where the frozen amount may exceed the
// balance). The allowance of `transferFrom` and amounts above the whole balance are ERC-20 rules: the
// unfrozen-balance rule covers the latter, the transaction preview the former.
import { availableRefusal, refused } from './sequence';
import type { Erc7943Facts, ProposedTransfers, RegisterVerdict } from './types';

/**
 * The selectors (first 4 bytes of keccak256 of the signature) of IERC7943Fungible's six functions; a unit
 * test derives each from its signature.
 */
export const ERC7943_FUNGIBLE_SELECTORS = {
  'forcedTransfer(address,address,uint256)': 0x9fc1d0e7,
  'setFrozenTokens(address,uint256)': 0xebe45cba,
  'canSend(address)': 0x2bc06a92,
  'canReceive(address)': 0x90d370ba,
  'getFrozenTokens(address)': 0x158b1a57,
  'canTransfer(address,address,uint256)': 0xe46638e6,
} as const;

/**
 * type(IERC7943Fungible).interfaceId as Solidity computes it: the XOR of the interface's own function
 * selectors (ERC-165; the inherited supportsInterface is not part of it). ERC-7943 gives 0x3edbb4c4.
 */
export const ERC7943_FUNGIBLE_INTERFACE_ID = `0x${Object.values(ERC7943_FUNGIBLE_SELECTORS)
  .reduce((id, selector) => (id ^ selector) >>> 0, 0)
  .toString(16)
  .padStart(8, '0')}`;

/** The first rule that refuses, once the token said it follows ERC-7943. */
function rulesVerdict(proposed: ProposedTransfers, facts: Erc7943Facts): RegisterVerdict {
  const { from, transfers } = proposed;
  for (const [index, entry] of transfers.entries()) {
    const recipient = facts.recipients[index];
    if (recipient === undefined) continue;
    if (!facts.sender.canSend) return refused('erc7943', { rule: 'sender-not-allowed', account: from }, transfers, index);
    if (!recipient.canReceive) return refused('erc7943', { rule: 'recipient-not-allowed', account: entry.to }, transfers, index);
    const short = availableRefusal(from, transfers, index, facts.sender);
    if (short !== undefined) return refused('erc7943', short, transfers, index);
    if (!recipient.canTransfer) return refused('erc7943', { rule: 'transfer-not-allowed' }, transfers, index);
  }
  return { kind: 'accepted', standard: 'erc7943' };
}

/**
 * The register's verdict on `proposed` from the facts read for it: "could not check" when the token no
 * longer declares IERC7943Fungible (its rules are then unknown).
 * @throws RangeError when `facts` does not have one recipient entry per transfer.
 */
export function erc7943Verdict(proposed: ProposedTransfers, facts: Erc7943Facts): RegisterVerdict {
  if (facts.recipients.length !== proposed.transfers.length) {
    throw new RangeError(`ERC-7943 facts for ${facts.recipients.length} recipients, but ${proposed.transfers.length} transfers`);
  }
  if (!facts.supportsInterface) {
    return {
      kind: 'unchecked', standard: 'erc7943', cause: 'standard',
      message: `the token at ${proposed.token} no longer declares ERC-7943 (supportsInterface(${ERC7943_FUNGIBLE_INTERFACE_ID}) is false)`,
    };
  }
  return rulesVerdict(proposed, facts);
}
