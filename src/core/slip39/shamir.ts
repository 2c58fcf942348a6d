// SLIP-0039 §Sharing a secret: SplitSecret and RecoverSecret. The secret sits at x = 255 and a digest of it
// at x = 254, so that a wrong set of shares is detected after combining (failure chance 2^-32).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '../bytes';
import { interpolate, type Point } from './gf256';

const DIGEST_INDEX = 254;
const SECRET_INDEX = 255;
const DIGEST_BYTES = 4;

/** Uniformly random bytes from the platform CSPRNG, as SLIP-0039 requires for steps 3 and 4. */
export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

function digest(randomPart: Uint8Array, secret: Uint8Array): Uint8Array {
  return hmac(sha256, randomPart, secret).subarray(0, DIGEST_BYTES);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * SplitSecret(T, N, S): the shares y_1..y_N for indices 0..N−1. The caller checks 1 <= T <= N <= 16 and the
 * secret's length.
 */
export function splitSecret(threshold: number, count: number, secret: Uint8Array): Point[] {
  // Step 2: with T = 1 every share is the secret itself, and no digest is stored.
  if (threshold === 1) return Array.from({ length: count }, (_, x) => ({ x, y: secret.slice() }));
  // Step 3: D = first 4 bytes of HMAC-SHA256(key = R, msg = S) || R, with R random.
  const randomPart = randomBytes(secret.length - DIGEST_BYTES);
  // Step 4: T − 2 shares are random.
  const randomShares = Array.from({ length: threshold - 2 }, (_, x) => ({ x, y: randomBytes(secret.length) }));
  const base: Point[] = [
    ...randomShares,
    { x: DIGEST_INDEX, y: concatBytes(digest(randomPart, secret), randomPart) },
    { x: SECRET_INDEX, y: secret },
  ];
  // Step 5: the other shares lie on the polynomial through those points.
  const computed = Array.from({ length: count - randomShares.length }, (_, i) => {
    const x = randomShares.length + i;
    return { x, y: interpolate(base, x) };
  });
  return [...randomShares, ...computed];
}

/**
 * RecoverSecret(T, points): the shared secret, or undefined when the digest at x = 254 does not match it
 * (a share was altered or comes from another set). The caller checks that the points have distinct x
 * values, equal lengths, and that there are exactly T of them.
 */
export function recoverSecret(threshold: number, points: readonly Point[]): Uint8Array | undefined {
  const first = points[0];
  if (first === undefined) return undefined;
  if (threshold === 1) return first.y.slice();
  const secret = interpolate(points, SECRET_INDEX);
  const digestShare = interpolate(points, DIGEST_INDEX);
  const expected = digest(digestShare.subarray(DIGEST_BYTES), secret);
  return equalBytes(expected, digestShare.subarray(0, DIGEST_BYTES)) ? secret : undefined;
}
