// Typed data checked once, where it enters the wallet: its types and every value are checked while its
// digest is computed, and describe, hash and sign take the result without checking it again (design.md,
// Signing and approvals). The private constructor makes the type nominal: nothing unchecked passes for it.
import { typedDataDigest } from './encode';
import { checkTypedDataShape } from './schema';
import type { TypedData } from './types';
import { checkV3Types } from './v3';

/** Which eth_signTypedData the page called: v3 defines no arrays and no struct containing itself (./v3.ts). */
export type TypedDataVersion = 'v3' | 'v4';

export class CheckedTypedData {
  private constructor(
    readonly data: TypedData,
    /** The 32-byte EIP-712 digest that a signature signs. */
    readonly digest: Uint8Array,
    /** The domain's chain id, or undefined when the domain names none (valid on every chain). */
    readonly chainId: bigint | undefined,
  ) {}

  /**
   * Checks typed data in the eth_signTypedData JSON shape, as the page's `version` defines it.
   * @throws TypedDataError naming the part that is malformed, or that `version` does not define.
   */
  static from(input: unknown, version: TypedDataVersion = 'v4'): CheckedTypedData {
    const data = checkTypedDataShape(input);
    if (version === 'v3') checkV3Types(data.types);
    const digest = typedDataDigest(data);
    // The digest checked it: a chainId that is present is a uint256 (a number, decimal or 0x-hex string).
    const { chainId } = data.domain;
    return new CheckedTypedData(data, digest, chainId === undefined ? undefined : BigInt(chainId as string | number));
  }
}
