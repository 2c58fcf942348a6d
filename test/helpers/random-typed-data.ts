// Random, valid eth_signTypedData_v4 payloads for differential tests against viem and ethers.
import type { TypedData, TypedDataField } from '../../src/core';
import { hex, randomText, type Random } from './random';

const ATOMIC = ['address', 'bool', 'string', 'bytes', 'uint8', 'uint32', 'uint64', 'uint256', 'int8', 'int64', 'int256',
  'bytes1', 'bytes4', 'bytes20', 'bytes32'] as const;

/** EIP-712 domain fields in the order ethers and viem infer them. */
const DOMAIN_FIELDS: TypedDataField[] = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
  { name: 'salt', type: 'bytes32' },
];

function randomInteger(random: Random, type: string): number | string {
  const signed = type.startsWith('int');
  const bits = Number(type.replace(/^u?int/, ''));
  let value = 0n;
  for (const byte of random.bytes(bits / 8)) value = (value << 8n) | BigInt(byte);
  if (signed && random.int(2) === 0) value = -(value >> 1n) - 1n;
  else if (signed) value >>= 1n;
  // A page may send an integer as a JSON number (when safe), a decimal string or a 0x-hex string.
  const form = random.int(3);
  if (form === 0 && value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(value);
  if (form === 1 && value >= 0n) return `0x${value.toString(16)}`;
  return value.toString();
}

function randomValue(random: Random, type: string, types: Record<string, TypedDataField[]>, depth: number): unknown {
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array !== null) {
    const length = array[2] === '' ? random.int(3) : Number(array[2]);
    return Array.from({ length }, () => randomValue(random, array[1] ?? '', types, depth + 1));
  }
  const fields = types[type];
  if (fields !== undefined) {
    return Object.fromEntries(fields.map((field) => [field.name, randomValue(random, field.type, types, depth + 1)]));
  }
  if (type === 'address') return hex(random.bytes(20));
  if (type === 'bool') return random.int(2) === 1;
  if (type === 'string') return randomText(random, 12);
  if (type === 'bytes') return hex(random.bytes(random.int(40)));
  if (type.startsWith('bytes')) return hex(random.bytes(Number(type.slice(5))));
  return randomInteger(random, type);
}

/** A random struct family: Root references S1, S1 references S2, ...; each field may be an array. */
export function randomTypedData(random: Random): TypedData {
  const structCount = random.int(3);
  const names = ['Root', ...Array.from({ length: structCount }, (_, i) => `S${i + 1}`)];
  const types: Record<string, TypedDataField[]> = {};
  names.forEach((name, i) => {
    const fields: TypedDataField[] = Array.from({ length: 1 + random.int(4) }, (_, f) => {
      const base = random.pick(ATOMIC);
      const suffix = random.pick(['', '', '', '[]', '[2]']);
      return { name: `f${f}`, type: `${base}${suffix}` };
    });
    const child = names[i + 1];
    if (child !== undefined) fields.splice(random.int(fields.length + 1), 0, { name: 'child', type: random.pick([child, `${child}[]`]) });
    types[name] = fields;
  });
  const domainFields = DOMAIN_FIELDS.filter(() => random.int(2) === 1);
  const domainTypes = { EIP712Domain: domainFields };
  const domain = randomValue(random, 'EIP712Domain', domainTypes, 0) as Record<string, unknown>;
  if ('chainId' in domain) domain.chainId = 1 + random.int(100_000);
  return {
    types: { EIP712Domain: domainFields, ...types },
    primaryType: 'Root',
    domain,
    message: randomValue(random, 'Root', types, 0) as Record<string, unknown>,
  };
}

/** Integers as bigint, the form viem's and ethers' typed-data encoders take. */
export function withBigInts(typedData: TypedData): { types: Record<string, TypedDataField[]>; domain: Record<string, unknown>; message: Record<string, unknown> } {
  const convert = (type: string, value: unknown): unknown => {
    const array = /^(.*)\[\d*\]$/.exec(type);
    if (array !== null) return (value as unknown[]).map((item) => convert(array[1] ?? '', item));
    const fields = typedData.types[type];
    if (fields !== undefined) {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(fields.map((field) => [field.name, convert(field.type, record[field.name])]));
    }
    return /^u?int\d+$/.test(type) ? BigInt(value as string | number) : value;
  };
  const { EIP712Domain: _domain, ...types } = typedData.types;
  return {
    types: types as Record<string, TypedDataField[]>,
    domain: convert('EIP712Domain', typedData.domain) as Record<string, unknown>,
    message: convert(typedData.primaryType, typedData.message) as Record<string, unknown>,
  };
}
