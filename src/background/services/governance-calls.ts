// Encoding the voting centre's eth_calls and reading their answers. A call that reverts or answers nothing
// usable means the contract has no such function (or refuses it); any other error is the node's failure,
// never taken for an answer.
import { decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import { GOVERNOR_FUNCTIONS_ABI, VOTES_TOKEN_FUNCTIONS_ABI } from '../../core/governance/governor-abi';
import type { BatchCall, BatchItem } from '../platform/json-rpc';

/** A node failed (not a contract's answer): the governor's cached figures stay, with these words. */
export class GovernanceReadError extends Error {
  override readonly name = 'GovernanceReadError';
}

type GovernorFunctions = typeof GOVERNOR_FUNCTIONS_ABI;
type TokenFunctions = typeof VOTES_TOKEN_FUNCTIONS_ABI;
type GovernorName = GovernorFunctions[number]['name'];
type TokenName = TokenFunctions[number]['name'];

const callAt = (to: string, data: Hex, block: string): BatchCall => ({ method: 'eth_call', params: [{ to, data }, block] });

/** `fn(...args)` of a governor at `block` (a quantity or a tag). */
export function governorCall(to: string, block: string, fn: GovernorName, args: readonly unknown[] = []): BatchCall {
  return callAt(to, encodeFunctionData({ abi: GOVERNOR_FUNCTIONS_ABI, functionName: fn, args }), block);
}

/** `fn(...args)` of an ERC20Votes token at `block`. */
export function tokenCall(to: string, block: string, fn: TokenName, args: readonly unknown[] = []): BatchCall {
  return callAt(to, encodeFunctionData({ abi: VOTES_TOKEN_FUNCTIONS_ABI, functionName: fn, args }), block);
}

/** A revert (EIP-1474 code 3, or a node that only says "execution reverted"), as opposed to a failing node. */
export function isRevert(item: Extract<BatchItem, { ok: false }>): boolean {
  return item.error.code === 3 || /revert/i.test(item.error.message);
}

function decodeWith(abi: GovernorFunctions | TokenFunctions, fn: string, item: BatchItem | undefined, url: string): unknown {
  if (item === undefined) throw new GovernanceReadError(`the node at ${url} left ${fn}() unanswered`);
  if (!item.ok) {
    if (isRevert(item)) return undefined;
    throw new GovernanceReadError(`the node at ${url} answered ${fn}() with an error: ${item.error.message}`);
  }
  if (typeof item.result !== 'string' || !/^0x(?:[0-9a-fA-F]{2})+$/.test(item.result)) return undefined;
  try {
    return decodeFunctionResult({ abi, functionName: fn, data: item.result as Hex });
  } catch {
    return undefined;
  }
}

/**
 * The decoded answer of a governor's `fn`: undefined when the contract reverted or answered something that
 * does not decode as `fn`'s result.
 * @throws GovernanceReadError when the node failed.
 */
export function governorAnswer(fn: GovernorName, item: BatchItem | undefined, url: string): unknown {
  return decodeWith(GOVERNOR_FUNCTIONS_ABI, fn, item, url);
}

/** As governorAnswer, for the token's functions. */
export function tokenAnswer(fn: TokenName, item: BatchItem | undefined, url: string): unknown {
  return decodeWith(VOTES_TOKEN_FUNCTIONS_ABI, fn, item, url);
}

export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const asBigint = (value: unknown): bigint | undefined => (typeof value === 'bigint' ? value : undefined);
export const asAddress = (value: unknown): string | undefined => (typeof value === 'string' && /^0x[0-9a-fA-F]{40}$/.test(value) ? value : undefined);
