// The warnings of signature requests, as sentence parts: a sign-in message that is malformed or names
// another site, scheme, account or chain; a 32-byte message (a hash, signed blind); typed data tied to no
// chain. Which of them make Approve a dangerous action is decided here too, so screen and button agree.
import type { ApprovalRequest, SignInView } from '../../protocol/approvals';
import { t } from '../i18n';
import { isDangerousTransaction } from './transaction-warnings';
import { chainIdDecimal, fill, mark, signInMismatchWarning, type Detail, type Part } from './sentence';

type TypedDataRequest = Extract<ApprovalRequest, { kind: 'typed_data' }>;

const page = (text: string): Part => ({ kind: 'page', text });
const strong = (text: string): Part => ({ kind: 'strong', text });
const address = (value: string): Part => ({ kind: 'address', address: value });

/** One warning: its words, and whether it is a danger (red), a caution (amber) or a plain note. */
export interface Warning {
  tone: 'danger' | 'warning' | 'info';
  parts: Part[];
}

/**
 * Every warning a sign-in deserves, most serious first. `origin` is the site that asks, `account` the one
 * that would sign, `siteChainId` the site's active chain (0x-hex).
 */
export function signInWarnings(signIn: SignInView, origin: string, account: string, siteChainId: string | undefined): Warning[] {
  const warnings: Warning[] = [];
  if (signIn.domainMismatch) warnings.push({ tone: 'danger', parts: signInMismatchWarning(signIn.domain, origin) });
  if (signIn.malformed === true) warnings.push({ tone: 'warning', parts: fill(t('signIn_malformed', [mark(0)]), [page(signIn.domain)]) });
  if (signIn.schemeMismatch === true && signIn.scheme !== undefined) {
    warnings.push({ tone: 'danger', parts: fill(t('signIn_schemeMismatch', [mark(0), mark(1)]), [page(signIn.scheme), strong(origin)]) });
  }
  if (signIn.addressMismatch === true && signIn.address !== undefined) {
    warnings.push({ tone: 'warning', parts: fill(t('signIn_addressMismatch', [mark(0), mark(1)]), [address(signIn.address), address(account)]) });
  }
  if (signIn.chainMismatch === true && signIn.chainId !== undefined) {
    const active = siteChainId === undefined ? [] : [strong(chainIdDecimal(siteChainId))];
    warnings.push({ tone: 'warning', parts: fill(t('signIn_chainMismatch', [mark(0), mark(1)]), [page(signIn.chainId), active]) });
  }
  return warnings;
}

/** Every warning of a personal_sign request: a blind hash first, then the sign-in's. */
export function personalSignWarnings(request: Extract<ApprovalRequest, { kind: 'personal_sign' }>, origin: string): Warning[] {
  const blind: Warning[] = request.blindHash === true ? [{ tone: 'danger', parts: [{ kind: 'text', text: t('sign_blindHash') }] }] : [];
  const signIn = request.signIn === undefined ? [] : signInWarnings(request.signIn, origin, request.account, request.signIn.siteChainId);
  return [...blind, ...signIn];
}

/** The chain line of a typed-data request: its chain id, or "Not tied to any chain". */
export function typedDataChainDetail(request: TypedDataRequest): Detail {
  const parts: Part[] = request.chainId === undefined ? [{ kind: 'text', text: t('detail_noChain') }] : [{ kind: 'number', text: request.chainId }];
  return { label: t('detail_chain'), parts };
}

/**
 * The note on typed data whose domain names no chain: a caution, or for a Snapshot vote (whose domain
 * never names one) a plain statement. Undefined when the domain names a chain.
 */
export function noChainNote(request: TypedDataRequest): Warning | undefined {
  if (request.chainId !== undefined) return undefined;
  return request.action.kind === 'snapshot-vote'
    ? { tone: 'info', parts: [{ kind: 'text', text: t('typed_noChainSnapshot') }] }
    : { tone: 'danger', parts: [{ kind: 'text', text: t('typed_noChain') }] };
}

/** Requests whose Approve button is drawn as a dangerous action: any danger or sign-in warning. */
export function isDangerous(request: ApprovalRequest, origin: string): boolean {
  if (request.kind === 'personal_sign') return personalSignWarnings(request, origin).length > 0;
  if (request.kind === 'typed_data') {
    return (request.action.kind === 'permit' && request.action.unlimited) || noChainNote(request)?.tone === 'danger';
  }
  // A node on this computer or network, or another node for a network in use.
  if (request.kind === 'add_chain') return request.localRpc || request.replaces !== undefined;
  if (request.kind === 'transaction') return isDangerousTransaction(request.transaction);
  if (request.kind === 'calls') return request.batch.calls.some(isDangerousTransaction);
  return false;
}
