// Signing a checked transaction with the same deterministic, low-s signer as messages (../sign.ts).
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToBigInt, bytesToHex } from '../bytes';
import { signDigestRecoverable } from '../sign';
import { serializeSignedTransaction, transactionSigningHash } from './serialize';
import type { CheckedTransaction, SignedTransaction } from './types';

/**
 * Signs `tx` with a 32-byte private key: the raw transaction for eth_sendRawTransaction and its hash.
 * @throws RangeError for an invalid private key.
 */
export function signTransaction(privateKey: Uint8Array, tx: CheckedTransaction): SignedTransaction {
  const { rs, recovery } = signDigestRecoverable(privateKey, transactionSigningHash(tx));
  const raw = serializeSignedTransaction(tx, {
    yParity: recovery, r: bytesToBigInt(rs.subarray(0, 32)), s: bytesToBigInt(rs.subarray(32)),
  });
  return { raw: bytesToHex(raw), hash: bytesToHex(keccak_256(raw)) };
}
