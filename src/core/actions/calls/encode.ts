// The calls the wallet itself proposes (the popup's Send and "Activate my votes"), encoded against the
// same ABI fragments the approval window decodes them with, so what is proposed is what is shown.
import { encodeFunctionData, type Hex } from 'viem';
import { toChecksumAddress } from '../../address';
import { MAX_UINT256 } from '../../format';
import { KNOWN_CALLS_ABI } from './abi';

function checkedAddress(what: string, address: string): Hex {
  try {
    return toChecksumAddress(address) as Hex;
  } catch (error) {
    throw new TypeError(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * ERC-20 `transfer(to, amount)` calldata (lowercase hex).
 * @throws TypeError for a `to` that is not an address (or a mixed-case one with a wrong EIP-55 checksum);
 *   RangeError for an amount outside 0 … 2^256 - 1.
 */
export function encodeTransfer(to: string, amount: bigint): Hex {
  if (amount < 0n || amount > MAX_UINT256) throw new RangeError(`transfer: amount ${amount} is outside 0 … 2^256 - 1`);
  return encodeFunctionData({ abi: KNOWN_CALLS_ABI, functionName: 'transfer', args: [checkedAddress('transfer', to), amount] });
}

/**
 * ERC20Votes `delegate(delegatee)` calldata (lowercase hex); delegating to oneself activates one's votes.
 * @throws TypeError for a `delegatee` that is not an address (or a mixed-case one with a wrong checksum).
 */
export function encodeDelegate(delegatee: string): Hex {
  return encodeFunctionData({ abi: KNOWN_CALLS_ABI, functionName: 'delegate', args: [checkedAddress('delegate', delegatee)] });
}
