// The two EIP-712 requests a share registry sends: an ERC-3009 share transfer and an OpenZeppelin
// Governor ballot. Pure functions: the same builders feed the wallet's signature request and the
// page's own verification, so both hash exactly the same data.
import { bytesToHex, parseUnits, type Address, type Hex } from 'viem';
import { DOMAIN_VERSION, SHARE_DECIMALS, TRANSFER_VALIDITY_SECONDS } from './config';

/** ERC-3009: `TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)`. */
export const TRANSFER_WITH_AUTHORIZATION_TYPES = {
  TransferWithAuthorization: [
    { name: 'from', type: 'address' },
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'validAfter', type: 'uint256' },
    { name: 'validBefore', type: 'uint256' },
    { name: 'nonce', type: 'bytes32' },
  ],
} as const;

/** OpenZeppelin Governor 5: `Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)`. */
export const BALLOT_TYPES = {
  Ballot: [
    { name: 'proposalId', type: 'uint256' },
    { name: 'support', type: 'uint8' },
    { name: 'voter', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const;

/** Governor `support` values (GovernorCountingSimple). */
export const VOTE_SUPPORT = { Against: 0, For: 1, Abstain: 2 } as const;
export type VoteChoice = keyof typeof VOTE_SUPPORT;

export interface ContractDomain {
  /** The contract's EIP-712 name: the token's name, or the governor's name. */
  name: string;
  /** The chain the wallet reports (`eth_chainId`). */
  chainId: number;
  verifyingContract: Address;
}

export interface ShareTransfer {
  from: Address;
  to: Address;
  /** In the token's smallest units (see {@link sharesToUnits}). */
  value: bigint;
  /** Unix seconds; the authorization is valid strictly between validAfter and validBefore. */
  validAfter: bigint;
  validBefore: bigint;
  /** A random 32-byte nonce (ERC-3009 nonces are not sequential). */
  nonce: Hex;
}

export interface Ballot {
  proposalId: bigint;
  support: VoteChoice;
  voter: Address;
  /** The voter's current `nonces(voter)` on the governor. */
  nonce: bigint;
}

function domainOf(contract: ContractDomain) {
  return {
    name: contract.name,
    version: DOMAIN_VERSION,
    chainId: contract.chainId,
    verifyingContract: contract.verifyingContract,
  };
}

export function transferWithAuthorization(token: ContractDomain, transfer: ShareTransfer) {
  return {
    domain: domainOf(token),
    types: TRANSFER_WITH_AUTHORIZATION_TYPES,
    primaryType: 'TransferWithAuthorization',
    message: { ...transfer },
  } as const;
}

export function ballot(governor: ContractDomain, vote: Ballot) {
  return {
    domain: domainOf(governor),
    types: BALLOT_TYPES,
    primaryType: 'Ballot',
    message: { proposalId: vote.proposalId, support: VOTE_SUPPORT[vote.support], voter: vote.voter, nonce: vote.nonce },
  } as const;
}

export type TransferTypedData = ReturnType<typeof transferWithAuthorization>;
export type BallotTypedData = ReturnType<typeof ballot>;

/** A fresh ERC-3009 nonce: 32 random bytes. */
export function randomNonce(): Hex {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(32)));
}

/** The validity window of a transfer signed now: from the epoch (validAfter 0) to now + 1 hour. */
export function validityWindow(nowMs: number = Date.now()): { validAfter: bigint; validBefore: bigint } {
  return { validAfter: 0n, validBefore: BigInt(Math.floor(nowMs / 1000) + TRANSFER_VALIDITY_SECONDS) };
}

/** "12.5" shares → 12.5 × 10^decimals units. Throws a sentence a user can act on for anything else. */
export function sharesToUnits(shares: string, decimals: number = SHARE_DECIMALS): bigint {
  const text = shares.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) throw new RangeError('Shares must be a positive number, such as 100 or 12.5.');
  const fraction = text.split('.')[1] ?? '';
  if (fraction.length > decimals) throw new RangeError(`Shares can have at most ${decimals} decimal places.`);
  const units = parseUnits(text, decimals);
  if (units === 0n) throw new RangeError('Shares must be more than 0.');
  return units;
}

/** A proposal id as typed by a user: a whole number that fits in uint256. */
export function parseProposalId(text: string): bigint {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) throw new RangeError('Proposal id must be a whole number.');
  const id = BigInt(trimmed);
  if (id >= 2n ** 256n) throw new RangeError('Proposal id must fit in 256 bits.');
  return id;
}
