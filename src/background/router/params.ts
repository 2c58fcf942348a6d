// Guards for the params of private messages: each returns the typed value or throws invalid-params.
import { toChecksumAddress, type WordlistName } from '../../core';
import type { ApprovalDecision } from '../../protocol/approvals';
import { WalletError } from '../errors';
import { transactionChoiceParam } from './transaction-choice-param';

type Params = Record<string, unknown>;

/** Bigger strings than this are never a password, a phrase or a name. */
const MAX_STRING = 4096;

export function stringParam(params: Params, key: string, opts: { optional: true }): string | undefined;
export function stringParam(params: Params, key: string, opts?: { optional?: false }): string;
export function stringParam(params: Params, key: string, opts: { optional?: boolean } = {}): string | undefined {
  const value = params[key];
  if (value === undefined && opts.optional === true) return undefined;
  if (typeof value !== 'string') throw new WalletError('invalid-params', `${key} must be a string`);
  if (value.length > MAX_STRING) throw new WalletError('invalid-params', `${key} is longer than ${MAX_STRING} characters`);
  return value;
}

export function integerParam(params: Params, key: string): number {
  const value = params[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new WalletError('invalid-params', `${key} must be an integer`);
  return value;
}

export function booleanParam(params: Params, key: string): boolean {
  const value = params[key];
  if (typeof value !== 'boolean') throw new WalletError('invalid-params', `${key} must be true or false`);
  return value;
}

export function wordlistParam(params: Params, key = 'wordlist'): WordlistName {
  const value = params[key];
  if (value !== 'english' && value !== 'chinese_simplified') {
    throw new WalletError('invalid-params', `${key} must be "english" or "chinese_simplified"`);
  }
  return value;
}

export function strengthParam(params: Params): 128 | 256 {
  const value = params.strength;
  if (value !== 128 && value !== 256) throw new WalletError('invalid-params', 'strength must be 128 or 256');
  return value;
}

export function decisionParam(params: Params): ApprovalDecision {
  const id = stringParam(params, 'id');
  if (params.approve === false) return { id, approve: false };
  if (params.approve !== true) throw new WalletError('invalid-params', 'approve must be true or false');
  const transaction = transactionChoiceParam(params.transaction);
  const chosen = transaction === undefined ? {} : { transaction };
  const accounts = params.accounts;
  if (accounts === undefined) return { id, approve: true, ...chosen };
  if (!Array.isArray(accounts) || !accounts.every((account): account is string => typeof account === 'string') || accounts.length > 1000) {
    throw new WalletError('invalid-params', 'accounts must be a list of addresses');
  }
  return { id, approve: true, accounts, ...chosen };
}

/** A chain id as the wallet stores it (EIP-3085 form): 0x-hex, lowercase, without leading zeros. */
export function chainIdParam(params: Params, key = 'chainId'): string {
  const value = params[key];
  if (typeof value !== 'string' || !/^0x[1-9a-f][0-9a-f]{0,15}$/.test(value)) {
    throw new WalletError('invalid-params', `${key} must be a 0x-prefixed lowercase hex chain id without leading zeros`);
  }
  return value;
}

/**
 * An address as EIP-55. A mixed-case one must carry a valid checksum (a typo is caught, not obeyed);
 * all-lowercase and all-uppercase hex carry none and are accepted.
 */
export function addressParam(params: Params, key = 'address'): string {
  const value = params[key];
  if (typeof value !== 'string') throw new WalletError('invalid-params', `${key} must be an address: 0x and 40 hex digits`);
  try {
    return toChecksumAddress(value);
  } catch (error) {
    throw new WalletError('invalid-params', `${key}: ${(error as Error).message}`);
  }
}

/** BIP-32: m/44'/60'/0'/0/i with a non-hardened i, so an account index is below 2^31. */
const ACCOUNT_INDEX_LIMIT = 2 ** 31;

/** accounts.discover's optional network and starting account index. */
export function discoveryParams(params: Params): { chainIds?: string[]; from?: number } {
  const chainIds = params.chainId === undefined ? undefined : [chainIdParam(params)];
  const from = params.from === undefined ? undefined : integerParam(params, 'from');
  if (from !== undefined && (from < 0 || from >= ACCOUNT_INDEX_LIMIT)) {
    throw new WalletError('invalid-params', `from must be an account index from 0 to ${ACCOUNT_INDEX_LIMIT - 1}`);
  }
  return { ...(chainIds === undefined ? {} : { chainIds }), ...(from === undefined ? {} : { from }) };
}

/** A transaction hash: 0x and 64 hex digits, any letter case; returned lowercase, as the wallet stores hashes. */
export function transactionHashParam(params: Params, key = 'hash'): string {
  const value = params[key];
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(value)) {
    throw new WalletError('invalid-params', `${key} must be a transaction hash: 0x and 64 hex digits`);
  }
  return value.toLowerCase();
}

/** An amount of token units as a uint256 in decimal digits (no sign, no leading zeros but "0"). */
export function tokenAmountParam(params: Params, key = 'amount'): string {
  const value = params[key];
  if (typeof value !== 'string' || !/^(0|[1-9]\d{0,77})$/.test(value) || BigInt(value) >= 2n ** 256n) {
    throw new WalletError('invalid-params', `${key} must be a uint256 in decimal digits`);
  }
  return value;
}
