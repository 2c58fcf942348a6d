/** One byte to change in every stored copy of a piece of text, and what a file patch reports. */
import { indexesOf } from '../decode/bytes';

export interface ByteEdit {
  /** The bytes as stored (e.g. a one-byte string's characters). */
  needle: Uint8Array;
  /** The index in `needle` of the byte to change. */
  position: number;
  /** The byte written there instead. */
  replacement: number;
}

export interface PatchResult {
  /** The whole file, patched (a copy; the input is left as it was). */
  file: Uint8Array;
  /** Where each changed byte is, e.g. "log record fragment at 6197, byte 6204". Empty: nothing found. */
  places: string[];
}

/** The needle as it reads after the edit. */
export function editedNeedle(edit: ByteEdit): Uint8Array {
  const out = Uint8Array.from(edit.needle);
  out[edit.position] = edit.replacement;
  return out;
}

/** Checks that the edit names a byte of the needle and really changes it. @throws RangeError otherwise. */
export function checkEdit(edit: ByteEdit): void {
  const current = edit.needle[edit.position];
  if (current === undefined) throw new RangeError(`position ${edit.position} is outside the ${edit.needle.length}-byte needle`);
  if (!Number.isInteger(edit.replacement) || edit.replacement < 0 || edit.replacement > 0xff) throw new RangeError('the replacement must be one byte');
  if (current === edit.replacement) throw new RangeError('the replacement equals the byte it replaces');
}

/** `data` with byte `position` of every copy of the needle changed (a copy), and where the copies start. */
export function applyEdit(data: Uint8Array, edit: ByteEdit): { data: Uint8Array; hits: number[] } {
  const out = Uint8Array.from(data);
  const hits = indexesOf(data, edit.needle);
  for (const hit of hits) out[hit + edit.position] = edit.replacement;
  return { data: out, hits };
}
