// Decodes calldata against the wallet's known ABI, canonically: a decoder that accepts dirty padding,
// out-of-range small integers or odd offsets would show one thing while the contract reads another (or
// reverts), so the decoded arguments must re-encode to exactly the bytes given.
import { decodeFunctionData, encodeFunctionData, type DecodeFunctionDataReturnType, type Hex } from 'viem';
import { KNOWN_CALLS_ABI } from './abi';

export type KnownCall = DecodeFunctionDataReturnType<typeof KNOWN_CALLS_ABI>;

export interface DecodedCall {
  call: KnownCall;
  /** Bytes after the canonical encoding (Solidity ignores them), lowercase hex, or undefined. */
  trailingData: Hex | undefined;
}

/** The known call that `data` encodes canonically, or undefined (unknown selector, short or malformed data). */
export function decodeKnownCall(data: Hex): DecodedCall | undefined {
  try {
    const call = decodeFunctionData({ abi: KNOWN_CALLS_ABI, data });
    // Overloads (transferWithAuthorization) share a name: re-encode with the function whose selector matched.
    const canonical = encodeFunctionData({ abi: KNOWN_CALLS_ABI, functionName: call.functionName, args: call.args });
    const given = data.toLowerCase();
    if (!given.startsWith(canonical.toLowerCase())) return undefined;
    const rest = given.slice(canonical.length);
    return { call, trailingData: rest === '' ? undefined : `0x${rest}` };
  } catch {
    return undefined;
  }
}
