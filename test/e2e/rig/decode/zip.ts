// The names of the entries of a zip archive, read from its central directory (APPNOTE.TXT §4.3.12 and
// §4.3.16), so the packaging test can check what a store would unpack without an unzip tool.
import { DecodeError, readUintLE } from './bytes';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const MAX_END_RECORD = 22 + 0xffff;

function findEndRecord(zip: Uint8Array): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - MAX_END_RECORD); at--) {
    if (readUintLE(zip, at, 4) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new DecodeError('not a zip archive: no end of central directory record');
}

export function zipEntryNames(zip: Uint8Array): string[] {
  const end = findEndRecord(zip);
  const count = readUintLE(zip, end + 10, 2);
  let at = readUintLE(zip, end + 16, 4);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let entry = 0; entry < count; entry++) {
    if (readUintLE(zip, at, 4) !== CENTRAL_FILE_HEADER) throw new DecodeError(`zip entry ${entry}: bad central directory header`);
    const nameLength = readUintLE(zip, at + 28, 2);
    const extraLength = readUintLE(zip, at + 30, 2);
    const commentLength = readUintLE(zip, at + 32, 2);
    names.push(decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
