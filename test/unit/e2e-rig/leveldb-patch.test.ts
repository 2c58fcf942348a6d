import { describe, expect, it } from 'vitest';
import { DecodeError, concatBytes } from '../../e2e/rig/decode/bytes';
import { readLevelDbLogRecords, readLevelDbTable } from '../../e2e/rig/decode/leveldb';
import { patchLevelDbLog, patchLevelDbTable } from '../../e2e/rig/encode/leveldb-patch';
import { buildBlock, buildTable, logRecord, snappy } from './leveldb-builders';

const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? new Uint8Array(0)).toString('latin1');
const hex = (digits: string): Uint8Array => new Uint8Array(Buffer.from(digits, 'hex'));
/** Change the first character of each copy of `needle` to '!'. */
const bang = (needle: string) => ({ needle: ascii(needle), position: 0, replacement: 0x21 });

const FULL = 1;
const FIRST = 2;
const LAST = 4;

describe('patching a LevelDB log', () => {
  it('edits the text in a record and writes that record\'s CRC again', () => {
    const log = concatBytes([logRecord(FULL, ascii('an unrelated record')), logRecord(FULL, ascii('kdf salt c2FsdHNhbHQ= end'))]);
    const result = patchLevelDbLog(log, bang('c2FsdHNhbHQ='));
    expect(result.places).toHaveLength(1);
    expect(result.file).toEqual(concatBytes([logRecord(FULL, ascii('an unrelated record')), logRecord(FULL, ascii('kdf salt !2FsdHNhbHQ= end'))]));
    expect(text(log)).toContain('c2FsdHNhbHQ='); // the input is left as it was
  });

  it('edits a text that a 32 KiB block boundary splits, and rewrites only the fragment it changes', () => {
    const filler = new Uint8Array(32768 - 7 - 7 - 20); // one FULL record, leaving room for 20 bytes of the next
    const value = 'the value: c2FsdHNhbHQ= spans the block boundary';
    const layout = (v: string): Uint8Array => concatBytes([
      logRecord(FULL, filler), logRecord(FIRST, ascii(v.slice(0, 20))), logRecord(LAST, ascii(v.slice(20))),
    ]);
    const edit = { needle: ascii('c2FsdHNhbHQ='), position: 10, replacement: 0x2a }; // the 'Q', past the boundary
    const result = patchLevelDbLog(layout(value), edit);
    expect(result.file).toEqual(layout(value.replace('c2FsdHNhbHQ=', 'c2FsdHNhbH*=')));
    expect(text(readLevelDbLogRecords(result.file)[1])).toBe('the value: c2FsdHNhbH*= spans the block boundary');
  });

  it('edits every copy, one place each', () => {
    const log = concatBytes([logRecord(FULL, ascii('old: c2FsdHNhbHQ=')), logRecord(FULL, ascii('new: c2FsdHNhbHQ='))]);
    expect(patchLevelDbLog(log, bang('c2FsdHNhbHQ=')).places).toHaveLength(2);
  });

  it('accepts the CRCs of records that Chromium\'s LevelDB wrote', () => {
    // The first two records of a new extension IndexedDB log, as Chromium wrote them (metadata only).
    const log = hex('f288201617000101000000000000000100000001060000000032000208'
      + '01' + '69683e5222000102000000000000000200000001050000000000010501050000000002051500000010');
    const result = patchLevelDbLog(log, { needle: hex('0105010500'), position: 2, replacement: 0x07 });
    expect(result.places).toHaveLength(1);
    expect(readLevelDbLogRecords(result.file)[1]).toEqual(hex('02000000000000000200000001050000000000010507050000000002051500000010'));
  });

  it('refuses a record that does not carry the CRC of its bytes, and finds nothing where the text is not', () => {
    const good = logRecord(FULL, ascii('kdf salt c2FsdHNhbHQ='));
    const bad = Uint8Array.from(good);
    bad[0] = (bad[0] ?? 0) ^ 1;
    expect(() => patchLevelDbLog(bad, bang('c2FsdHNhbHQ='))).toThrow(DecodeError);
    expect(patchLevelDbLog(good, bang('not stored'))).toEqual({ file: good, places: [] });
  });

  it('refuses an edit that names no byte of the text or changes nothing', () => {
    const log = logRecord(FULL, ascii('kdf salt c2FsdHNhbHQ='));
    expect(() => patchLevelDbLog(log, { needle: ascii('c2Fs'), position: 4, replacement: 0x21 })).toThrow(RangeError);
    expect(() => patchLevelDbLog(log, { needle: ascii('c2Fs'), position: 0, replacement: 0x63 })).toThrow(RangeError);
  });
});

