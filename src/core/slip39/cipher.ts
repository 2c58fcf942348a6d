// SLIP-0039 §Encryption of the master secret: a four-round Feistel network whose round function is
// PBKDF2-HMAC-SHA256. PBKDF2 runs in WebCrypto, as for the BIP-39 seed and the vault (mnemonic.ts,
// vault.ts): native code several times faster than a JS loop, and it does not block the background.
import { concatBytes, utf8ToBytes } from '../bytes';

const ROUNDS = 4;
/** SLIP-0039 §Format: 10000 × 2^e iterations in total, spread over the four rounds. */
const BASE_ITERATIONS = 10000;

/** The parameters that, with the passphrase, key the permutation. */
export interface CipherParams {
  identifier: number;
  extendable: boolean;
  iterationExponent: number;
}

/** SLIP-0039: salt_prefix is empty when ext = 1, and "shamir" || id (two bytes, big endian) when ext = 0. */
function saltPrefix(params: CipherParams): Uint8Array {
  if (params.extendable) return new Uint8Array(0);
  return concatBytes(utf8ToBytes('shamir'), new Uint8Array([params.identifier >> 8, params.identifier & 0xff]));
}

/** F(i, R) = PBKDF2(HMAC-SHA256, password = i || passphrase, salt = salt_prefix || R, 2500 << e, n/2 bytes). */
async function roundFunction(round: number, passphrase: Uint8Array, prefix: Uint8Array, half: Uint8Array, exponent: number): Promise<Uint8Array> {
  const password = concatBytes(new Uint8Array([round]), passphrase);
  const key = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
  const iterations = (BASE_ITERATIONS << exponent) / ROUNDS;
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: concatBytes(prefix, half), iterations }, key, half.length * 8,
  );
  return new Uint8Array(bits);
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((byte, i) => byte ^ (b[i] ?? 0));
}

/** Runs the rounds in `order` on `input` split in halves L and R, returning R || L (the spec's shape for both ways). */
async function feistel(input: Uint8Array, passphrase: string, params: CipherParams, order: readonly number[]): Promise<Uint8Array> {
  const passphraseBytes = utf8ToBytes(passphrase);
  const prefix = saltPrefix(params);
  let left: Uint8Array = input.slice(0, input.length / 2);
  let right: Uint8Array = input.slice(input.length / 2);
  for (const round of order) {
    const f = await roundFunction(round, passphraseBytes, prefix, right, params.iterationExponent);
    [left, right] = [right, xor(left, f)];
  }
  return concatBytes(right, left);
}

/** EMS = Encrypt(MS, P, e, id, ext). The caller checks that MS has an even length and P is printable ASCII. */
export function encryptMasterSecret(masterSecret: Uint8Array, passphrase: string, params: CipherParams): Promise<Uint8Array> {
  return feistel(masterSecret, passphrase, params, [0, 1, 2, 3]);
}

/** MS = Decrypt(EMS, P, e, id, ext): the same network with the rounds in reverse order. */
export function decryptMasterSecret(encrypted: Uint8Array, passphrase: string, params: CipherParams): Promise<Uint8Array> {
  return feistel(encrypted, passphrase, params, [3, 2, 1, 0]);
}

/** SLIP-0039 §Passphrase: printable ASCII only (code points 32-126); no passphrase is the empty string. */
export function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || !/^[\x20-\x7e]*$/u.test(passphrase)) {
    throw new RangeError('SLIP-39 passphrase must contain only printable ASCII characters (code points 32 to 126)');
  }
}
