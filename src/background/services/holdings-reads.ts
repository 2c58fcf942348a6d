// The calls a holdings refresh makes and how their answers are read. Pure: the service sends them.
// ERC20Votes is detected from the answers themselves: a plain ERC-20 has no getVotes / delegates, so the
// node answers those with a revert or empty `0x`, which is not a failure of the refresh.
import { toChecksumAddress } from '../../core';
import type { BatchCall, BatchItem } from '../platform/json-rpc';
import type { StoredHoldingRow } from '../storage/schema';

/**
 * Function selectors (first 4 bytes of keccak256 of the signature) of what a refresh reads per account:
 * ERC-20 `balanceOf(address)` and OpenZeppelin ERC20Votes `getVotes(address)` and `delegates(address)`.
 * Raw selectors rather than viem's ABI encoder keep the background bundle small; a test checks them.
 */
export const HOLDINGS_SELECTORS = { balanceOf: '0x70a08231', getVotes: '0x9ab24eb0', delegates: '0x587cde1e' } as const;

/** ERC-20 `totalSupply()`, read once per token: a permit for more than every share is as good as unlimited. */
export const TOTAL_SUPPLY_SELECTOR = '0x18160ddd';

type HoldingsFunction = keyof typeof HOLDINGS_SELECTORS;

/** One ABI word: exactly 32 bytes. Anything longer or shorter is not what these functions return. */
const WORD = /^0x[0-9a-fA-F]{64}$/;

/** The answers of a refresh that cannot be shown: the network's cached figures stay. */
export class HoldingsReadError extends Error {
  override readonly name = 'HoldingsReadError';
}

export interface TokenRef {
  address: string;
  symbol: string;
}

/** `fn(account)` on `token` as an eth_call at `block` (a quantity, or a tag such as 'latest'). */
export function tokenCall(fn: HoldingsFunction, token: string, account: string, block: string): BatchCall {
  // ABI encoding of one address argument: left-padded to 32 bytes.
  const data = `${HOLDINGS_SELECTORS[fn]}${toChecksumAddress(account).slice(2).toLowerCase().padStart(64, '0')}`;
  return { method: 'eth_call', params: [{ to: token, data }, block] };
}

/** The block a refresh is pinned at: its number (0x-quantity) and time (epoch ms). */
export function parseBlock(url: string, answer: unknown): { number: string; time: number } {
  const { number, timestamp } = (typeof answer === 'object' && answer !== null ? answer : {}) as { number?: unknown; timestamp?: unknown };
  const quantity = /^0x[0-9a-fA-F]{1,16}$/;
  if (typeof number !== 'string' || typeof timestamp !== 'string' || !quantity.test(number) || !quantity.test(timestamp)) {
    throw new HoldingsReadError(`the node at ${url} answered eth_getBlockByNumber with something that is not a block`);
  }
  return { number: `0x${BigInt(number).toString(16)}`, time: Number(BigInt(timestamp)) * 1000 };
}

/** A uint256 answer as a decimal string, or undefined when it is not one. */
export function uintAnswer(item: BatchItem | undefined): string | undefined {
  if (item?.ok !== true || typeof item.result !== 'string' || !WORD.test(item.result)) return undefined;
  return BigInt(item.result).toString();
}

/** A `delegates` answer: EIP-55, or null for the zero address (not delegated); undefined when it is not one. */
function delegateAnswer(item: BatchItem | undefined): string | null | undefined {
  if (item?.ok !== true || typeof item.result !== 'string' || !WORD.test(item.result)) return undefined;
  // An address is the word's last 20 bytes; the first 12 must be zero.
  if (!/^0x0{24}/.test(item.result)) return undefined;
  const address = `0x${item.result.slice(26)}`;
  return BigInt(address) === 0n ? null : toChecksumAddress(address);
}

/**
 * Every account × token's three calls, token by token: [balanceOf, getVotes, delegates] per account; then
 * each token's totalSupply, in the order of `tokens`.
 */
export function holdingsCalls(tokens: readonly TokenRef[], accounts: readonly string[], block: string): BatchCall[] {
  return [
    ...tokens.flatMap((token) => accounts.flatMap((account) => [
      tokenCall('balanceOf', token.address, account, block),
      tokenCall('getVotes', token.address, account, block),
      tokenCall('delegates', token.address, account, block),
    ])),
    ...tokens.map((token): BatchCall => ({ method: 'eth_call', params: [{ to: token.address, data: TOTAL_SUPPLY_SELECTOR }, block] })),
  ];
}

/**
 * The rows of the answers to `holdingsCalls(tokens, accounts, …)`, which tokens have votes (those whose
 * every getVotes and delegates answer is well formed), and the total supply of the tokens that told it
 * (a token that does not is no failure: its supply stays unknown).
 * @throws HoldingsReadError when a balanceOf was refused or is not a balance.
 */
export function readHoldings(url: string, tokens: readonly TokenRef[], accounts: readonly string[], items: readonly BatchItem[]) {
  const rows: StoredHoldingRow[] = [];
  const votesTokens: string[] = [];
  const supplies: Record<string, string> = {};
  tokens.forEach((token, t) => {
    const answers = accounts.map((account, a) => {
      const base = (t * accounts.length + a) * 3;
      const balanceItem = items[base];
      const balance = uintAnswer(balanceItem);
      if (balance === undefined) {
        const call = `balanceOf of ${token.symbol} (${token.address})`;
        throw new HoldingsReadError(balanceItem?.ok === false
          ? `the node at ${url} refused ${call}: ${balanceItem.error.message}`
          : `the node at ${url} answered ${call} with something that is not a balance`);
      }
      return { account, balance, votes: uintAnswer(items[base + 1]), delegate: delegateAnswer(items[base + 2]) };
    });
    const hasVotes = answers.length > 0 && answers.every((answer) => answer.votes !== undefined && answer.delegate !== undefined);
    if (hasVotes) votesTokens.push(token.address);
    for (const answer of answers) {
      const base = { token: token.address, account: answer.account, balance: answer.balance };
      rows.push(hasVotes && answer.votes !== undefined && answer.delegate !== undefined
        ? { ...base, votes: answer.votes, delegate: answer.delegate }
        : base);
    }
    const supply = uintAnswer(items[tokens.length * accounts.length * 3 + t]);
    if (supply !== undefined) supplies[token.address] = supply;
  });
  return { rows, votesTokens, supplies };
}
