// A holder's own transactions, sent by the wallet with `eth_sendTransaction` (viem `writeContract` on the
// wallet client over the wallet's EIP-1193 provider): no relayer, and the holder pays the gas. Neither a
// gas limit nor fees are given: the wallet estimates the gas (an ERC-3643 transfer takes ~300k, so any
// fixed low limit would fail) and picks the fees, and the user sees both before approving.
import { erc20Abi, type Address, type Chain, type Hash } from 'viem';
import { shareholderGovernorAbi } from '../chain/abi';
import type { MinedTransaction } from './chain-reads';
import { VOTE_SUPPORT, type VoteChoice } from './typed-data';
import type { RegistryClient } from './wallet';

/** Who sends: the connected account, through its wallet, on the registry's chain. */
export interface OwnTransactionSender {
  client: RegistryClient;
  account: Address;
  /** The registry's chain: viem checks the wallet's `eth_chainId` against it and sends it as `chainId`. */
  chain: Chain;
}

/**
 * ERC-20 `transfer(to, value)` on a share token, from the holder's account. Works for the ERC20Votes
 * token and for the ERC-3643 (T-REX) one alike: both have ERC-20's `transfer`.
 * @returns the transaction's hash as the wallet returned it (not yet mined).
 * @throws the wallet's error (4001 when the user rejects), wrapped by viem: see errors.ts.
 */
export function sendSharesOnChain(sender: OwnTransactionSender, token: Address, to: Address, value: bigint): Promise<Hash> {
  const { client, account, chain } = sender;
  return client.writeContract({ account, chain, address: token, abi: erc20Abi, functionName: 'transfer', args: [to, value] });
}

/**
 * OpenZeppelin Governor `castVote(proposalId, support)` from the voter's account (0 Against, 1 For,
 * 2 Abstain: GovernorCountingSimple).
 * @returns the transaction's hash as the wallet returned it (not yet mined).
 */
export function castVoteOnChain(sender: OwnTransactionSender, governor: Address, proposalId: bigint, choice: VoteChoice): Promise<Hash> {
  const { client, account, chain } = sender;
  return client.writeContract({
    account, chain, address: governor, abi: shareholderGovernorAbi, functionName: 'castVote', args: [proposalId, VOTE_SUPPORT[choice]],
  });
}

/** A mined transaction in words, and its state for tests. */
export function minedOutcome(sent: Hash, mined: MinedTransaction): { state: 'mined' | 'failed' | 'cancelled' | 'replaced'; text: string } {
  if (mined.replaced === 'cancelled') return { state: 'cancelled', text: `Cancelled: ${mined.hash} took its place in block ${mined.blockNumber}` };
  if (mined.replaced === 'replaced') return { state: 'replaced', text: `Replaced: ${mined.hash} took its place in block ${mined.blockNumber}` };
  if (mined.status === 'reverted') return { state: 'failed', text: `Failed in block ${mined.blockNumber}: the transaction reverted` };
  const spedUp = mined.hash === sent ? '' : ` (sped up: ${mined.hash})`;
  return { state: 'mined', text: `Mined in block ${mined.blockNumber}${spedUp}` };
}
