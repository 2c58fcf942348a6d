// The one curve library that ships. @noble/secp256k1 v3 leaves its sync hashes unset; wire them once here,
// so every signer in core uses deterministic RFC 6979 nonces from HMAC-SHA256.
import * as secp from '@noble/secp256k1';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

secp.hashes.sha256 = sha256;
secp.hashes.hmacSha256 = (key, message) => hmac(sha256, key, message);

/** SEC 2 §2.4.1: the order n of the secp256k1 base point. */
export const CURVE_ORDER = secp.Point.CURVE().n;

export { secp };
