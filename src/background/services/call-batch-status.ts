// What became of an EIP-5792 batch, from the wallet's own records of its transactions (kept up to date by
// the receipt watcher): each call's state, following the wallet's own speed-ups, and the batch's status
// code (EIP-5792 §Status Codes). Pure: the records are read by the caller.
import type { CallsStatusCode } from '../../protocol/dapp-methods';
import type { StoredTransaction } from '../storage/schema';

/** One call of a batch: waiting for its receipt, mined (succeeded or reverted), or never to be mined. */
export type CallState =
  | { kind: 'pending' }
  | { kind: 'included'; succeeded: boolean; hash: string }
  | { kind: 'not-included' };

/** How many speed-ups of speed-ups are followed; more than anyone makes by hand. */
const MAX_REPLACEMENTS = 20;

/**
 * The state of the call first sent as `hash`. A transaction replaced by the wallet's own speed-up carries
 * on as that speed-up (the same call, higher fees); replaced by a cancel, by another wallet's transaction
 * or refused by the node when sent, the call is not included and will not be.
 */
export function callState(hash: string, read: (hash: string) => StoredTransaction | undefined): CallState {
  let current = read(hash);
  for (let step = 0; current !== undefined && step <= MAX_REPLACEMENTS; step++) {
    switch (current.status) {
      case 'pending':
        return { kind: 'pending' };
      case 'confirmed':
        return { kind: 'included', succeeded: true, hash: current.hash };
      case 'failed':
        // Failed with a block: mined and reverted. Without one: the node refused it when it was sent.
        return current.blockNumber === undefined ? { kind: 'not-included' } : { kind: 'included', succeeded: false, hash: current.hash };
      case 'replaced': {
        const replacement = current.replacedBy === undefined ? undefined : read(current.replacedBy);
        if (replacement?.origin.kind !== 'speed-up') return { kind: 'not-included' };
        current = replacement;
        break;
      }
    }
  }
  // A record the wallet no longer has (the user removed the wallet's data) says nothing will be mined for it.
  return { kind: 'not-included' };
}

/**
 * EIP-5792 §Status Codes for a batch of `calls` calls whose sent ones are in `states` (fewer than `calls`
 * when sending stopped at a call): 100 while any is pending; 200 when every call was mined and succeeded;
 * 400 when none was mined; 500 when some were mined but every one of them reverted (only the fees changed
 * anything); 600 when some succeeded and others reverted or were never mined.
 */
export function callsStatusCode(calls: number, states: readonly CallState[]): CallsStatusCode {
  if (states.some((state) => state.kind === 'pending')) return 100;
  const included = states.filter((state) => state.kind === 'included');
  const succeeded = included.filter((state) => state.succeeded).length;
  if (succeeded === calls) return 200;
  if (included.length === 0) return 400;
  if (succeeded === 0) return 500;
  return 600;
}
