// A transaction's call in plain words, as sentence parts (see sentence.ts): its heading, one sentence,
// the detail lines, and for batches and proposals one line per transfer or call. Amounts of a token the
// wallet knows use its decimals and symbol; an unknown token's amounts stay raw, named by its address.
// sentence.ts imports this module for its request titles and sentences, so nothing here runs an import
// from it at load time (markers are made inside the functions).
import { formatUnits } from '../../core/format';
import type { CallView, NativeCurrencyView } from '../../protocol/transactions';
import { t } from '../i18n';
import { SYMBOL_CAP } from '../lib/outside-text';
import {
  amountPhrase, authorizationDetails, delegationDetails, fill, mark, supportLabel, tokenDetail, tokenPhrase, voteDetails, type Detail, type Part,
} from './sentence';

type CallAction = CallView['action'];
type ProposalCallView = Extract<CallAction, { kind: 'propose' }>['calls'][number];

const strong = (value: string): Part => ({ kind: 'strong', text: value });
const address = (value: string): Part => ({ kind: 'address', address: value });
const page = (value: string): Part => ({ kind: 'page', text: value });
const number = (value: string): Part => ({ kind: 'number', text: value });

/** Hex data's length in bytes (0x and an odd nibble ignored). */
export function byteLength(hex: string): number {
  return Math.floor(hex.replace(/^0x/i, '').length / 2);
}

/**
 * "0.5 ETH": wei in the network's native currency. The symbol is framed as a site's words: a network added
 * by a site (EIP-3085) names its own currency.
 */
export function nativeAmount(wei: string, currency: NativeCurrencyView): Part[] {
  const amount = /^\d+$/.test(wei) ? formatUnits(BigInt(wei), currency.decimals) : wei;
  return fill(t('amount_native', [mark(0), mark(1)]), [strong(amount), { kind: 'outside', text: currency.symbol, source: 'site', cap: SYMBOL_CAP }]);
}

/** The heading of a transaction, by what its call does. */
export function callTitle(action: CallAction): string {
  switch (action.kind) {
    case 'native-transfer': return t('callTitle_nativeTransfer');
    case 'contract-creation': return t('callTitle_contractCreation');
    case 'token-transfer': return t('title_transfer');
    case 'token-transfer-from': return t('callTitle_transferFrom');
    case 'token-approve': return t('callTitle_approve');
    case 'token-batch-transfer': return t('callTitle_batchTransfer');
    case 'authorized-transfer': return t('callTitle_authorizedTransfer');
    case 'delegate': return action.toSelf ? t('callTitle_activateVotes') : t('title_delegation');
    case 'delegate-by-signature': return t('callTitle_delegateBySignature');
    case 'vote': return action.bySignature ? t('callTitle_voteBySignature') : t('title_vote');
    case 'propose': return t('callTitle_propose');
    case 'queue': return t('callTitle_queue');
    case 'execute': return t('callTitle_execute');
    case 'unknown': return t('callTitle_unknown');
  }
}

/** What the transaction does, in one sentence. */
export function callSentence(call: CallView, currency: NativeCurrencyView): Part[] {
  const { action } = call;
  switch (action.kind) {
    case 'native-transfer':
      return fill(t('call_nativeTransfer', [mark(0), mark(1)]), [nativeAmount(call.value, currency), address(action.to)]);
    case 'contract-creation':
      return fill(t('call_contractCreation', [mark(0)]), [strong(byteLength(action.bytecode).toLocaleString(t('lang')))]);
    case 'token-transfer':
      return fill(t('action_transfer', [mark(0), mark(1)]), [amountPhrase(action.token, action.amount), address(action.to)]);
    case 'token-transfer-from':
      return fill(t('call_transferFrom', [mark(0), mark(1), mark(2)]), [amountPhrase(action.token, action.amount), address(action.from), address(action.to)]);
    case 'token-approve':
      return action.unlimited
        ? fill(t('call_approveUnlimited', [mark(0), mark(1)]), [address(action.spender), tokenPhrase(action.token)])
        : fill(t('call_approve', [mark(0), mark(1)]), [address(action.spender), amountPhrase(action.token, action.amount)]);
    case 'token-batch-transfer':
      return fill(t('call_batchTransfer', [mark(0), mark(1)]), [tokenPhrase(action.token), strong(String(action.transfers.length))]);
    case 'authorized-transfer':
      return action.mode === 'transfer'
        ? fill(t('call_authorizedTransfer', [mark(0), mark(1), mark(2)]), [address(action.from), amountPhrase(action.token, action.amount), address(action.to)])
        : fill(t('call_authorizedReceive', [mark(0), mark(1), mark(2)]), [amountPhrase(action.token, action.amount), address(action.from), address(action.to)]);
    case 'delegate':
      return action.toSelf
        ? fill(t('call_activateVotes', [mark(0)]), [tokenPhrase(action.token)])
        : fill(t('call_delegate', [mark(0), mark(1)]), [tokenPhrase(action.token), address(action.delegatee)]);
    case 'delegate-by-signature':
      return fill(t('call_delegateBySignature', [mark(0), mark(1)]), [tokenPhrase(action.token), address(action.delegatee)]);
    case 'vote':
      return action.bySignature
        ? fill(t('call_voteBySignature', [mark(0), mark(1), mark(2)]), [address(action.voter), strong(supportLabel(action.support)), number(action.proposalId)])
        : fill(t('action_vote', [mark(0), mark(1)]), [strong(supportLabel(action.support)), number(action.proposalId)]);
    case 'propose':
      return fill(t('call_propose', [mark(0), mark(1)]), [address(action.governor), strong(String(action.calls.length))]);
    case 'queue':
      return fill(t('call_queue', [mark(0), mark(1)]), [address(action.governor), strong(String(action.calls.length))]);
    case 'execute':
      return fill(t('call_execute', [mark(0), mark(1)]), [address(action.governor), strong(String(action.calls.length))]);
    case 'unknown':
      return action.selector === undefined
        ? fill(t('call_unknownNoSelector', [mark(0)]), [address(action.to)])
        : fill(t('call_unknown', [mark(0), mark(1)]), [number(action.selector), address(action.to)]);
  }
}

