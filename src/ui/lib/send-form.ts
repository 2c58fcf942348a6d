// The Send screen's checks, without wording: which accounts can send a company's shares, whether the
// recipient is an address (EIP-55 checked) and whether it imitates one the user knows (address poisoning),
// and the amount in the token's decimals against the account's balance. Amounts are bigints, never floats.
import { toChecksumAddress } from '../../core/address';
import { encodeDelegate, encodeTransfer } from '../../core/actions/calls/encode';
import { findImitatedAddress } from '../../core/actions/calls/poisoning';
import { pastRecipients } from '../../core/actions/calls/recipients';
import type { TokenView } from '../../protocol/approvals';
import type { TokenHoldingsView } from '../../protocol/holdings';
import type { AccountView, PrivateParams } from '../../protocol/private';
import type { RegisterTransferQuery } from '../../protocol/register';
import type { SentTransactionView } from '../../protocol/transactions';

export type RecipientProblem =
  | 'empty'
  /** Not 0x and 40 hex digits. */
  | 'not-address'
  /** Mixed case whose EIP-55 checksum does not match: most likely a typo. */
  | 'checksum';

export type RecipientCheck =
  /** `address` in EIP-55; `imitates`: a known address it looks like without being it. */
  | { kind: 'ok'; address: string; imitates: string | undefined }
  | { kind: 'problem'; problem: RecipientProblem };

export type AmountProblem =
  | 'empty'
  /** Not digits with at most one decimal point (no signs, grouping commas or exponents). */
  | 'malformed'
  /** More digits after the point than the token has decimals. */
  | 'too-many-decimals'
  | 'zero'
  | 'above-balance';

export type AmountCheck = { kind: 'ok'; units: bigint } | { kind: 'problem'; problem: AmountProblem };

/** An account that holds some of the company's shares, and how many (raw units). */
export interface Sender {
  account: AccountView;
  balance: bigint;
}

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
/** Digits, with an optional point and digits after it ("10", "10.5", "0.25", ".5", "10."). */
const DECIMAL = /^(\d*)(?:\.(\d*))?$/;
/** Longer than any uint256 amount in whole units; keeps BigInt() away from absurd inputs. */
const MAX_DIGITS = 80;

function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The accounts of the wallet that hold some of `holdings`' shares, in account order. An account the wallet
 * no longer has, or one whose figures are not a plain number, is left out.
 */
export function sendersOf(holdings: TokenHoldingsView, accounts: readonly AccountView[]): Sender[] {
  const senders: Sender[] = [];
  for (const holding of holdings.accounts) {
    const account = accounts.find((candidate) => sameAddress(candidate.address, holding.address));
    if (account === undefined || !/^\d{1,78}$/.test(holding.balance)) continue;
    const balance = BigInt(holding.balance);
    if (balance > 0n) senders.push({ account, balance });
  }
  return senders;
}

/** The addresses the poisoning check compares a recipient with: the wallet's accounts, then every past recipient. */
export function knownAddresses(accounts: readonly AccountView[], sent: readonly SentTransactionView[]): string[] {
  return [...accounts.map((account) => account.address), ...pastRecipients(sent.map((transaction) => transaction.call))];
}

/**
 * Checks a typed recipient (spaces around ignored): all-lowercase and all-uppercase addresses carry no
 * checksum and are accepted; a mixed-case one must match its EIP-55 checksum.
 */
export function checkRecipient(text: string, known: readonly string[]): RecipientCheck {
  const typed = text.trim();
  if (typed === '') return { kind: 'problem', problem: 'empty' };
  if (!HEX_ADDRESS.test(typed)) return { kind: 'problem', problem: 'not-address' };
  let address: string;
  try {
    address = toChecksumAddress(typed);
  } catch {
    return { kind: 'problem', problem: 'checksum' };
  }
  return { kind: 'ok', address, imitates: findImitatedAddress(address, known) };
}

