// SLIP-0039 §Checksum: RS1024, a Reed-Solomon code over GF(1024) whose three check words detect any error
// in up to three words. Written from the spec's rs1024_polymod / rs1024_create_checksum description.

/** SLIP-0039 §Format: the customization string is "shamir" when ext = 0, "shamir_extendable" when ext = 1. */
export function customizationString(extendable: boolean): string {
  return extendable ? 'shamir_extendable' : 'shamir';
}

/** The generator constants of the spec's rs1024_polymod. */
const GENERATOR = [
  0xe0e040, 0x1c1c080, 0x3838100, 0x7070200, 0xe0e0009, 0x1c0c2412, 0x38086c24, 0x3090fc48, 0x21b1f890, 0x3f3f120,
] as const;

/** Number of checksum words at the end of every share. */
export const CHECKSUM_WORDS = 3;

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 20;
    chk = (((chk & 0xfffff) << 10) ^ value) >>> 0;
    GENERATOR.forEach((generator, bit) => {
      if (((top >>> bit) & 1) === 1) chk = (chk ^ generator) >>> 0;
    });
  }
  return chk;
}

function prefixValues(extendable: boolean): number[] {
  // SLIP-0039: each character's US-ASCII value is fed in before the data.
  const text = customizationString(extendable);
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

/** The three checksum words (10-bit values) for `data`, the share's words before the checksum. */
export function createChecksum(data: readonly number[], extendable: boolean): number[] {
  const residue = polymod([...prefixValues(extendable), ...data, 0, 0, 0]) ^ 1;
  return [2, 1, 0].map((shift) => (residue >>> (10 * shift)) & 1023);
}

/** True when `words` (data followed by its three checksum words) has a valid RS1024 checksum. */
export function verifyChecksum(words: readonly number[], extendable: boolean): boolean {
  return polymod([...prefixValues(extendable), ...words]) === 1;
}
