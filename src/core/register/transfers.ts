// Which shares a request moves, as the register sees the move: the approval window asks the register about
// exactly these before the shareholder signs.
import type { CallAction } from '../actions/calls/types';
import type { ShareholderAction } from '../actions/types';
import type { ProposedTransfers } from './types';

/**
 * The share transfers a transaction from `sender` makes: `transfer` and ERC-3643 `batchTransfer` move the
 * sender's shares, `transferFrom` the owner's, an ERC-3009 `transferWithAuthorization` (or
 * `receiveWithAuthorization`) the signer's. Undefined for any other call.
 */
export function transfersOfCall(action: CallAction, sender: string): ProposedTransfers | undefined {
  switch (action.kind) {
    case 'token-transfer':
      return { token: action.token.address, from: sender, transfers: [{ to: action.to, amount: action.amount }] };
    case 'token-transfer-from':
      return { token: action.token.address, from: action.from, transfers: [{ to: action.to, amount: action.amount }] };
    case 'token-batch-transfer':
      return { token: action.token.address, from: sender, transfers: action.transfers.map(({ to, amount }) => ({ to, amount })) };
    case 'authorized-transfer':
      return { token: action.token.address, from: action.from, transfers: [{ to: action.to, amount: action.amount }] };
    default:
      return undefined;
  }
}

/**
 * The share transfer an ERC-3009 `TransferWithAuthorization` or `ReceiveWithAuthorization` signature allows;
 * undefined for other typed data.
 */
export function transfersOfTypedData(action: ShareholderAction): ProposedTransfers | undefined {
  if (action.kind !== 'transfer') return undefined;
  return { token: action.token.address, from: action.from, transfers: [{ to: action.to, amount: action.amount }] };
}
