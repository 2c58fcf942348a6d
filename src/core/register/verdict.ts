// One entry point for the verdict, whichever standard the token follows.
import { erc3643Verdict } from './erc3643';
import { erc7943Verdict } from './erc7943';
import type { ProposedTransfers, RegisterFacts, RegisterVerdict } from './types';

/**
 * The register's verdict on `proposed`: accepted, the first rule that refuses it, or (ERC-7943 only, when
 * the token no longer declares the standard) "could not check".
 * @throws RangeError when `facts` does not have one recipient entry per transfer.
 */
export function registerVerdict(proposed: ProposedTransfers, facts: RegisterFacts): RegisterVerdict {
  return facts.standard === 'erc3643' ? erc3643Verdict(proposed, facts) : erc7943Verdict(proposed, facts);
}
