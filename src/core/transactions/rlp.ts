// Recursive Length Prefix, the Ethereum yellow paper's Appendix B: just what transactions need, written here
// rather than imported so the background bundle stays small.
import { concatBytes } from '../bytes';

/** A byte string or a list of items. */
export type RlpItem = Uint8Array | readonly RlpItem[];

function lengthBytes(length: number): Uint8Array {
  const out: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) out.unshift(rest % 256);
  return Uint8Array.from(out);
}

function prefixed(shortOffset: number, payload: Uint8Array): Uint8Array {
  // Appendix B: a payload of up to 55 bytes takes one prefix byte; a longer one, its length's length too.
  if (payload.length <= 55) return concatBytes(new Uint8Array([shortOffset + payload.length]), payload);
  const length = lengthBytes(payload.length);
  return concatBytes(new Uint8Array([shortOffset + 55 + length.length]), length, payload);
}

/** The RLP encoding of `item`. */
export function rlpEncode(item: RlpItem): Uint8Array {
  if (item instanceof Uint8Array) {
    // Appendix B: a single byte below 0x80 is its own encoding.
    const single = item.length === 1 ? item[0] : undefined;
    return single !== undefined && single < 0x80 ? item : prefixed(0x80, item);
  }
  return prefixed(0xc0, concatBytes(...item.map(rlpEncode)));
}

/** An unsigned integer as RLP wants it: big-endian with no leading zeros; zero is the empty string. */
export function rlpInteger(value: bigint): Uint8Array {
  if (value === 0n) return new Uint8Array(0);
  const hex = value.toString(16);
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  return Uint8Array.from({ length: even.length / 2 }, (_, i) => parseInt(even.slice(i * 2, i * 2 + 2), 16));
}

/** Thrown by {@link rlpDecode} for bytes that are not one canonical RLP item. */
export class RlpError extends Error {
  override readonly name = 'RlpError';
}

function readLength(bytes: Uint8Array, start: number, size: number): number {
  if (start + size > bytes.length) throw new RlpError('length runs past the end of the input');
  if (bytes[start] === 0) throw new RlpError('length has a leading zero byte (not canonical)');
  let length = 0;
  for (let i = 0; i < size; i++) length = length * 256 + (bytes[start + i] ?? 0);
  if (length <= 55) throw new RlpError('long form used for a length of 55 or less (not canonical)');
  return length;
}

/** Decodes the item at `offset`; returns it and the offset just after it. */
function decodeAt(bytes: Uint8Array, offset: number): [RlpItem, number] {
  const first = bytes[offset];
  if (first === undefined) throw new RlpError('input ends where an item was expected');
  if (first < 0x80) return [bytes.subarray(offset, offset + 1), offset + 1];
  const isList = first >= 0xc0;
  const base = isList ? 0xc0 : 0x80;
  let start = offset + 1;
  let length = first - base;
  if (length > 55) {
    const size = length - 55;
    length = readLength(bytes, start, size);
    start += size;
  }
  const end = start + length;
  if (end > bytes.length) throw new RlpError('item runs past the end of the input');
  if (!isList) {
    const payload = bytes.subarray(start, end);
    if (length === 1 && (payload[0] ?? 0) < 0x80) throw new RlpError('single byte below 0x80 was prefixed (not canonical)');
    return [payload, end];
  }
  const items: RlpItem[] = [];
  for (let at = start; at < end;) {
    const [item, next] = decodeAt(bytes, at);
    if (next > end) throw new RlpError('list item runs past the end of its list');
    items.push(item);
    at = next;
  }
  return [items, end];
}

/**
 * Decodes `bytes` as exactly one canonical RLP item.
 * @throws RlpError for truncated, trailing or non-canonical input.
 */
export function rlpDecode(bytes: Uint8Array): RlpItem {
  const [item, end] = decodeAt(bytes, 0);
  if (end !== bytes.length) throw new RlpError('bytes left over after the item');
  return item;
}
