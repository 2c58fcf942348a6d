// SLIP-0039 §Shamir's secret-sharing: GF(256) in polynomial representation modulo the Rijndael polynomial
// x^8 + x^4 + x^3 + x + 1 (AES §4.2), with exp/log tables over the generator x + 1.

const EXP = new Uint8Array(255);
const LOG = new Uint8Array(256);
{
  let element = 1;
  for (let power = 0; power < 255; power++) {
    EXP[power] = element;
    LOG[element] = power;
    // Multiply by x + 1, then reduce modulo 0x11b.
    element ^= element << 1;
    if ((element & 0x100) !== 0) element ^= 0x11b;
  }
}

function log(element: number): number {
  return LOG[element] ?? 0;
}

function exp(power: number): number {
  return EXP[((power % 255) + 255) % 255] ?? 0;
}

/** A point of the per-byte polynomials: x and the vector (f_1(x), ..., f_n(x)). */
export interface Point {
  x: number;
  y: Uint8Array;
}

/**
 * SLIP-0039 §Interpolate: (f_1(x), ..., f_n(x)) from points with pairwise distinct x values and y vectors of
 * one length (the callers check both). Subtraction in GF(256) is xor, and the Lagrange basis
 * ∏ (x − x_j)/(x_i − x_j) is computed as a sum and difference of logarithms.
 */
export function interpolate(points: readonly Point[], x: number): Uint8Array {
  const known = points.find((point) => point.x === x);
  if (known !== undefined) return known.y.slice();
  const length = points[0]?.y.length ?? 0;
  const result = new Uint8Array(length);
  // log of ∏_j (x − x_j), shared by every basis polynomial.
  const logProduct = points.reduce((sum, point) => sum + log(point.x ^ x), 0);
  for (const point of points) {
    const logDenominator = points.reduce((sum, other) => sum + (other === point ? 0 : log(point.x ^ other.x)), 0);
    const logBasis = logProduct - log(point.x ^ x) - logDenominator;
    for (let k = 0; k < length; k++) {
      const value = point.y[k] ?? 0;
      if (value !== 0) result[k] = (result[k] ?? 0) ^ exp(log(value) + logBasis);
    }
  }
  return result;
}
