// Recognises the shareholder actions of design.md in typed data, so the approval screen can say
// "Transfer 1,000 ACME to 0x…" instead of showing hex. Recognition is by the exact EIP-712 type string
// (encodeType), never by names alone: a look-alike type with an extra or reordered field is generic.
import { toChecksumAddress } from '../address';
import type { CheckedTypedData } from '../typed-data/checked';
import { encodeType } from '../typed-data/encode';
import { parseType } from '../typed-data/schema';
import type { TypedData } from '../typed-data/types';
import type { GenericField, KnownToken, ShareholderAction, TokenRef, VoteSupport } from './types';

/** The wallet's own knowledge of tokens: its holdings, or what it read from the chain. */
export type TokenLookup = (chainId: bigint | undefined, address: string) => KnownToken | undefined;

const TRANSFER = 'TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)';
const RECEIVE = 'ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)';
const PERMIT = 'Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)';
const BALLOT = 'Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)';
const EXTENDED_BALLOT = 'ExtendedBallot(uint256 proposalId,uint8 support,address voter,uint256 nonce,string reason,bytes params)';
const DELEGATION = 'Delegation(address delegatee,uint256 nonce,uint256 expiry)';

/**
 * Snapshot's Vote types as snapshot.js signs them (snapshot-labs/snapshot.js src/sign/types.ts: voteTypes,
 * voteArrayTypes, voteStringTypes, vote2Types, voteArray2Types, voteString2Types): proposal as a string or
 * bytes32, choice as uint32, uint32[] or string. Any other Vote, even with one more field, is generic.
 */
const SNAPSHOT_VOTES = new Set(['string', 'bytes32'].flatMap((proposal) => ['uint32', 'uint32[]', 'string'].map((choice) =>
  `Vote(address from,string space,uint64 timestamp,${proposal} proposal,${choice} choice,string reason,string app,string metadata)`)));

/** At or above 2^255 an amount is "effectively unlimited": no share token has that many units. */
const EFFECTIVELY_UNLIMITED = 1n << 255n;

/** GovernorCountingSimple: 0 Against, 1 For, 2 Abstain. */
export const SUPPORT: Record<string, VoteSupport> = { '0': 'against', '1': 'for', '2': 'abstain' };

function integer(value: unknown): bigint {
  return BigInt(value as string | number);
}

function address(value: unknown): string {
  return toChecksumAddress(value as string);
}

function tokenOf(checked: CheckedTypedData, lookup: TokenLookup): TokenRef | undefined {
  const contract = checked.data.domain.verifyingContract;
  if (typeof contract !== 'string') return undefined;
  const { chainId } = checked;
  const tokenAddress = address(contract);
  return { address: tokenAddress, chainId, known: lookup(chainId, tokenAddress) };
}

/** A string field's value, or undefined when it is empty. */
function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An allowance of at least 2^255, or of more than the token's known total supply, lets the spender take everything. */
export function effectivelyUnlimited(amount: bigint, known: KnownToken | undefined): boolean {
  return amount >= EFFECTIVELY_UNLIMITED || (known?.totalSupply !== undefined && amount > known.totalSupply);
}

function genericValue(data: TypedData, type: string, value: unknown): GenericField['value'] {
  const { base, dimensions } = parseType(type, type);
  if (dimensions.length > 0) {
    const elementType = type.slice(0, type.lastIndexOf('['));
    return (value as unknown[]).map((item, i) => ({ name: `[${i}]`, type: elementType, value: genericValue(data, elementType, item) }));
  }
  const fields = data.types[base];
  if (fields !== undefined) {
    const record = value as Record<string, unknown>;
    return fields.map((field) => ({ name: field.name, type: field.type, value: genericValue(data, field.type, record[field.name]) }));
  }
  if (base === 'address') return address(value);
  if (/^u?int\d+$/.test(base)) return integer(value).toString();
  if (base === 'bool') return String(value);
  return value as string;
}

function genericFields(data: TypedData, typeName: string, record: Record<string, unknown>): GenericField[] {
  return genericValue(data, typeName, record) as GenericField[];
}

function recognise(checked: CheckedTypedData, lookup: TokenLookup): ShareholderAction | undefined {
  const { data } = checked;
  const type = encodeType(data.types, data.primaryType);
  const m = data.message;
  if (data.domain.name === 'snapshot' && SNAPSHOT_VOTES.has(type)) {
    return {
      kind: 'snapshot-vote', space: m.space as string, proposal: String(m.proposal), choice: JSON.stringify(m.choice),
      voter: address(m.from), reason: nonEmpty(m.reason), app: nonEmpty(m.app), metadata: nonEmpty(m.metadata),
    };
  }
  if (type === BALLOT || type === EXTENDED_BALLOT) {
    const support = SUPPORT[integer(m.support).toString()];
    const governor = data.domain.verifyingContract;
    if (support === undefined || typeof governor !== 'string') return undefined;
    return {
      kind: 'vote', governor: address(governor), chainId: checked.chainId, proposalId: integer(m.proposalId),
      support, voter: address(m.voter), reason: type === EXTENDED_BALLOT ? nonEmpty(m.reason) : undefined,
      params: type === EXTENDED_BALLOT && m.params !== '0x' ? (m.params as string).toLowerCase() : undefined,
    };
  }
  const token = tokenOf(checked, lookup);
  if (token === undefined) return undefined;
  if (type === TRANSFER || type === RECEIVE) {
    return {
      kind: 'transfer', token, from: address(m.from), to: address(m.to), amount: integer(m.value),
      validAfter: integer(m.validAfter), validBefore: integer(m.validBefore), submitter: type === RECEIVE ? 'recipient' : 'anyone',
    };
  }
  if (type === PERMIT) {
    const amount = integer(m.value);
    return {
      kind: 'permit', token, owner: address(m.owner), spender: address(m.spender), amount,
      unlimited: effectivelyUnlimited(amount, token.known), deadline: integer(m.deadline),
    };
  }
  if (type === DELEGATION) return { kind: 'delegation', token, delegatee: address(m.delegatee), expiry: integer(m.expiry) };
  return undefined;
}

/** The shareholder action that `checked` asks for, or a generic structure when it is none of them. */
export function describeTypedData(checked: CheckedTypedData, lookup: TokenLookup): ShareholderAction {
  const { data } = checked;
  return recognise(checked, lookup) ?? {
    kind: 'generic',
    primaryType: data.primaryType,
    domain: genericFields(data, 'EIP712Domain', data.domain),
    message: data.primaryType === 'EIP712Domain' ? [] : genericFields(data, data.primaryType, data.message),
  };
}
