// What this registry is about, beyond its contracts. Where the share token and the governor are, their
// names and decimals, and the chain they live on come from the registry's server (GET /api/deployment,
// see registry-api.ts), never from constants here: a page that hard-codes a contract address signs for
// whatever happens to be there.
import type { Address } from 'viem';

export const COMPANY = {
  name: 'Acme Holdings',
} as const;

/** Both contracts sign with EIP-712 domain version "1" (OpenZeppelin ERC20Permit and Governor). */
export const DOMAIN_VERSION = '1';

/** Share tokens here have 18 decimals, like the OpenZeppelin ERC20 default: 1 share = 10^18 units. */
export const SHARE_DECIMALS = 18;

/** The default recipient of a share transfer (anvil's second well-known test account). */
export const DEMO_RECIPIENT: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** The proposal id the vote form starts with ("Create proposal" puts the new one there). */
export const DEMO_PROPOSAL_ID = 1n;

/** The chain the "chain mismatch" control puts in the domain, which the wallet must refuse (Goerli). */
export const MISMATCH_CHAIN_ID = 5;

/** How long a transfer authorization stays valid (ERC-3009 `validBefore` = now + this). */
export const TRANSFER_VALIDITY_SECONDS = 3600;
