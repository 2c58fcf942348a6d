// ERC-3643 (T-REX 4) transfer rules, in the order the token's own `transfer` and `transferFrom` check them
// (@tokenysolutions/t-rex contracts/token/Token.sol):
//   whenNotPaused                                    "Pausable: paused"
//   require(!_frozen[_to] && !_frozen[from])         "wallet is frozen"
//   require(_amount <= balanceOf(from) - _frozenTokens[from])   "Insufficient Balance"
//   _tokenIdentityRegistry.isVerified(_to) && _tokenCompliance.canTransfer(from, _to, _amount)
//                                                    else "Transfer not possible"
// `from` is the sender for `transfer`, the owner of the shares for `transferFrom`; `batchTransfer` runs
// `transfer` per recipient, so its first refused entry is the batch's verdict. The allowance that
// `transferFrom` also spends is an ERC-20 rule, not the register's: the transaction preview covers it.
import { availableRefusal, refused } from './sequence';
import type { Erc3643Facts, ProposedTransfers, RegisterVerdict } from './types';

/**
 * The register's verdict on `proposed` from the facts read for it.
 * @throws RangeError when `facts` does not have one recipient entry per transfer.
 */
export function erc3643Verdict(proposed: ProposedTransfers, facts: Erc3643Facts): RegisterVerdict {
  const { from, transfers } = proposed;
  if (facts.recipients.length !== transfers.length) {
    throw new RangeError(`ERC-3643 facts for ${facts.recipients.length} recipients, but ${transfers.length} transfers`);
  }
  for (const [index, entry] of transfers.entries()) {
    const recipient = facts.recipients[index];
    if (recipient === undefined) continue;
    if (facts.paused) return refused('erc3643', { rule: 'paused' }, transfers, index);
    // One require covers both; the sender is named first, as the holder can act on it (ask the agent).
    if (facts.sender.frozen) return refused('erc3643', { rule: 'sender-frozen', account: from }, transfers, index);
    if (recipient.frozen) return refused('erc3643', { rule: 'recipient-frozen', account: entry.to }, transfers, index);
    const short = availableRefusal(from, transfers, index, facts.sender);
    if (short !== undefined) return refused('erc3643', short, transfers, index);
    if (!recipient.verified) return refused('erc3643', { rule: 'recipient-unverified', account: entry.to }, transfers, index);
    if (recipient.compliance !== true) {
      return refused('erc3643', { rule: 'compliance', reverted: recipient.compliance === 'reverted' }, transfers, index);
    }
  }
  return { kind: 'accepted', standard: 'erc3643' };
}
