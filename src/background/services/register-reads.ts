// The calls the register check makes and how their answers are read. Pure: register-facts.ts sends them.
// A call that reverts or answers `0x` tells that the contract has no such function (or refuses it); any
// other error of the node is the node's failure, which is never taken for an answer.
import { ERC7943_FUNGIBLE_INTERFACE_ID, toChecksumAddress, type ProposedTransfers, type UncheckedCause } from '../../core';
import type { BatchCall, BatchItem } from '../platform/json-rpc';

/**
 * Selectors of the functions read (first 4 bytes of keccak256 of the signature); a test derives each.
 * ERC-3643 Token: identityRegistry(), compliance(), paused(), isFrozen(address), getFrozenTokens(address);
 * its IdentityRegistry: isVerified(address); its compliance and ERC-7943 alike:
 * canTransfer(address,address,uint256); ERC-7943: canSend(address), canReceive(address); ERC-20 balanceOf;
 * ERC-165 supportsInterface(bytes4).
 */
export const REGISTER_SELECTORS = {
  identityRegistry: '0x134e18f4',
  compliance: '0x6290865d',
  paused: '0x5c975abb',
  isFrozen: '0xe5839836',
  getFrozenTokens: '0x158b1a57',
  isVerified: '0xb9209e33',
  canTransfer: '0xe46638e6',
  canSend: '0x2bc06a92',
  canReceive: '0x90d370ba',
  balanceOf: '0x70a08231',
  supportsInterface: '0x01ffc9a7',
} as const;

type RegisterFunction = keyof typeof REGISTER_SELECTORS;

/** ERC-165's own interface id, and the id that a conforming contract must deny (EIP-165, "How to Detect"). */
export const ERC165_INTERFACE_ID = '0x01ffc9a7';
export const INVALID_INTERFACE_ID = '0xffffffff';

/** One ABI word: exactly 32 bytes. */
const WORD = /^0x[0-9a-fA-F]{64}$/;

/** The register's facts could not be read: the node failed, or a contract answered what its standard forbids. */
export class RegisterReadError extends Error {
  override readonly name = 'RegisterReadError';
  constructor(readonly failure: UncheckedCause, message: string) {
    super(message);
  }
}

/** An address as one ABI word (hex, no 0x). */
export const addressArgument = (address: string) => toChecksumAddress(address).slice(2).toLowerCase().padStart(64, '0');
const uintArgument = (value: bigint) => value.toString(16).padStart(64, '0');

/** `fn(...args)` on `to` as an eth_call at `block` (a quantity or a tag); `args` are ABI words (hex, no 0x). */
export function registerCall(block: string, to: string, fn: RegisterFunction, ...args: string[]): BatchCall {
  return { method: 'eth_call', params: [{ to, data: `${REGISTER_SELECTORS[fn]}${args.join('')}` }, block] };
}

/** The check reads at the latest block. */
const call = (to: string, fn: RegisterFunction, ...args: string[]) => registerCall('latest', to, fn, ...args);

const supportsInterface = (token: string, id: string) => call(token, 'supportsInterface', id.slice(2).padEnd(64, '0'));

/** A revert (EIP-1474 code 3, or a node that only says "execution reverted"), as opposed to a failing node. */
function isRevert(item: Extract<BatchItem, { ok: false }>): boolean {
  return item.error.code === 3 || /revert/i.test(item.error.message);
}

type Answer = { kind: 'word'; word: string } | { kind: 'absent' };

/**
 * A call's answer: a word, or absent (it reverted, or the contract returned nothing or something that is
 * not one word: no such function).
 * @throws RegisterReadError 'node' when the node refused the call for any other reason.
 */
function answer(url: string, item: BatchItem | undefined): Answer {
  if (item === undefined) throw new RegisterReadError('node', `the node at ${url} left a call unanswered`);
  if (!item.ok) {
    if (isRevert(item)) return { kind: 'absent' };
    throw new RegisterReadError('node', `the node at ${url} answered with an error: ${item.error.message}`);
  }
  return typeof item.result === 'string' && WORD.test(item.result) ? { kind: 'word', word: item.result } : { kind: 'absent' };
}

