// EIP-712 §Definition of hashStruct / encodeType / encodeData, over the checked JSON shape.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { toChecksumAddress } from '../address';
import { bigIntToBytes, bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '../bytes';
import { atomicType, checkTypedDataShape, parseType } from './schema';
import { TypedDataError, type TypedData, type TypedDataTypes } from './types';

/** Structs nest at most this deep; deeper data (or a cycle made through structured clone) is refused. */
const MAX_DEPTH = 32;
const TWO_256 = 1n << 256n;

function fieldsOf(types: TypedDataTypes, name: string) {
  const fields = types[name];
  if (fields === undefined) throw new TypedDataError(`types.${name}`, 'is not defined');
  return fields;
}

/**
 * EIP-712 §Definition of encodeType: the primary type, then the struct types it references (directly or
 * not), sorted by name, each as `Name(type1 name1,type2 name2)`.
 */
export function encodeType(types: TypedDataTypes, primaryType: string): string {
  const found = new Set<string>([primaryType]);
  const visit = (name: string): void => {
    for (const field of fieldsOf(types, name)) {
      const { base } = parseType(field.type, `types.${name}`);
      if (Object.hasOwn(types, base) && !found.has(base)) {
        found.add(base);
        visit(base);
      }
    }
  };
  visit(primaryType);
  const others = [...found].filter((name) => name !== primaryType).sort();
  return [primaryType, ...others]
    .map((name) => `${name}(${fieldsOf(types, name).map((f) => `${f.type} ${f.name}`).join(',')})`)
    .join('');
}

/** An integer from a JSON number, a decimal string or a 0x-hex string. */
function toInteger(value: unknown, path: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypedDataError(path, `${value} is not a safe integer; send large integers as decimal or 0x-hex strings`);
    }
    return BigInt(value);
  }
  // 80 characters hold any 256-bit value in decimal or hex; longer strings are refused before parsing.
  if (typeof value === 'string' && value.length <= 80 && /^(-?(0|[1-9]\d*)|0x[0-9a-fA-F]+)$/.test(value)) {
    return BigInt(value);
  }
  throw new TypedDataError(path, `expected an integer (JSON number, decimal string or 0x-hex string), got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : `"${value}"`;
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value;
}

function hexValue(value: unknown, path: string, what: string): Uint8Array {
  if (typeof value !== 'string') throw new TypedDataError(path, `expected ${what} as a 0x-hex string, got ${describe(value)}`);
  try {
    return hexToBytes(value);
  } catch {
    throw new TypedDataError(path, `expected ${what} as 0x-hex with an even number of digits, got ${describe(value)}`);
  }
}

class Encoder {
  private readonly typeHashes = new Map<string, Uint8Array>();

  constructor(private readonly types: TypedDataTypes) {}

  typeHash(name: string): Uint8Array {
    let hash = this.typeHashes.get(name);
    if (hash === undefined) {
      hash = keccak_256(utf8ToBytes(encodeType(this.types, name)));
      this.typeHashes.set(name, hash);
    }
    return hash;
  }

  /** hashStruct(s) = keccak256(typeHash ‖ encodeData(s)); every field present, no field unknown. */
  hashStruct(name: string, data: unknown, path: string, depth: number): Uint8Array {
    if (depth > MAX_DEPTH) throw new TypedDataError(path, `structs nest deeper than ${MAX_DEPTH} levels`);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new TypedDataError(path, `expected a ${name} object, got ${describe(data)}`);
    }
    const fields = fieldsOf(this.types, name);
    const record = data as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      // Fail closed: a value the page shows but does not sign could mislead the user.
      if (!fields.some((field) => field.name === key)) throw new TypedDataError(`${path}.${key}`, `is not a field of ${name}`);
    }
    const parts = [this.typeHash(name)];
    for (const field of fields) {
      const fieldPath = `${path}.${field.name}`;
      if (!Object.hasOwn(record, field.name)) throw new TypedDataError(fieldPath, `is missing (type ${field.type})`);
      parts.push(this.encodeValue(field.type, record[field.name], fieldPath, depth));
    }
    return keccak_256(concatBytes(...parts));
  }

  /** encodeData of one value: 32 bytes. */
  private encodeValue(type: string, value: unknown, path: string, depth: number): Uint8Array {
    const { base, dimensions } = parseType(type, path);
    if (dimensions.length > 0) {
      const length = dimensions[dimensions.length - 1];
      const elementType = type.slice(0, type.lastIndexOf('['));
      if (!Array.isArray(value)) throw new TypedDataError(path, `expected an array for ${type}, got ${describe(value)}`);
      if (length !== undefined && value.length !== length) {
        throw new TypedDataError(path, `${type} needs exactly ${length} elements, got ${value.length}`);
      }
      // EIP-712: arrays are the keccak256 of the concatenated encodeData of their elements.
      return keccak_256(concatBytes(...value.map((item: unknown, i) => this.encodeValue(elementType, item, `${path}[${i}]`, depth + 1))));
    }
    const atomic = atomicType(base, path);
    if (atomic === undefined) return this.hashStruct(base, value, path, depth + 1);
    switch (atomic.kind) {
      case 'string':
        if (typeof value !== 'string') throw new TypedDataError(path, `expected a string, got ${describe(value)}`);
        return keccak_256(utf8ToBytes(value));
      case 'bytes':
        return keccak_256(hexValue(value, path, 'bytes'));
      case 'bool':
        if (typeof value !== 'boolean') throw new TypedDataError(path, `expected true or false, got ${describe(value)}`);
        return bigIntToBytes(value ? 1n : 0n, 32);
      case 'address': {
        if (typeof value !== 'string') throw new TypedDataError(path, `expected an address, got ${describe(value)}`);
        try {
          return concatBytes(new Uint8Array(12), hexToBytes(toChecksumAddress(value)));
        } catch (error) {
          throw new TypedDataError(path, (error as Error).message);
        }
      }
      case 'bytesN': {
        const bytes = hexValue(value, path, `bytes${atomic.size}`);
        if (bytes.length !== atomic.size) {
          throw new TypedDataError(path, `bytes${atomic.size} needs exactly ${atomic.size} bytes, got ${bytes.length}`);
        }
        return concatBytes(bytes, new Uint8Array(32 - atomic.size));
      }
      case 'uint':
      case 'int': {
        const integer = toInteger(value, path);
        const signed = atomic.kind === 'int';
        const min = signed ? -(1n << BigInt(atomic.bits - 1)) : 0n;
        const max = (1n << BigInt(signed ? atomic.bits - 1 : atomic.bits)) - 1n;
        if (integer < min || integer > max) {
          throw new TypedDataError(path, `${integer} is out of range for ${atomic.kind}${atomic.bits} (${min} … ${max})`);
        }
        // Solidity ABI: signed integers are two's complement over 256 bits.
        return bigIntToBytes(integer < 0n ? integer + TWO_256 : integer, 32);
      }
    }
  }
}

/** hashStruct of `data` as type `name` (EIP-712); the domain separator is hashStruct('EIP712Domain', domain). */
export function hashStruct(types: TypedDataTypes, name: string, data: unknown): `0x${string}` {
  return bytesToHex(new Encoder(types).hashStruct(name, data, name === 'EIP712Domain' ? 'domain' : 'message', 0));
}

/**
 * The 32-byte digest that is signed, as bytes, of typed data whose types were checked; its values are
 * checked here, while they are encoded.
 * @throws TypedDataError naming the value that is malformed.
 */
export function typedDataDigest(typedData: TypedData): Uint8Array {
  const { types, primaryType, domain, message } = typedData;
  const encoder = new Encoder(types);
  const domainSeparator = encoder.hashStruct('EIP712Domain', domain, 'domain', 0);
  // Like eth_signTypedData_v4 in MetaMask and viem: a primaryType of EIP712Domain signs the domain alone.
  const parts = primaryType === 'EIP712Domain'
    ? [new Uint8Array([0x19, 0x01]), domainSeparator]
    : [new Uint8Array([0x19, 0x01]), domainSeparator, encoder.hashStruct(primaryType, message, 'message', 0)];
  return keccak_256(concatBytes(...parts));
}

/**
 * The EIP-712 digest, 0x-hex, of typed data in the eth_signTypedData_v4 JSON shape.
 * @throws TypedDataError naming the part that is malformed.
 */
export function hashTypedData(typedData: unknown): `0x${string}` {
  return bytesToHex(typedDataDigest(checkTypedDataShape(typedData)));
}
