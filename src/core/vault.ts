// The vault: the recovery phrase encrypted with AES-256-GCM under a key from PBKDF2-SHA256 (WebCrypto).
// The record keeps its KDF parameters so they can be raised later; the header is bound to the ciphertext
// as AES-GCM additional data, so editing any parameter on disk makes decryption fail rather than weaken it.
import { base64ToBytes, bytesToBase64, utf8ToBytes } from './bytes';

export const VAULT_VERSION = 1;
/** OWASP Password Storage Cheat Sheet (2023) figure for PBKDF2-HMAC-SHA256. */
export const VAULT_ITERATIONS = 600_000;
/** Refuse records that would make unlock hang: ten times today's default is far beyond any release. */
const MAX_ITERATIONS = 10 * VAULT_ITERATIONS;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export interface VaultKdf {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
}

export interface VaultRecord {
  version: number;
  kdf: VaultKdf;
  cipher: { name: 'AES-GCM'; /** base64 */ iv: string };
  /** base64 of AES-GCM output (ciphertext ‖ 16-byte tag). */
  ciphertext: string;
}

/**
 * The vault did not open. `reason` is `wrong-password-or-tampered` when authentication failed (AES-GCM
 * cannot tell a wrong password from an edited record) and `malformed` when the record is not a vault.
 */
export class VaultOpenError extends Error {
  override readonly name = 'VaultOpenError';
  constructor(readonly reason: 'wrong-password-or-tampered' | 'malformed', message: string) {
    super(message);
  }
}

/** The exact bytes bound to the ciphertext: everything in the record except the ciphertext itself. */
function header(record: Omit<VaultRecord, 'ciphertext'>): Uint8Array<ArrayBuffer> {
  const { version, kdf, cipher } = record;
  return utf8ToBytes(JSON.stringify([version, kdf.name, kdf.hash, kdf.iterations, kdf.salt, cipher.name, cipher.iv]));
}

function passwordBytes(password: string): Uint8Array<ArrayBuffer> {
  if (typeof password !== 'string' || password.length === 0) throw new TypeError('password must be a non-empty string');
  // NFKC so that the same password typed through different input methods (full-width forms) matches.
  return utf8ToBytes(password.normalize('NFKC'));
}

async function deriveKey(password: string, kdf: VaultKdf, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', passwordBytes(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: kdf.hash, salt, iterations: kdf.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Encrypts with explicit KDF iterations. Exposed for migrations and tests of older records; new vaults
 * use {@link encryptVault}.
 */
export async function encryptVaultWithIterations(plaintext: Uint8Array, password: string, iterations: number): Promise<VaultRecord> {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`iterations must be 1 … ${MAX_ITERATIONS}`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const kdf: VaultKdf = { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) };
  const head = { version: VAULT_VERSION, kdf, cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) } } as const;
  const key = await deriveKey(password, kdf, salt);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header(head) }, key, new Uint8Array(plaintext));
  return { ...head, kdf: { ...kdf }, cipher: { ...head.cipher }, ciphertext: bytesToBase64(new Uint8Array(sealed)) };
}

/** Encrypts `plaintext` under `password` with the current parameters. @throws TypeError for an empty password. */
export function encryptVault(plaintext: Uint8Array, password: string): Promise<VaultRecord> {
  return encryptVaultWithIterations(plaintext, password, VAULT_ITERATIONS);
}

function checkRecord(record: unknown): VaultRecord & { salt: Uint8Array<ArrayBuffer>; iv: Uint8Array<ArrayBuffer>; sealed: Uint8Array<ArrayBuffer> } {
  const fail = (what: string) => new VaultOpenError('malformed', `the vault record is damaged: ${what}`);
  if (typeof record !== 'object' || record === null) throw fail('not an object');
  const { version, kdf, cipher, ciphertext } = record as Partial<Record<keyof VaultRecord, unknown>>;
  if (version !== VAULT_VERSION) throw fail(`unknown version ${String(version)}`);
  if (typeof kdf !== 'object' || kdf === null) throw fail('no key derivation parameters');
  const { name, hash, iterations, salt } = kdf as Partial<Record<keyof VaultKdf, unknown>>;
  if (name !== 'PBKDF2' || hash !== 'SHA-256') throw fail('unsupported key derivation');
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw fail('iterations out of range');
  }
  if (typeof cipher !== 'object' || cipher === null || (cipher as { name?: unknown }).name !== 'AES-GCM') throw fail('unsupported cipher');
  const iv = (cipher as { iv?: unknown }).iv;
  if (typeof salt !== 'string' || typeof iv !== 'string' || typeof ciphertext !== 'string') throw fail('missing salt, iv or ciphertext');
  try {
    const parsed = { salt: base64ToBytes(salt), iv: base64ToBytes(iv), sealed: base64ToBytes(ciphertext) };
    if (parsed.iv.length !== IV_BYTES || parsed.salt.length < SALT_BYTES || parsed.sealed.length < 16) throw fail('wrong lengths');
    return { version, kdf: { name, hash, iterations, salt }, cipher: { name: 'AES-GCM', iv }, ciphertext, ...parsed };
  } catch (error) {
    throw error instanceof VaultOpenError ? error : fail('not base64');
  }
}

/**
 * `value` as a vault record, when it has the shape and parameters this wallet can open.
 * @throws VaultOpenError `malformed`, naming what is wrong.
 */
export function parseVaultRecord(value: unknown): VaultRecord {
  const { salt: _salt, iv: _iv, sealed: _sealed, ...record } = checkRecord(value);
  return record;
}

/**
 * Decrypts a vault record.
 * @throws VaultOpenError: `wrong-password-or-tampered` or `malformed`; TypeError for an empty password.
 */
export async function decryptVault(record: VaultRecord, password: string): Promise<Uint8Array> {
  const checked = checkRecord(record);
  const key = await deriveKey(password, checked.kdf, checked.salt);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: checked.iv, additionalData: header(checked) }, key, checked.sealed);
    return new Uint8Array(plain);
  } catch {
    throw new VaultOpenError('wrong-password-or-tampered', 'the password is wrong, or the vault record was changed');
  }
}

/** True when `record` was made with weaker parameters than today's; re-encrypt it after the next unlock. */
export function vaultNeedsUpgrade(record: VaultRecord): boolean {
  return record.version < VAULT_VERSION || record.kdf.iterations < VAULT_ITERATIONS;
}