function proposalCallLine(proposalCall: ProposalCallView, currency: NativeCurrencyView): Part[] {
  return fill(t('call_proposalLine', [mark(0), mark(1), mark(2)]), [address(proposalCall.target), nativeAmount(proposalCall.value, currency), number(proposalCall.calldata)]);
}

/** One line per transfer of a batch, or per call of a proposal; none for other calls. */
export function callLines(call: CallView, currency: NativeCurrencyView): Part[][] {
  const { action } = call;
  switch (action.kind) {
    case 'token-batch-transfer':
      return action.transfers.map((transfer) => fill(t('action_transfer', [mark(0), mark(1)]), [amountPhrase(action.token, transfer.amount), address(transfer.to)]));
    case 'propose':
    case 'queue':
    case 'execute':
      return action.calls.map((proposalCall) => proposalCallLine(proposalCall, currency));
    default:
      return [];
  }
}

/** The detail lines of a call beyond its sentence: parties in full, the contract, times, page text. */
export function callDetails(call: CallView): Detail[] {
  const { action } = call;
  const contract = call.to === undefined ? [] : [{ label: t('detail_contract'), parts: [address(call.to)] }];
  switch (action.kind) {
    case 'native-transfer':
      return [{ label: t('detail_to'), parts: [address(action.to)] }];
    case 'contract-creation':
      return [{ label: t('detail_codeSize'), parts: [strong(byteLength(action.bytecode).toLocaleString(t('lang')))] }];
    case 'token-transfer':
      return [{ label: t('detail_to'), parts: [address(action.to)] }, tokenDetail(action.token)];
    case 'token-transfer-from':
      return [{ label: t('detail_from'), parts: [address(action.from)] }, { label: t('detail_to'), parts: [address(action.to)] }, tokenDetail(action.token)];
    case 'token-approve':
      return [{ label: t('detail_spender'), parts: [address(action.spender)] }, tokenDetail(action.token)];
    case 'token-batch-transfer':
      return [tokenDetail(action.token)];
    case 'authorized-transfer':
      return [...authorizationDetails(action), { label: t('detail_authorizationNonce'), parts: [number(action.nonce)] }];
    case 'delegate':
      return [{ label: t('detail_delegatee'), parts: [address(action.delegatee)] }, tokenDetail(action.token)];
    case 'delegate-by-signature':
      return delegationDetails(action);
    case 'vote':
      return voteDetails(action);
    case 'propose':
      return [{ label: t('detail_governor'), parts: [address(action.governor)] }, { label: t('detail_description'), parts: [page(action.description)] }];
    case 'queue':
    case 'execute':
      return [{ label: t('detail_governor'), parts: [address(action.governor)] }, { label: t('detail_descriptionHash'), parts: [number(action.descriptionHash)] }];
    case 'unknown':
      return [...contract, ...(action.selector === undefined ? [] : [{ label: t('detail_selector'), parts: [number(action.selector)] }])];
  }
}

/** "Also sends 0.5 ETH": the value of a call that is not itself a native transfer, when not zero. */
export function attachedValue(call: CallView, currency: NativeCurrencyView): Part[] | undefined {
  if (call.action.kind === 'native-transfer' || /^0*$/.test(call.value)) return undefined;
  return fill(t('call_alsoSends', [mark(0)]), [nativeAmount(call.value, currency)]);
}
