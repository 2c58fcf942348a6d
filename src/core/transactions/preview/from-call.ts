// The fallback when the node cannot simulate: the movements the decoded call names, applied to today's
// balances. It is not a simulation (a token may take a fee on transfer, a hook may move more, the call may
// fail at the next block), so the approval labels it "computed from the call". Calls that can move
// anything (unknown calls, contract creation, a Governor's `execute`) have no such reading.
import type { DescribedCall } from '../../actions/calls/types';
import type { AssetTransfer, PreviewAsset } from './simulation';

/**
 * The movements `call` names when `sender` sends it, the native value included; undefined when the call
 * could move balances the wallet cannot know without running it.
 */
export function transfersFromCall(call: DescribedCall, sender: string): AssetTransfer[] | undefined {
  const moved = (asset: PreviewAsset, from: string, to: string, amount: bigint): AssetTransfer => ({ asset, from, to, amount });
  const { action } = call;
  if (action.kind === 'contract-creation' || action.kind === 'unknown' || action.kind === 'execute' || call.to === undefined) return undefined;
  const value = call.value > 0n ? [moved({ kind: 'native' }, sender, call.to, call.value)] : [];
  switch (action.kind) {
    case 'native-transfer':
      return value;
    case 'token-transfer':
      return [...value, moved({ kind: 'token', address: action.token.address }, sender, action.to, action.amount)];
    case 'token-transfer-from':
    case 'authorized-transfer':
      return [...value, moved({ kind: 'token', address: action.token.address }, action.from, action.to, action.amount)];
    case 'token-batch-transfer':
      return [...value, ...action.transfers.map((transfer) => moved({ kind: 'token', address: action.token.address }, sender, transfer.to, transfer.amount))];
    // These change allowances, votes or proposals, not balances.
    case 'token-approve':
    case 'delegate':
    case 'delegate-by-signature':
    case 'vote':
    case 'propose':
    case 'queue':
      return value;
  }
}
