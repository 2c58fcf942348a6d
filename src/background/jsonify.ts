// Values for runtime messages and IndexedDB records, which carry no bigints (protocol/approvals.ts Jsonify).
import type { Jsonify } from '../protocol/approvals';

/** `value` with every bigint as its decimal string. */
export function jsonify<T>(value: T): Jsonify<T> {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item))) as Jsonify<T>;
}
