// BIP-32 hierarchical deterministic keys, private derivation only, on @noble/secp256k1 + @noble/hashes.
import { hmac } from '@noble/hashes/hmac.js';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bigIntToBytes, bytesToBigInt, concatBytes, utf8ToBytes } from './bytes';
import { CURVE_ORDER, secp } from './secp';

/** BIP-32 §Extended keys: indices >= 2^31 are hardened. */
export const HARDENED_OFFSET = 0x80000000;

export interface HDNode {
  privateKey: Uint8Array;
  /** 33-byte compressed public key. */
  publicKey: Uint8Array;
  chainCode: Uint8Array;
  depth: number;
  index: number;
  parentFingerprint: number;
}

/** A private key with its chain code; public parts are computed only when a step needs them. */
interface PrivateStep {
  privateKey: Uint8Array;
  chainCode: Uint8Array;
  index: number;
}

const MASTER_SECRET = utf8ToBytes('Bitcoin seed');

/**
 * The indices of a BIP-32 path such as `m/44'/60'/0'/0/3` (`'`, `h` or `H` mark a hardened step).
 * @throws TypeError for a path that does not start with `m`, has an empty or non-decimal step;
 *   RangeError for an index >= 2^31 before hardening.
 */
export function parsePath(path: string): number[] {
  if (typeof path !== 'string') throw new TypeError('path must be a string such as "m/44\'/60\'/0\'/0/0"');
  const [head, ...steps] = path.split('/');
  if (head !== 'm') throw new TypeError(`path "${path}" must start with "m"`);
  return steps.map((step, position) => {
    const match = /^(0|[1-9]\d*)(['hH]?)$/.exec(step);
    if (match === null) throw new TypeError(`path "${path}": step ${position + 1} "${step}" is not an index like 0 or 44'`);
    const index = Number(match[1]);
    if (index >= HARDENED_OFFSET) throw new RangeError(`path "${path}": index ${index} must be below 2^31`);
    return match[2] === '' ? index : index + HARDENED_OFFSET;
  });
}

/** BIP-32 §Key identifiers: the first 4 bytes of HASH160 of the compressed public key, as a uint32. */
export function fingerprint(publicKey: Uint8Array): number {
  const id = ripemd160(sha256(publicKey));
  return (((id[0] ?? 0) << 24) | ((id[1] ?? 0) << 16) | ((id[2] ?? 0) << 8) | (id[3] ?? 0)) >>> 0;
}

/** 32-bit big-endian serialisation, ser32 in BIP-32. */
function ser32(index: number): Uint8Array {
  return new Uint8Array([index >>> 24, (index >>> 16) & 0xff, (index >>> 8) & 0xff, index & 0xff]);
}

/**
 * BIP-32 §Master key generation.
 * @throws RangeError when the seed is not 16..64 bytes, or (probability < 2^-127) gives an invalid key.
 */
function masterKey(seed: Uint8Array): PrivateStep {
  if (!(seed instanceof Uint8Array) || seed.length < 16 || seed.length > 64) {
    throw new RangeError('seed must be 16 to 64 bytes (BIP-32: 128 to 512 bits)');
  }
  const i = hmac(sha512, MASTER_SECRET, seed);
  const key = bytesToBigInt(i.subarray(0, 32));
  // BIP-32: a master key of zero or >= n is invalid; the seed must then be discarded.
  if (key === 0n || key >= CURVE_ORDER) throw new RangeError('seed gives an invalid BIP-32 master key');
  return { privateKey: i.slice(0, 32), chainCode: i.slice(32), index: 0 };
}

/** BIP-32 §Private parent key → private child key (CKDpriv). `parentPublicKey` is needed for normal steps. */
function childKey(parent: PrivateStep, index: number, parentPublicKey: () => Uint8Array): PrivateStep {
  const parentScalar = bytesToBigInt(parent.privateKey);
  for (let candidate = index; ; candidate++) {
    if (candidate > 0xffffffff) throw new RangeError('no valid child key below index 2^32');
    const data = candidate >= HARDENED_OFFSET
      ? concatBytes(new Uint8Array([0]), parent.privateKey, ser32(candidate))
      : concatBytes(parentPublicKey(), ser32(candidate));
    const i = hmac(sha512, parent.chainCode, data);
    const tweak = bytesToBigInt(i.subarray(0, 32));
    const child = (tweak + parentScalar) % CURVE_ORDER;
    // BIP-32: IL >= n or a zero child key is invalid; the spec says to move on to the next index.
    if (tweak < CURVE_ORDER && child !== 0n) {
      return { privateKey: bigIntToBytes(child, 32), chainCode: i.slice(32), index: candidate };
    }
  }
}

/** Walks `indices` from `start`, computing each parent's public key only when a normal step needs it. */
function walk(start: PrivateStep, indices: readonly number[]): { node: PrivateStep; parent: PrivateStep | undefined } {
  let node = start;
  let parent: PrivateStep | undefined;
  for (const index of indices) {
    const current = node;
    parent = current;
    node = childKey(current, index, () => secp.getPublicKey(current.privateKey, true));
  }
  return { node, parent };
}

/**
 * The BIP-32 node at `path` below the master key of `seed`.
 * @throws TypeError or RangeError for a malformed path or a seed of the wrong length.
 */
export function deriveNode(seed: Uint8Array, path: string): HDNode {
  const indices = parsePath(path);
  const { node, parent } = walk(masterKey(seed), indices);
  return {
    privateKey: node.privateKey,
    publicKey: secp.getPublicKey(node.privateKey, true),
    chainCode: node.chainCode,
    depth: indices.length,
    index: node.index,
    parentFingerprint: parent === undefined ? 0 : fingerprint(secp.getPublicKey(parent.privateKey, true)),
  };
}

/**
 * A deriver for the normal children of the node at `path`: the parent is derived once, and each child
 * then costs one HMAC-SHA512 and one scalar addition.
 */
export function createChildDeriver(seed: Uint8Array, path: string): (index: number) => Uint8Array {
  const { node: parent } = walk(masterKey(seed), parsePath(path));
  const parentPublicKey = secp.getPublicKey(parent.privateKey, true);
  return (index) => {
    if (!Number.isSafeInteger(index) || index < 0 || index >= HARDENED_OFFSET) {
      throw new RangeError(`child index must be an integer from 0 to 2^31-1, not ${String(index)}`);
    }
    return childKey(parent, index, () => parentPublicKey).privateKey;
  };
}