const isNonZeroAddress = (word: string) => /^0x0{24}/.test(word) && BigInt(word) !== 0n;
const wordAddress = (word: string) => toChecksumAddress(`0x${word.slice(26)}`);

// ---- what a token is ----------------------------------------------------------------------------

/** One batch that tells ERC-3643 (T-REX has no ERC-165) from ERC-7943 (ERC-165) from a plain token. */
export function probeCalls(token: string): BatchCall[] {
  return [
    call(token, 'identityRegistry'),
    call(token, 'compliance'),
    supportsInterface(token, ERC165_INTERFACE_ID),
    supportsInterface(token, INVALID_INTERFACE_ID),
    supportsInterface(token, ERC7943_FUNGIBLE_INTERFACE_ID),
  ];
}

/** What a probe found: for ERC-3643, also where its identity registry and compliance were at the time. */
export type ProbeResult =
  | { standard: 'erc3643'; identityRegistry: string; compliance: string }
  | { standard: 'erc7943' | 'plain' };

/**
 * What the answers to `probeCalls` show: ERC-3643 when identityRegistry() and compliance() both answer a
 * non-zero address; ERC-7943 when ERC-165 detection (EIP-165: true for 0x01ffc9a7, false for 0xffffffff)
 * says it supports IERC7943Fungible; 'plain' otherwise. A token that looks like both is ERC-3643, whose
 * transfer checks are the more specific.
 * @throws RegisterReadError 'node' when the node failed a call, so nothing may be remembered.
 */
export function readProbe(url: string, items: readonly BatchItem[]): ProbeResult {
  const [registry, compliance, erc165, invalid, erc7943] = [0, 1, 2, 3, 4].map((i) => answer(url, items[i]));
  const isTrue = (a: Answer | undefined) => a?.kind === 'word' && BigInt(a.word) === 1n;
  if (registry?.kind === 'word' && isNonZeroAddress(registry.word) && compliance?.kind === 'word' && isNonZeroAddress(compliance.word)) {
    return { standard: 'erc3643', identityRegistry: wordAddress(registry.word), compliance: wordAddress(compliance.word) };
  }
  if (isTrue(erc165) && !isTrue(invalid) && isTrue(erc7943)) return { standard: 'erc7943' };
  return { standard: 'plain' };
}

// ---- the facts of a transfer ----------------------------------------------------------------------

/** ERC-3643, first request: what the token itself says (its state and where its rules live). */
export function erc3643TokenCalls(token: string): BatchCall[] {
  return [call(token, 'paused'), call(token, 'identityRegistry'), call(token, 'compliance')];
}

export interface Erc3643TokenState {
  paused: boolean;
  identityRegistry: string;
  compliance: string;
}

/** A boolean word (0 or 1); anything else from a function that must answer one is not an answer. */
function bool(url: string, what: string, item: BatchItem | undefined): boolean {
  const a = answer(url, item);
  if (a.kind === 'word' && BigInt(a.word) <= 1n) return BigInt(a.word) === 1n;
  throw new RegisterReadError('answer', `${what} did not answer true or false`);
}

function uint(url: string, what: string, item: BatchItem | undefined): bigint {
  const a = answer(url, item);
  if (a.kind === 'word') return BigInt(a.word);
  throw new RegisterReadError('answer', `${what} did not answer an amount`);
}

function address(url: string, what: string, item: BatchItem | undefined): string {
  const a = answer(url, item);
  if (a.kind === 'word' && isNonZeroAddress(a.word)) return wordAddress(a.word);
  throw new RegisterReadError('answer', `${what} did not answer an address`);
}

/** @throws RegisterReadError when the node failed, or the token does not answer as a T-REX token. */
export function readErc3643Token(url: string, token: string, items: readonly BatchItem[]): Erc3643TokenState {
  return {
    paused: bool(url, `paused() of the token at ${token}`, items[0]),
    identityRegistry: address(url, `identityRegistry() of the token at ${token}`, items[1]),
    compliance: address(url, `compliance() of the token at ${token}`, items[2]),
  };
}

/**
 * ERC-3643, second request: the sender's freeze and position, then per transfer the recipient's freeze,
 * its verification in the identity registry, and the compliance's answer on that transfer.
 */
