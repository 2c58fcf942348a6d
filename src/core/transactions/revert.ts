// Revert data as a structured value: Solidity's Error(string) and Panic(uint256), the custom errors of the
// contracts the wallet knows, and anything else kept raw. Words for people are the UI's job.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { toChecksumAddress } from '../address';
import { bytesToBigInt, bytesToHex, hexToBytes, utf8ToBytes } from '../bytes';
import { errorSignature, KNOWN_ERRORS, type ErrorParameterType, type KnownErrorName } from './known-errors';
import type { Hex } from './types';

/** Solidity docs, "Panic via assert and Error via require": what each panic code means. */
export type PanicKind =
  | 'generic' | 'assert' | 'arithmetic-overflow' | 'division-by-zero' | 'enum-conversion' | 'storage-encoding'
  | 'pop-empty-array' | 'array-out-of-bounds' | 'memory-overflow' | 'zero-function' | 'unknown';

const PANIC_KINDS = new Map<bigint, PanicKind>([
  [0x00n, 'generic'], [0x01n, 'assert'], [0x11n, 'arithmetic-overflow'], [0x12n, 'division-by-zero'],
  [0x21n, 'enum-conversion'], [0x22n, 'storage-encoding'], [0x31n, 'pop-empty-array'],
  [0x32n, 'array-out-of-bounds'], [0x41n, 'memory-overflow'], [0x51n, 'zero-function'],
]);

/** An argument: an integer as a bigint, an address in EIP-55, bytes32 as 0x-hex, a string as text. */
export type RevertArgument = bigint | string;

export type RevertReason =
  /** No data: `revert()`, a `require` without a message, or running out of gas. */
  | { readonly kind: 'empty' }
  | { readonly kind: 'error'; readonly reason: string }
  | { readonly kind: 'panic'; readonly code: bigint; readonly panic: PanicKind }
  | {
    readonly kind: 'custom'; readonly name: KnownErrorName; readonly selector: Hex;
    readonly args: Readonly<Record<string, RevertArgument>>;
  }
  /** Data this module cannot read; `selector` is null when there are fewer than 4 bytes. */
  | { readonly kind: 'unknown'; readonly selector: Hex | null; readonly data: Hex };

const UINT_BITS: Partial<Record<ErrorParameterType, bigint>> = { uint8: 8n, uint48: 48n, uint256: 256n };

function selectorOf(signature: string): Hex {
  return bytesToHex(keccak_256(utf8ToBytes(signature)).subarray(0, 4));
}

/** Solidity's built-in selectors: keccak256("Error(string)") and keccak256("Panic(uint256)"), first 4 bytes. */
const ERROR_SELECTOR = '0x08c379a0';
const PANIC_SELECTOR = '0x4e487b71';
// Built on first use, so that a bundle importing core without decoding reverts carries no table work at load.
let knownBySelector: ReadonlyMap<Hex, (typeof KNOWN_ERRORS)[number]> | undefined;

function knownError(selector: Hex): (typeof KNOWN_ERRORS)[number] | undefined {
  knownBySelector ??= new Map(KNOWN_ERRORS.map((definition) => [selectorOf(errorSignature(definition)), definition]));
  return knownBySelector.get(selector);
}

/** Thrown inside this module only, for arguments that do not decode; callers get `unknown`. */
class MalformedArguments extends Error {}

function word(args: Uint8Array, index: number): Uint8Array {
  const start = index * 32;
  if (start + 32 > args.length) throw new MalformedArguments();
  return args.subarray(start, start + 32);
}

function smallNumber(bytes: Uint8Array): number {
  const value = bytesToBigInt(bytes);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new MalformedArguments();
  return Number(value);
}

/** ABI spec, "Use of Dynamic Types": the head holds an offset from the start of the arguments. */
function decodeString(args: Uint8Array, index: number): string {
  const offset = smallNumber(word(args, index));
  if (offset % 32 !== 0) throw new MalformedArguments();
  const length = smallNumber(word(args, offset / 32));
  const start = offset + 32;
  if (start + length > args.length) throw new MalformedArguments();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(args.subarray(start, start + length));
  } catch {
    throw new MalformedArguments();
  }
}

function decodeArgument(args: Uint8Array, index: number, type: ErrorParameterType): RevertArgument {
  if (type === 'string') return decodeString(args, index);
  const bytes = word(args, index);
  if (type === 'bytes32') return bytesToHex(bytes);
  if (type === 'address') {
    // ABI spec: an address is left-padded with zeros; anything else in the padding is not an address.
    if (bytes.subarray(0, 12).some((byte) => byte !== 0)) throw new MalformedArguments();
    return toChecksumAddress(bytesToHex(bytes.subarray(12)));
  }
  const value = bytesToBigInt(bytes);
  if (value >> (UINT_BITS[type] ?? 256n) !== 0n) throw new MalformedArguments();
  return value;
}

function decodeKnown(selector: Hex, args: Uint8Array, data: Hex): RevertReason {
  if (selector === ERROR_SELECTOR) return { kind: 'error', reason: decodeString(args, 0) };
  if (selector === PANIC_SELECTOR) {
    const code = bytesToBigInt(word(args, 0));
    return { kind: 'panic', code, panic: PANIC_KINDS.get(code) ?? 'unknown' };
  }
  const definition = knownError(selector);
  if (definition === undefined) return { kind: 'unknown', selector, data };
  const decoded: Record<string, RevertArgument> = {};
  definition.inputs.forEach(([name, type], index) => {
    decoded[name] = decodeArgument(args, index, type);
  });
  return { kind: 'custom', name: definition.name, selector, args: decoded };
}

/**
 * Reads revert data (the `data` of an eth_call or eth_estimateGas error). Never throws: data that is not
 * hex, too short, of an unknown selector or with arguments that do not decode is `unknown`.
 */
export function decodeRevert(data: unknown): RevertReason {
  if (typeof data !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(data)) return { kind: 'unknown', selector: null, data: '0x' };
  const hex = data.toLowerCase() as Hex;
  if (hex === '0x') return { kind: 'empty' };
  if (hex.length < 10) return { kind: 'unknown', selector: null, data: hex };
  const selector = hex.slice(0, 10) as Hex;
  try {
    return decodeKnown(selector, hexToBytes(`0x${hex.slice(10)}`), hex);
  } catch {
    return { kind: 'unknown', selector, data: hex };
  }
}
