import { describe, expect, it } from 'vitest';
import { decryptVault, encryptVault, VAULT_ITERATIONS, VaultOpenError, vaultNeedsUpgrade, type VaultRecord } from '../../../src/core';
import { encryptVaultWithIterations } from '../../../src/core/vault';

const secret = new TextEncoder().encode('test test test test test test test test test test test junk');
const password = 'correct horse battery staple';

// One vault at the default parameters, shared: each PBKDF2 at 600,000 iterations takes a few hundred ms.
const record = await encryptVault(secret, password);

async function openError(target: unknown, pass = password): Promise<VaultOpenError> {
  const error: unknown = await decryptVault(target as VaultRecord, pass).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(VaultOpenError);
  return error as VaultOpenError;
}

function edited(edit: (copy: VaultRecord) => void): VaultRecord {
  const copy = structuredClone(record);
  edit(copy);
  return copy;
}

/** The same base64 text with one bit of its first byte flipped. */
function flipFirstBit(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString('base64');
}

describe('vault', () => {
  it('opens with the password it was made with and returns the exact plaintext', async () => {
    expect(await decryptVault(record, password)).toEqual(secret);
  });

  it('keeps PBKDF2-SHA256 with at least 600,000 iterations, a 16-byte salt and a 12-byte IV in a JSON record', () => {
    const parsed = JSON.parse(JSON.stringify(record)) as VaultRecord;
    expect(parsed).toEqual(record);
    expect(record.version).toBe(1);
    expect(record.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
    expect(record.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(Buffer.from(record.kdf.salt, 'base64')).toHaveLength(16);
    expect(record.cipher.name).toBe('AES-GCM');
    expect(Buffer.from(record.cipher.iv, 'base64')).toHaveLength(12);
    // AES-GCM appends a 16-byte tag to a ciphertext as long as the plaintext.
    expect(Buffer.from(record.ciphertext, 'base64')).toHaveLength(secret.length + 16);
  });

  it('does not contain the plaintext or the password', () => {
    const text = JSON.stringify(record);
    expect(text).not.toContain('junk');
    expect(text).not.toContain(password);
    expect(text).not.toContain(Buffer.from(secret).toString('base64').slice(0, 12));
  });

  it('uses a fresh salt and IV for every encryption', async () => {
    const again = await encryptVaultWithIterations(secret, password, 1000);
    const third = await encryptVaultWithIterations(secret, password, 1000);
    expect(again.kdf.salt).not.toBe(third.kdf.salt);
    expect(again.cipher.iv).not.toBe(third.cipher.iv);
    expect(again.ciphertext).not.toBe(third.ciphertext);
  });

  it('refuses a wrong password with a VaultOpenError, not a crash', async () => {
    const error = await openError(record, 'correct horse battery stapler');
    expect(error.reason).toBe('wrong-password-or-tampered');
    expect(error.message).toMatch(/password is wrong/);
  });

  it('refuses a record whose ciphertext, IV, salt or iterations were edited, with the same error', async () => {
    const tampered = [
      edited((r) => { r.ciphertext = flipFirstBit(r.ciphertext); }),
      edited((r) => { r.cipher.iv = flipFirstBit(r.cipher.iv); }),
      edited((r) => { r.kdf.salt = flipFirstBit(r.kdf.salt); }),
      // Lowering the work factor on disk must not yield a weaker vault that still opens.
      edited((r) => { r.kdf.iterations = 1000; }),
    ];
    for (const target of tampered) expect((await openError(target)).reason).toBe('wrong-password-or-tampered');
  });

  it('refuses a record that is not a vault as malformed, naming what is wrong', async () => {
    const cases: [unknown, RegExp][] = [
      [null, /not an object/],
      [edited((r) => { r.version = 2; }), /unknown version 2/],
      [edited((r) => { (r.kdf as { hash: string }).hash = 'SHA-1'; }), /unsupported key derivation/],
      [edited((r) => { r.kdf.iterations = 1e12; }), /iterations out of range/],
      [edited((r) => { r.kdf.iterations = -1; }), /iterations out of range/],
      [edited((r) => { (r.cipher as { name: string }).name = 'AES-CBC'; }), /unsupported cipher/],
      [edited((r) => { r.ciphertext = '%%%'; }), /not base64/],
      [edited((r) => { r.cipher.iv = 'AAAA'; }), /wrong lengths/],
    ];
    for (const [target, message] of cases) {
      const error = await openError(target);
      expect(error.reason).toBe('malformed');
      expect(error.message).toMatch(message);
    }
  });

  it('opens a record made with weaker parameters and says it should be re-encrypted', async () => {
    const legacy = await encryptVaultWithIterations(secret, password, 10_000);
    expect(await decryptVault(legacy, password)).toEqual(secret);
    expect(vaultNeedsUpgrade(legacy)).toBe(true);
    expect(vaultNeedsUpgrade(record)).toBe(false);
    expect(record.kdf.iterations).toBe(VAULT_ITERATIONS);
  });

  it('treats full-width and ASCII forms of a password as the same password (NFKC)', async () => {
    const weak = await encryptVaultWithIterations(secret, 'ＡＢＣ１２３', 1000);
    expect(await decryptVault(weak, 'ABC123')).toEqual(secret);
  });

  it('refuses an empty password before doing any work', async () => {
    await expect(encryptVault(secret, '')).rejects.toThrow(TypeError);
    await expect(decryptVault(record, '')).rejects.toThrow(/non-empty/);
  });
});
