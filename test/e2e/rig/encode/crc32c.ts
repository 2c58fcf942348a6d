/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum LevelDB puts on every log
 * record and table block (google/leveldb util/crc32c.h), and LevelDB's masking of stored CRCs.
 */

const POLYNOMIAL = 0x82f63b78;

/** One entry per byte value: the CRC of that byte alone, reflected, table-driven as in RFC 3720 B.4. */
const TABLE = Uint32Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
  return crc >>> 0;
});

/**
 * The CRC-32C of `data`; pass a previous result as `crc` to extend it, so that
 * `crc32c(b, crc32c(a))` equals the CRC of `a` followed by `b` (LevelDB's `crc32c::Extend`).
 */
export function crc32c(data: Uint8Array, crc = 0): number {
  let state = ~crc >>> 0;
  for (const byte of data) state = (TABLE[(state ^ byte) & 0xff] ?? 0) ^ (state >>> 8);
  return ~state >>> 0;
}

const MASK_DELTA = 0xa282ead8;

/**
 * The CRC as LevelDB stores it: rotated right by 15 bits plus a constant, because a CRC of data that
 * itself holds CRCs is weak (util/crc32c.h `Mask`).
 */
export function maskCrc(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

/** The inverse of {@link maskCrc}. */
export function unmaskCrc(masked: number): number {
  const rotated = (masked - MASK_DELTA) >>> 0;
  return ((rotated >>> 17) | (rotated << 15)) >>> 0;
}
