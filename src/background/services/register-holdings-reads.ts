// The register's facts per account for the holdings screens: what a holdings refresh adds to its one
// batch for each restricted token (ERC-3643, ERC-7943) it shows, pinned at the same block, and how the
// answers are read. Pure: the holdings service sends the calls with its own.
//   ERC-3643: paused() and identityRegistry() once per token; per account getFrozenTokens, isFrozen and
//             isVerified in the identity registry remembered from the probe (if the token names another
//             registry now, verification is left unknown and the new one is reported for the record).
//   ERC-7943: per account getFrozenTokens, canSend and canReceive.
// An answer that is missing or malformed leaves that fact unknown; it never fails the refresh, whose
// balances stand on their own.
import { toChecksumAddress } from '../../core';
import type { BatchCall, BatchItem } from '../platform/json-rpc';
import type { StoredRegister } from '../storage/schema';
import { addressArgument, registerCall } from './register-reads';

/** One account's register facts in one restricted token; amounts are raw units in decimal, as holdings rows. */
export interface RegisterHoldingRow {
  /** EIP-55 addresses. */
  token: string;
  account: string;
  /** getFrozenTokens: may exceed the balance (ERC-7943). */
  frozenTokens: string | undefined;
  /** ERC-3643 isFrozen: the whole account can neither send nor receive. */
  accountFrozen?: boolean | undefined;
  /** ERC-3643 identityRegistry().isVerified. */
  verified?: boolean | undefined;
  /** ERC-7943 canSend / canReceive. */
  canSend?: boolean | undefined;
  canReceive?: boolean | undefined;
}

/** A restricted token's own facts. */
export interface RegisterHoldingToken {
  token: string;
  standard: 'erc3643' | 'erc7943';
  /** ERC-3643 paused(). */
  paused?: boolean | undefined;
  /** ERC-3643: the identity registry the token names now, when it is not the one remembered. */
  movedIdentityRegistry?: string;
}

export interface RegisterHoldingsReads {
  calls: BatchCall[];
  /** Reads the answers to `calls`, in their order. */
  read(items: readonly BatchItem[]): { tokens: RegisterHoldingToken[]; rows: RegisterHoldingRow[] };
}

const WORD = /^0x[0-9a-fA-F]{64}$/;

function word(item: BatchItem | undefined): bigint | undefined {
  return item?.ok === true && typeof item.result === 'string' && WORD.test(item.result) ? BigInt(item.result) : undefined;
}

const bool = (item: BatchItem | undefined) => {
  const value = word(item);
  return value === 0n ? false : value === 1n ? true : undefined;
};

function addressAnswer(item: BatchItem | undefined): string | undefined {
  const value = word(item);
  return value === undefined || value >> 160n !== 0n || value === 0n ? undefined : toChecksumAddress(`0x${value.toString(16).padStart(40, '0')}`);
}

interface Part {
  calls: BatchCall[];
  read(items: readonly BatchItem[]): { token: RegisterHoldingToken; rows: RegisterHoldingRow[] };
}

function erc3643Part(register: StoredRegister, accounts: readonly string[], block: string): Part {
  const token = register.address;
  // Without a remembered registry (none was named at the probe) there is no one to ask about verification.
  const registry = register.identityRegistry;
  const perAccount = registry === undefined ? 2 : 3;
  return {
    calls: [
      registerCall(block, token, 'paused'),
      registerCall(block, token, 'identityRegistry'),
      ...accounts.flatMap((account) => [
        registerCall(block, token, 'getFrozenTokens', addressArgument(account)),
        registerCall(block, token, 'isFrozen', addressArgument(account)),
        ...(registry === undefined ? [] : [registerCall(block, registry, 'isVerified', addressArgument(account))]),
      ]),
    ],
    read(items) {
      const named = addressAnswer(items[1]);
      const sameRegistry = named !== undefined && registry !== undefined && named === toChecksumAddress(registry);
      const facts: RegisterHoldingToken = { token, standard: 'erc3643', paused: bool(items[0]) };
      if (named !== undefined && !sameRegistry) facts.movedIdentityRegistry = named;
      return {
        token: facts,
        rows: accounts.map((account, a) => {
          const base = 2 + a * perAccount;
          return {
            token, account: toChecksumAddress(account),
            frozenTokens: word(items[base])?.toString(),
            accountFrozen: bool(items[base + 1]),
            verified: sameRegistry ? bool(items[base + 2]) : undefined,
          };
        }),
      };
    },
  };
}

function erc7943Part(register: StoredRegister, accounts: readonly string[], block: string): Part {
  const token = register.address;
  return {
    calls: accounts.flatMap((account) => [
      registerCall(block, token, 'getFrozenTokens', addressArgument(account)),
      registerCall(block, token, 'canSend', addressArgument(account)),
      registerCall(block, token, 'canReceive', addressArgument(account)),
    ]),
    read(items) {
      return {
        token: { token, standard: 'erc7943' },
        rows: accounts.map((account, a) => ({
          token, account: toChecksumAddress(account),
          frozenTokens: word(items[a * 3])?.toString(), canSend: bool(items[1 + a * 3]), canReceive: bool(items[2 + a * 3]),
        })),
      };
    },
  };
}

/**
 * The calls for every restricted token among `registers` (plain ones are skipped) and `accounts` at `block`,
 * and the reader of their answers.
 */
export function registerHoldingsReads(registers: readonly StoredRegister[], accounts: readonly string[], block: string): RegisterHoldingsReads {
  const parts = registers.flatMap((register): Part[] => {
    if (register.standard === 'erc3643') return [erc3643Part(register, accounts, block)];
    if (register.standard === 'erc7943') return [erc7943Part(register, accounts, block)];
    return [];
  });
  return {
    calls: parts.flatMap((part) => part.calls),
    read(items) {
      let offset = 0;
      const results = parts.map((part) => {
        const answers = items.slice(offset, offset + part.calls.length);
        offset += part.calls.length;
        return part.read(answers);
      });
      return { tokens: results.map((result) => result.token), rows: results.flatMap((result) => result.rows) };
    },
  };
}
