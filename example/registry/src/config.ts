// What this registry is about: one company, its share token and its governor. A real registry reads
// these from its own deployment; the demo fixes them so the pages and the tests agree on every value.
import type { Address } from 'viem';

export const COMPANY = {
  name: 'Acme Holdings',
  /** The share token's ERC-20 name, which is also its EIP-712 domain name (ERC20Permit / ERC-3009). */
  shareTokenName: 'Acme Holdings Shares',
  /** The governor's EIP-712 domain name (OpenZeppelin Governor uses its `name()`). */
  governorName: 'Acme Shareholder Governor',
} as const;

/** Both contracts sign with EIP-712 domain version "1" (OpenZeppelin ERC20Permit and Governor). */
export const DOMAIN_VERSION = '1';

/** Share tokens here have 18 decimals, like the OpenZeppelin ERC20 default: 1 share = 10^18 units. */
export const SHARE_DECIMALS = 18;

/**
 * Demo contract addresses: where a fresh anvil chain puts the first two contracts its first account
 * deploys (nonces 0 and 1). No contract needs to exist for signing: the signatures are checked in the
 * page with viem's verifyTypedData, which hashes and recovers locally.
 */
export const DEMO_SHARE_TOKEN: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const DEMO_GOVERNOR: Address = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';

/** The default recipient of a share transfer (anvil's second well-known test account). */
export const DEMO_RECIPIENT: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** The default proposal to vote on, and the voter's governor nonce (a real site reads `nonces(voter)`). */
export const DEMO_PROPOSAL_ID = 1n;
export const DEMO_VOTE_NONCE = 0n;

/** The chain the "chain mismatch" control puts in the domain, which the wallet must refuse (Goerli). */
export const MISMATCH_CHAIN_ID = 5;

/** How long a transfer authorization stays valid (ERC-3009 `validBefore` = now + this). */
export const TRANSFER_VALIDITY_SECONDS = 3600;
