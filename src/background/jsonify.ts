// Values that cross a runtime message: every bigint becomes its decimal string (protocol/approvals.ts Jsonify).
import type { Jsonify } from '../protocol/approvals';

/** `value` with every bigint as its decimal string, for a runtime message or an IndexedDB record. */
export function jsonify<T>(value: T): Jsonify<T> {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item))) as Jsonify<T>;
}