export function erc3643TransferCalls(proposed: ProposedTransfers, state: Erc3643TokenState): BatchCall[] {
  const { token, from } = proposed;
  const sender = addressArgument(from);
  return [
    call(token, 'isFrozen', sender),
    call(token, 'balanceOf', sender),
    call(token, 'getFrozenTokens', sender),
    ...proposed.transfers.flatMap(({ to, amount }) => [
      call(token, 'isFrozen', addressArgument(to)),
      call(state.identityRegistry, 'isVerified', addressArgument(to)),
      call(state.compliance, 'canTransfer', sender, addressArgument(to), uintArgument(amount)),
    ]),
  ];
}

/** The facts in the answers to `erc3643TransferCalls`. @throws RegisterReadError as the calls go wrong. */
export function readErc3643Transfer(url: string, proposed: ProposedTransfers, state: Erc3643TokenState, items: readonly BatchItem[]) {
  const { token, from } = proposed;
  return {
    standard: 'erc3643' as const,
    paused: state.paused,
    sender: {
      frozen: bool(url, `isFrozen(${from}) of the token at ${token}`, items[0]),
      balance: uint(url, `balanceOf(${from}) of the token at ${token}`, items[1]),
      frozenTokens: uint(url, `getFrozenTokens(${from}) of the token at ${token}`, items[2]),
    },
    recipients: proposed.transfers.map(({ to }, i) => {
      const base = 3 + i * 3;
      const compliance = answer(url, items[base + 2]);
      return {
        frozen: bool(url, `isFrozen(${to}) of the token at ${token}`, items[base]),
        verified: bool(url, `isVerified(${to}) of the identity registry at ${state.identityRegistry}`, items[base + 1]),
        // T-REX's transfer calls it inside its own condition: a revert refuses the transfer just as false does.
        compliance: compliance.kind === 'absent' ? 'reverted' as const
          : bool(url, `canTransfer of the compliance at ${state.compliance}`, items[base + 2]),
      };
    }),
  };
}

/** ERC-7943, one request: the declared interface, the sender's position, then per transfer the recipient. */
export function erc7943TransferCalls(proposed: ProposedTransfers): BatchCall[] {
  const { token, from } = proposed;
  const sender = addressArgument(from);
  return [
    supportsInterface(token, ERC7943_FUNGIBLE_INTERFACE_ID),
    call(token, 'canSend', sender),
    call(token, 'balanceOf', sender),
    call(token, 'getFrozenTokens', sender),
    ...proposed.transfers.flatMap(({ to, amount }) => [
      call(token, 'canReceive', addressArgument(to)),
      call(token, 'canTransfer', sender, addressArgument(to), uintArgument(amount)),
    ]),
  ];
}

/**
 * The facts in the answers to `erc7943TransferCalls`. canSend, canReceive and canTransfer "MUST NOT
 * revert" (ERC-7943): one that does leaves the transfer unchecked rather than guessed at.
 * @throws RegisterReadError as the calls go wrong.
 */
export function readErc7943Transfer(url: string, proposed: ProposedTransfers, items: readonly BatchItem[]) {
  const { token, from } = proposed;
  const declared = answer(url, items[0]);
  const supports = declared.kind === 'word' && BigInt(declared.word) === 1n;
  if (!supports) {
    return { standard: 'erc7943' as const, supportsInterface: false, sender: { canSend: false, balance: 0n, frozenTokens: 0n }, recipients: proposed.transfers.map(() => ({ canReceive: false, canTransfer: false })) };
  }
  const view = (what: string, item: BatchItem | undefined) => bool(url, `${what} of the token at ${token}`, item);
  return {
    standard: 'erc7943' as const,
    supportsInterface: true,
    sender: {
      canSend: view(`canSend(${from})`, items[1]),
      balance: uint(url, `balanceOf(${from}) of the token at ${token}`, items[2]),
      frozenTokens: uint(url, `getFrozenTokens(${from}) of the token at ${token}`, items[3]),
    },
    recipients: proposed.transfers.map(({ to, amount }, i) => ({
      canReceive: view(`canReceive(${to})`, items[4 + i * 2]),
      canTransfer: view(`canTransfer(${from}, ${to}, ${amount})`, items[5 + i * 2]),
    })),
  };
}