const literalsOnly = (block: Uint8Array): Uint8Array => snappy([{ literal: block }]);

describe('patching a LevelDB table', () => {
  const others: [string, Uint8Array][] = [['a-key', ascii('an unrelated value')]];

  it('edits the text in a plain block and writes that block\'s CRC again', () => {
    const table = (salt: string): Uint8Array => buildTable([{ entries: others }, { entries: [['vault', ascii(`kdf salt ${salt} iv`)]] }]);
    const result = patchLevelDbTable(table('c2FsdHNhbHQ='), bang('c2FsdHNhbHQ='));
    expect(result.places).toHaveLength(1);
    expect(result.file).toEqual(table('!2FsdHNhbHQ='));
  });

  it('edits the literal bytes of a Snappy block in place, so the table keeps its layout', () => {
    const table = (salt: string): Uint8Array => buildTable([{ entries: [['vault', ascii(`kdf salt ${salt} iv`)]], compress: literalsOnly }]);
    const result = patchLevelDbTable(table('c2FsdHNhbHQ='), bang('c2FsdHNhbHQ='));
    expect(result.places).toEqual([expect.stringContaining('(snappy)')]);
    expect(result.file).toEqual(table('!2FsdHNhbHQ='));
  });

  it('accepts a Snappy back-reference that repeats the whole text: both copies read edited', () => {
    const block = buildBlock([['vault', ascii('c2FsdHNhbHQ=|c2FsdHNhbHQ=')]]);
    const at = text(block).indexOf('|') + 1;
    const compress = (): Uint8Array => snappy([{ literal: block.subarray(0, at) }, { copy: { offset: 13, length: 12 } }, { literal: block.subarray(at + 12) }]);
    const result = patchLevelDbTable(buildTable([{ entries: [['vault', ascii('c2FsdHNhbHQ=|c2FsdHNhbHQ=')]], compress }]), bang('c2FsdHNhbHQ='));
    expect(result.places).toHaveLength(1);
    expect(text(readLevelDbTable(result.file).blocks[0])).toContain('!2FsdHNhbHQ=|!2FsdHNhbHQ=');
  });

  it('refuses a Snappy block where a back-reference repeats the changed byte outside the text', () => {
    const value = ascii('xbcdefgh-bcde');
    const block = buildBlock([['vault', value]]);
    const dash = text(block).indexOf('-') + 1;
    const compress = (): Uint8Array => snappy([{ literal: block.subarray(0, dash) }, { copy: { offset: 8, length: 4 } }, { literal: block.subarray(dash + 4) }]);
    const table = buildTable([{ entries: [['vault', value]], compress }]);
    expect(text(readLevelDbTable(table).blocks[0])).toContain('xbcdefgh-bcde');
    expect(() => patchLevelDbTable(table, bang('bcdefgh'))).toThrow(DecodeError);
  });

  it('refuses a text held only inside a Snappy back-reference', () => {
    const value = ascii('abcdefgh-abcdefgh');
    const block = buildBlock([['vault', value]]);
    const dash = text(block).indexOf('-') + 1;
    const compress = (): Uint8Array => snappy([{ literal: block.subarray(0, dash) }, { copy: { offset: 9, length: 8 } }, { literal: block.subarray(dash + 8) }]);
    expect(() => patchLevelDbTable(buildTable([{ entries: [['vault', value]], compress }]), bang('h-abcd'))).toThrow(DecodeError);
  });

  it('refuses a block that does not carry the CRC of its bytes, and a file that is not a table', () => {
    const table = buildTable([{ entries: [['vault', ascii('kdf salt c2FsdHNhbHQ=')]] }]);
    const crcAt = buildBlock([['vault', ascii('kdf salt c2FsdHNhbHQ=')]]).length + 1;
    const bad = Uint8Array.from(table);
    bad[crcAt] = (bad[crcAt] ?? 0) ^ 1;
    expect(() => patchLevelDbTable(bad, bang('c2FsdHNhbHQ='))).toThrow(DecodeError);
    expect(patchLevelDbTable(table, bang('not stored'))).toEqual({ file: table, places: [] });
    expect(() => patchLevelDbTable(ascii('not a table'), bang('c2FsdHNhbHQ='))).toThrow(DecodeError);
  });
});