/** A typed amount in whole shares as raw units of a token with `decimals` (spaces around ignored). */
export function parseAmount(text: string, decimals: number): AmountCheck {
  const typed = text.trim();
  if (typed === '') return { kind: 'problem', problem: 'empty' };
  const match = DECIMAL.exec(typed);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (match === null || (whole === '' && fraction === '') || typed.length > MAX_DIGITS) return { kind: 'problem', problem: 'malformed' };
  if (fraction.length > decimals) return { kind: 'problem', problem: 'too-many-decimals' };
  const units = BigInt(`${whole}${fraction.padEnd(decimals, '0')}` || '0');
  return units === 0n ? { kind: 'problem', problem: 'zero' } : { kind: 'ok', units };
}

/** `parseAmount`, and no more than `balance` (raw units). */
export function checkAmount(text: string, decimals: number, balance: bigint): AmountCheck {
  const parsed = parseAmount(text, decimals);
  if (parsed.kind === 'ok' && parsed.units > balance) return { kind: 'problem', problem: 'above-balance' };
  return parsed;
}

/** What the form holds when the user presses Send. */
export interface SendInput {
  senders: readonly Sender[];
  /** The chosen account's address. */
  from: string;
  recipient: string;
  amount: string;
  decimals: number;
  /** See knownAddresses. */
  known: readonly string[];
  /** The user confirmed a recipient that looks like a known address. */
  lookalikeChecked: boolean;
}

export interface SendCheck {
  sender: Sender | undefined;
  recipient: RecipientCheck;
  /** Undefined while no account is chosen (the balance to check against is unknown). */
  amount: AmountCheck | undefined;
  /** The recipient imitates a known address and the user has not confirmed it yet. */
  lookalikeUnconfirmed: boolean;
  /** Everything checked: the transfer to propose. */
  transfer: { from: string; to: string; units: bigint } | undefined;
}

export function checkSend(input: SendInput): SendCheck {
  const sender = input.senders.find((candidate) => sameAddress(candidate.account.address, input.from));
  const recipient = checkRecipient(input.recipient, input.known);
  const amount = sender === undefined ? undefined : checkAmount(input.amount, input.decimals, sender.balance);
  const lookalikeUnconfirmed = recipient.kind === 'ok' && recipient.imitates !== undefined && !input.lookalikeChecked;
  const transfer = sender !== undefined && recipient.kind === 'ok' && amount?.kind === 'ok' && !lookalikeUnconfirmed
    ? { from: sender.account.address, to: recipient.address, units: amount.units }
    : undefined;
  return { sender, recipient, amount, lookalikeUnconfirmed, transfer };
}

/** A chain id as 'transactions.propose' takes it: lowercase 0x-hex (holdings may carry decimal or hex). */
export function hexChainId(chainId: string): string {
  return `0x${BigInt(chainId).toString(16)}`;
}

/** 'transactions.propose' for an ERC-20 `transfer(to, units)` of `token` from `from`, no ether sent. */
export function transferProposal(token: TokenView, transfer: { from: string; to: string; units: bigint }): PrivateParams<'transactions.propose'> {
  return { chainId: hexChainId(token.chainId), from: transfer.from, to: token.address, value: '0', data: encodeTransfer(transfer.to, transfer.units) };
}

/** 'transactions.propose' for ERC20Votes `delegate(holder)` from `holder`: the holder's shares start counting as votes. */
export function activationProposal(token: TokenView, holder: string): PrivateParams<'transactions.propose'> {
  return { chainId: hexChainId(token.chainId), from: holder, to: token.address, value: '0', data: encodeDelegate(holder) };
}

/** 'register.checkTransfer' for the transfer the form holds: the register's verdict before it is proposed. */
export function registerQuery(token: TokenView, transfer: { from: string; to: string; units: bigint }): RegisterTransferQuery {
  return { chainId: hexChainId(token.chainId), token: token.address, from: transfer.from, to: transfer.to, amount: transfer.units.toString() };
}
