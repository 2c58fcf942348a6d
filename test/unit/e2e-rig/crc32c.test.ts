import { describe, expect, it } from 'vitest';
import { crc32c, maskCrc, unmaskCrc } from '../../e2e/rig/encode/crc32c';

const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const hex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));
const u32le = (text: string): number => Buffer.from(text, 'hex').readUInt32LE(0);

describe('CRC-32C', () => {
  it('gives the check value of "123456789" (the catalogue value for CRC-32C)', () => {
    expect(crc32c(ascii('123456789'))).toBe(0xe3069283);
  });

  it('gives the RFC 3720 appendix B.4 values', () => {
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa);
    expect(crc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, k) => k))).toBe(0x46dd794e);
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, k) => 31 - k))).toBe(0x113fdb5c);
  });

  it('extends a CRC over data that follows, as LevelDB\'s crc32c::Extend does', () => {
    const whole = ascii('hello world, in two parts');
    expect(crc32c(whole.subarray(11), crc32c(whole.subarray(0, 11)))).toBe(crc32c(whole));
    expect(crc32c(new Uint8Array(0))).toBe(0);
  });

  it('masks and unmasks as LevelDB stores CRCs', () => {
    const crc = crc32c(ascii('foo'));
    expect(maskCrc(crc)).not.toBe(crc);
    expect(maskCrc(maskCrc(crc))).not.toBe(crc);
    expect(unmaskCrc(maskCrc(crc))).toBe(crc);
    expect(unmaskCrc(unmaskCrc(maskCrc(maskCrc(crc))))).toBe(crc);
  });

  // Records Chromium's LevelDB wrote for a new extension IndexedDB (metadata only): each header's
  // masked CRC covers the type byte, then the data.
  it('matches the CRCs of log records that Chromium\'s LevelDB wrote', () => {
    const manifest = hex('01086964625f636d7031020003020400'); // VersionEdit: comparator idb_cmp1, log 0, next file 2, seq 0
    expect(maskCrc(crc32c(manifest, crc32c(Uint8Array.of(1))))).toBe(u32le('e4d68eee'));
    const batch = hex('0100000000000000010000000106000000003200020801');
    expect(maskCrc(crc32c(batch, crc32c(Uint8Array.of(1))))).toBe(u32le('f2882016'));
  });
});
