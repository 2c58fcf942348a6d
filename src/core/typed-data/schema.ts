// Validation of the `types` of typed data and the parsing of EIP-712 type names.
import { TypedDataError, type TypedData, type TypedDataField } from './types';

/** A field type, parsed: the base type name and the array dimensions from the inside out. */
export interface ParsedType {
  base: string;
  /** One entry per `[]` / `[k]` suffix; `undefined` marks a dynamic array. */
  dimensions: (number | undefined)[];
}

/** EIP-712 §Definition of typed structured data: the atomic and dynamic types. */
export type AtomicType =
  | { kind: 'uint' | 'int'; bits: number }
  | { kind: 'bytesN'; size: number }
  | { kind: 'address' | 'bool' | 'bytes' | 'string' };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_ARRAY_LENGTH = 2 ** 16;

/** The atomic type named `name`, undefined for a struct name; throws for a malformed Solidity type name. */
export function atomicType(name: string, path: string): AtomicType | undefined {
  if (name === 'address' || name === 'bool' || name === 'bytes' || name === 'string') return { kind: name };
  const integer = /^(u?)int(\d*)$/.exec(name);
  if (integer !== null) {
    const bits = Number(integer[2]);
    if (integer[2] === '' || !Number.isInteger(bits) || bits < 8 || bits > 256 || bits % 8 !== 0 || integer[2]?.startsWith('0')) {
      throw new TypedDataError(path, `"${name}" is not an EIP-712 integer type; use ${integer[1] ?? ''}int8 … ${integer[1] ?? ''}int256 in steps of 8`);
    }
    return { kind: integer[1] === 'u' ? 'uint' : 'int', bits };
  }
  const fixedBytes = /^bytes(\d+)$/.exec(name);
  if (fixedBytes !== null) {
    const size = Number(fixedBytes[1]);
    if (size < 1 || size > 32 || fixedBytes[1]?.startsWith('0')) {
      throw new TypedDataError(path, `"${name}" is not a Solidity type; fixed byte arrays are bytes1 … bytes32`);
    }
    return { kind: 'bytesN', size };
  }
  return undefined;
}

/** Splits `Person[][3]` into base `Person` and dimensions `[undefined, 3]`. */
export function parseType(type: string, path: string): ParsedType {
  const match = /^([A-Za-z_$][A-Za-z0-9_$]*)((?:\[\d*\])*)$/.exec(type);
  if (match === null) throw new TypedDataError(path, `"${type}" is not a type name`);
  const dimensions = [...(match[2] ?? '').matchAll(/\[(\d*)\]/g)].map(([, size]) => {
    if (size === '' || size === undefined) return undefined;
    const length = Number(size);
    if (length < 1 || length > MAX_ARRAY_LENGTH || size.startsWith('0')) {
      throw new TypedDataError(path, `fixed array length in "${type}" must be 1 … ${MAX_ARRAY_LENGTH}`);
    }
    return length;
  });
  return { base: match[1] ?? '', dimensions };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkFields(typeName: string, fields: unknown, types: Record<string, unknown>): TypedDataField[] {
  const path = `types.${typeName}`;
  if (!Array.isArray(fields)) throw new TypedDataError(path, 'must be an array of { name, type }');
  const names = new Set<string>();
  return fields.map((field: unknown, i) => {
    const fieldPath = `${path}[${i}]`;
    if (!isRecord(field) || typeof field.name !== 'string' || typeof field.type !== 'string') {
      throw new TypedDataError(fieldPath, 'must be { name: string, type: string }');
    }
    if (!IDENTIFIER.test(field.name)) throw new TypedDataError(fieldPath, `"${field.name}" is not a field name`);
    if (names.has(field.name)) throw new TypedDataError(fieldPath, `field "${field.name}" is defined twice`);
    names.add(field.name);
    const { base } = parseType(field.type, fieldPath);
    if (atomicType(base, fieldPath) === undefined && !Object.hasOwn(types, base)) {
      throw new TypedDataError(fieldPath, `type "${base}" of ${typeName}.${field.name} is referenced but not defined in types`);
    }
    return { name: field.name, type: field.type };
  });
}

/**
 * The typed data with its `types` checked: every struct name an identifier that is not a Solidity type,
 * every field well formed and every referenced type defined, `primaryType` and `EIP712Domain` present.
 * Values are checked later, while they are encoded.
 * @throws TypedDataError
 */
export function checkTypedDataShape(input: unknown): TypedData {
  if (!isRecord(input)) throw new TypedDataError('typedData', 'must be an object { types, primaryType, domain, message }');
  const { types, primaryType, domain, message } = input;
  if (!isRecord(types)) throw new TypedDataError('types', 'must be an object mapping type names to fields');
  const checked: Record<string, TypedDataField[]> = {};
  for (const [name, fields] of Object.entries(types)) {
    if (!IDENTIFIER.test(name)) throw new TypedDataError(`types.${name}`, `"${name}" is not a struct name`);
    if (atomicType(name, `types.${name}`) !== undefined) {
      throw new TypedDataError(`types.${name}`, `"${name}" is a Solidity type and cannot name a struct`);
    }
    checked[name] = checkFields(name, fields, types);
  }
  // Fail closed: without EIP712Domain in types, wallets disagree on the domain hash (some infer it).
  if (!Object.hasOwn(checked, 'EIP712Domain')) {
    throw new TypedDataError('types.EIP712Domain', 'is missing; list the domain fields the page signs');
  }
  if (typeof primaryType !== 'string') throw new TypedDataError('primaryType', 'must be a string');
  if (!Object.hasOwn(checked, primaryType)) {
    throw new TypedDataError('primaryType', `"${primaryType}" is not defined in types`);
  }
  if (!isRecord(domain)) throw new TypedDataError('domain', 'must be an object');
  if (!isRecord(message)) throw new TypedDataError('message', 'must be an object');
  return { types: checked, primaryType, domain, message };
}
