// Recognises what a transaction does (design.md: transfers, allowances, delegation, Governor votes and
// proposals, ERC-3009 and ERC-3643 transfers), so the approval can say it in plain words. The token is
// named only from the wallet's own knowledge (the lookup), never from the page.
import type { Hex } from 'viem';
import { toChecksumAddress } from '../../address';
import { effectivelyUnlimited, SUPPORT, type TokenLookup } from '../describe';
import type { TokenRef } from '../types';
import { decodeKnownCall, type KnownCall } from './decode';
import type { CallAction, CallRequest, CallWarning, DescribedCall, ProposalCall } from './types';

function checkedData(data: string | undefined): Hex {
  if (data === undefined) return '0x';
  if (!/^0x([0-9a-fA-F]{2})*$/.test(data)) {
    throw new TypeError(`call data "${data.slice(0, 20)}" is not 0x-prefixed hex of whole bytes`);
  }
  return data.toLowerCase() as Hex;
}

function proposalCalls(targets: readonly string[], values: readonly bigint[], calldatas: readonly string[]): ProposalCall[] | undefined {
  // Governor reverts (GovernorInvalidProposalLength) unless the three lists have the same length.
  if (values.length !== targets.length || calldatas.length !== targets.length) return undefined;
  return targets.map((target, i) => ({ target: toChecksumAddress(target), value: values[i] ?? 0n, calldata: calldatas[i] ?? '0x' }));
}

function nonEmptyText(text: string): string | undefined {
  return text === '' ? undefined : text;
}

function nonEmptyHex(hex: string): string | undefined {
  return hex === '0x' ? undefined : hex.toLowerCase();
}

/** The action a decoded known call performs on `to`, or undefined when its values make it none of them. */
function actionOf(known: KnownCall, request: CallRequest, to: string, token: TokenRef): CallAction | undefined {
  const sender = toChecksumAddress(request.from);
  const vote = (proposalId: bigint, support: number, voter: string, bySignature: boolean, reason: string, params: string): CallAction | undefined => {
    const named = SUPPORT[String(support)];
    return named === undefined ? undefined : {
      kind: 'vote', governor: to, chainId: request.chainId, proposalId, support: named, voter: toChecksumAddress(voter), bySignature,
      reason: nonEmptyText(reason), params: nonEmptyHex(params),
    };
  };
  switch (known.functionName) {
    case 'transfer': return { kind: 'token-transfer', token, to: known.args[0], amount: known.args[1] };
    case 'transferFrom': return { kind: 'token-transfer-from', token, from: known.args[0], to: known.args[1], amount: known.args[2] };
    case 'approve': {
      const [spender, amount] = known.args;
      return { kind: 'token-approve', token, spender, amount, unlimited: effectivelyUnlimited(amount, token.known) };
    }
    case 'batchTransfer': {
      const [recipients, amounts] = known.args;
      // T-REX's batchTransfer indexes `_amounts` by `_toList`: unequal lengths revert or ignore amounts.
      if (recipients.length !== amounts.length) return undefined;
      return { kind: 'token-batch-transfer', token, transfers: recipients.map((recipient, i) => ({ to: recipient, amount: amounts[i] ?? 0n })) };
    }
    case 'transferWithAuthorization':
    case 'receiveWithAuthorization': {
      const [from, recipient, amount, validAfter, validBefore, nonce] = known.args;
      return {
        kind: 'authorized-transfer', mode: known.functionName === 'transferWithAuthorization' ? 'transfer' : 'receive', token,
        from, to: recipient, amount, validAfter, validBefore, nonce,
      };
    }
    case 'delegate': {
      const [delegatee] = known.args;
      return { kind: 'delegate', token, delegatee, toSelf: delegatee === sender };
    }
    case 'delegateBySig': {
      const [delegatee, nonce, expiry] = known.args;
      return { kind: 'delegate-by-signature', token, delegatee, nonce, expiry };
    }
    case 'castVote': return vote(known.args[0], known.args[1], sender, false, '', '0x');
    case 'castVoteWithReason': return vote(known.args[0], known.args[1], sender, false, known.args[2], '0x');
    case 'castVoteWithReasonAndParams': return vote(known.args[0], known.args[1], sender, false, known.args[2], known.args[3]);
    case 'castVoteBySig': return vote(known.args[0], known.args[1], known.args[2], true, '', '0x');
    case 'castVoteWithReasonAndParamsBySig': return vote(known.args[0], known.args[1], known.args[2], true, known.args[3], known.args[4]);
    case 'propose': {
      const calls = proposalCalls(known.args[0], known.args[1], known.args[2]);
      return calls && { kind: 'propose', governor: to, calls, description: known.args[3] };
    }
    case 'queue':
    case 'execute': {
      const calls = proposalCalls(known.args[0], known.args[1], known.args[2]);
      return calls && { kind: known.functionName, governor: to, calls, descriptionHash: known.args[3] };
    }
  }
}

function warningsOf(action: CallAction): CallWarning[] {
  if (action.kind === 'contract-creation') return ['contract-creation'];
  if (action.kind === 'unknown') return ['unrecognised'];
  if (action.kind === 'token-approve' && action.unlimited) return ['unlimited-approval'];
  return [];
}

/**
 * What `request` does, for the approval screen: a recognised action with the token as the wallet knows it,
 * or `unknown` with the selector and raw data. Never throws for calldata that does not decode.
 * @throws TypeError when `from` or `to` is not an address, or `data` is not hex of whole bytes (the RPC edge checks these first).
 */
export function describeCall(request: CallRequest, lookup: TokenLookup): DescribedCall {
  const data = checkedData(request.data);
  const to = request.to === undefined ? undefined : toChecksumAddress(request.to);
  const described = (action: CallAction, trailingData?: string): DescribedCall => ({
    chainId: request.chainId, to, value: request.value, action, trailingData, warnings: warningsOf(action),
  });
  if (to === undefined) return described({ kind: 'contract-creation', bytecode: data });
  if (data === '0x') return described({ kind: 'native-transfer', to });
  const decoded = decodeKnownCall(data);
  const token: TokenRef = { address: to, chainId: request.chainId, known: lookup(request.chainId, to) };
  const action = decoded && actionOf(decoded.call, request, to, token);
  if (decoded === undefined || action === undefined) {
    return described({ kind: 'unknown', to, selector: data.length >= 10 ? data.slice(0, 10) : undefined, data });
  }
  return described(action, decoded.trailingData);
}
