// A request in plain words, as "sentence parts": the wallet's own words (localised) with the values set
// into them as typed parts, so the screen can draw each kind apart: an amount, a full address, a date,
// and above all text the page chose, which must never read as the wallet's own words.
//
// Localised templates carry their values as placeholders; each value is passed to the translation as a
// marker (private-use characters no translation contains), and the translated text is then cut there.
// So a translation may put the values in any order, and no value is ever inserted as text.
import type { GenericField, KnownToken, VoteSupport } from '../../core/actions/types';
import { formatUnits } from '../../core/format';
import type { ActionView, ApprovalRequest, ChainView, Jsonify, ReplacedChainView, SignInView, TokenView as WatchedToken } from '../../protocol/approvals';
import { t } from '../i18n';
import { NAME_CAP, SYMBOL_CAP, type OutsideSource } from '../lib/outside-text';
import { callSentence, callTitle } from './call-sentence';
import { callsSentence, callsTitle } from './calls-sentence';
import { secondsToMs } from './time';

export type Part =
  /** The wallet's own words. */
  | { kind: 'text'; text: string }
  /** A value the wallet states: an amount, the symbol of a token it knows, the vote. */
  | { kind: 'strong'; text: string }
  /** A long number (a proposal id), kept whole and drawn in monospace. */
  | { kind: 'number'; text: string }
  /** An EIP-55 address, in full unless a list shortens it. */
  | { kind: 'address'; address: string }
  /** Text the page chose (a Snapshot space, a vote's reason, a sign-in domain): shown apart. */
  | { kind: 'page'; text: string }
  /** A name or symbol a token contract or a site chose: framed, labelled with its source, capped. */
  | { kind: 'outside'; text: string; source: OutsideSource; cap: number }
  /** Epoch ms, shown as a localised date and time. */
  | { kind: 'time'; ms: number };

/** One labelled line of a request's details. */
export interface Detail {
  label: string;
  parts: Part[];
}

export type TokenView = { address: string; chainId: string | undefined; known: Jsonify<KnownToken> | undefined };
export type GenericFieldView = Jsonify<GenericField>;

/** The marker that stands for value `index` in a translated template. */
export const mark = (index: number) => `\u{E000}${index}\u{E001}`;
const M0 = mark(0);
const M1 = mark(1);
const M2 = mark(2);
const M3 = mark(3);
const MARKER = /\u{E000}(\d)\u{E001}/u;

/** The markers to pass to `t` for a template of `count` values, for `fill` to cut it at. */
export function markers(count: number): string[] {
  return Array.from({ length: count }, (_, index) => mark(index));
}

function isPartList(value: Part | readonly Part[]): value is readonly Part[] {
  return Array.isArray(value);
}

/**
 * Cuts a translated `template` at its markers and sets `values[i]` where marker i stands. Neighbouring
 * text parts are merged and empty ones dropped.
 */
export function fill(template: string, values: readonly (Part | readonly Part[])[]): Part[] {
  const parts: Part[] = [];
  const push = (part: Part) => {
    const last = parts[parts.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + part.text };
    else if (part.kind !== 'text' || part.text !== '') parts.push(part);
  };
  // split() with a capture group alternates text and marker numbers: [text, n, text, n, text].
  template.split(new RegExp(MARKER.source, 'gu')).forEach((piece, index) => {
    if (index % 2 === 0) {
      push({ kind: 'text', text: piece });
      return;
    }
    const value = values[Number(piece)];
    if (value === undefined) return;
    for (const part of isPartList(value) ? value : [value]) push(part);
  });
  return parts;
}

const text = (value: string): Part => ({ kind: 'text', text: value });
const strong = (value: string): Part => ({ kind: 'strong', text: value });
const address = (value: string): Part => ({ kind: 'address', address: value });
const page = (value: string): Part => ({ kind: 'page', text: value });
const number = (value: string): Part => ({ kind: 'number', text: value });
const contractName = (value: string): Part => ({ kind: 'outside', text: value, source: 'contract', cap: NAME_CAP });
const contractSymbol = (value: string): Part => ({ kind: 'outside', text: value, source: 'contract', cap: SYMBOL_CAP });
const siteName = (value: string): Part => ({ kind: 'outside', text: value, source: 'site', cap: NAME_CAP });
const siteSymbol = (value: string): Part => ({ kind: 'outside', text: value, source: 'site', cap: SYMBOL_CAP });

/** Token units as a grouped number: with the token's decimals when the wallet knows them, else raw. */
function units(value: string, decimals: number): string {
  return /^\d+$/.test(value) ? formatUnits(BigInt(value), decimals) : value;
}

/** "1,000 ACME", or "500 units of the unknown token 0x…" when the wallet does not know the token. */
export function amountPhrase(token: TokenView, amount: string): Part[] {
  if (token.known === undefined) return fill(t('amount_unknownToken', [M0, M1]), [strong(units(amount, 0)), address(token.address)]);
  return fill(t('amount_known', [M0, M1]), [strong(units(amount, token.known.decimals)), contractSymbol(token.known.symbol)]);
}

/** "ACME", or "unknown token 0x…". */
export function tokenPhrase(token: TokenView): Part[] {
  if (token.known === undefined) return fill(t('token_unknown', [M0]), [address(token.address)]);
  return [contractSymbol(token.known.symbol)];
}

/** A time for a detail line: a date, "now" for a validAfter of 0, or "no end date". */
export function timeValue(seconds: string, zeroIsNow: boolean): Part {
  if (zeroIsNow && /^0+$/.test(seconds)) return text(t('time_now'));
  const ms = secondsToMs(seconds);
  return ms === undefined ? text(t('time_noEnd')) : { kind: 'time', ms };
}

/** "until 24 Nov 2026, 05:13", or "with no end date". */
function deadlinePhrase(seconds: string): Part[] {
  const ms = secondsToMs(seconds);
  return ms === undefined ? [text(t('deadline_none'))] : fill(t('deadline_until', [M0]), [{ kind: 'time', ms }]);
}

export function supportLabel(support: VoteSupport): string {
  switch (support) {
    case 'for': return t('vote_for');
    case 'against': return t('vote_against');
    case 'abstain': return t('vote_abstain');
  }
}

/** What a typed-data request asks, in one sentence. */
export function actionSentence(action: ActionView): Part[] {
  switch (action.kind) {
    case 'transfer':
      return fill(t('action_transfer', [M0, M1]), [amountPhrase(action.token, action.amount), address(action.to)]);
    case 'permit':
      return action.unlimited
        ? fill(t('action_permitUnlimited', [M0, M1, M2]), [address(action.spender), tokenPhrase(action.token), deadlinePhrase(action.deadline)])
        : fill(t('action_permit', [M0, M1, M2]), [address(action.spender), amountPhrase(action.token, action.amount), deadlinePhrase(action.deadline)]);
    case 'vote':
      return fill(t('action_vote', [M0, M1]), [strong(supportLabel(action.support)), { kind: 'number', text: action.proposalId }]);
    case 'delegation':
      return fill(t('action_delegation', [M0, M1]), [tokenPhrase(action.token), address(action.delegatee)]);
    case 'snapshot-vote':
      return fill(t('action_snapshotVote', [M0, M1, M2]), [page(action.space), page(action.choice), page(action.proposal)]);
    case 'generic':
      return fill(t('action_generic', [M0]), [page(action.primaryType)]);
  }
}

/** The heading of a typed-data request. */
export function actionTitle(action: ActionView): string {
  switch (action.kind) {
    case 'transfer': return t('title_transfer');
    case 'permit': return t('title_permit');
    case 'vote': return t('title_vote');
    case 'delegation': return t('title_delegation');
    case 'snapshot-vote': return t('title_snapshotVote');
    case 'generic': return t('title_signature');
  }
}

/** The heading of a request. */
export function requestTitle(request: ApprovalRequest): string {
  switch (request.kind) {
    case 'connect': return t('title_connect');
    case 'add_chain': return request.replaces === undefined ? t('title_addChain') : t('title_replaceChain');
    case 'switch_chain': return t('title_switchChain');
    case 'watch_asset': return t('title_watchAsset');
    case 'personal_sign': return request.signIn === undefined ? t('title_signature') : t('title_signIn');
    case 'typed_data': return actionTitle(request.action);
    case 'transaction': return callTitle(request.transaction.call.action);
    case 'calls': return callsTitle(request.batch);
  }
}

/** "Sign in to example.com as 0x…" (the domain is the message's, so page text). */
export function signInSentence(domain: string, account: string): Part[] {
  return fill(t('signIn_sentence', [M0, M1]), [page(domain), address(account)]);
}

/**
 * The headline of a sign-in: "Sign in to example.com as 0x…" with the account the message names (the
 * signing account when an older record has none), or "Malformed sign-in message for example.com".
 */
export function signInHeadline(signIn: SignInView, account: string): Part[] {
  if (signIn.malformed === true) return fill(t('signIn_malformedSentence', [M0]), [page(signIn.domain)]);
  return signInSentence(signIn.domain, signIn.address ?? account);
}

/** A request in one sentence, as the Activity screen lists it. */
export function requestSentence(request: ApprovalRequest): Part[] {
  switch (request.kind) {
    case 'connect': return [text(t('activity_connect'))];
    case 'add_chain':
      return request.replaces === undefined
        ? fill(t('activity_addChain', [M0, M1]), [siteName(request.chain.name), strong(chainIdDecimal(request.chain.chainId))])
        : fill(t('activity_replaceChain', [M0, M1]), [siteName(request.replaces.current.name), strong(chainIdDecimal(request.chain.chainId))]);
    case 'switch_chain':
      return fill(t('activity_switchChain', [M0, M1]), [siteName(request.chain.name), strong(chainIdDecimal(request.chain.chainId))]);
    case 'watch_asset':
      return fill(t('activity_watchAsset', [M0, M1]), [contractSymbol(request.token.symbol), address(request.token.address)]);
    case 'personal_sign':
      return request.signIn === undefined ? [text(t('activity_sign'))] : signInHeadline(request.signIn, request.account);
    case 'typed_data': return actionSentence(request.action);
    case 'transaction': return callSentence(request.transaction.call, request.transaction.nativeCurrency);
    case 'calls': return callsSentence(request.batch);
  }
}

/** The token contract's address first, then the name and symbol it gives (or "unknown"). */
export function tokenDetail(token: TokenView): Detail {
  const parts = token.known === undefined
    ? [text(t('token_unknownName')), address(token.address)]
    : [address(token.address), text(' '), ...fill(t('token_named', [M0, M1]), [contractName(token.known.name), contractSymbol(token.known.symbol)])];
  return { label: t('detail_token'), parts };
}

/** An ERC-3009 authorization, signed or submitted: its parties, token and validity window. */
export function authorizationDetails(authorization: { from: string; to: string; token: TokenView; validAfter: string; validBefore: string }): Detail[] {
  return [
    { label: t('detail_from'), parts: [address(authorization.from)] },
    { label: t('detail_to'), parts: [address(authorization.to)] },
    tokenDetail(authorization.token),
    { label: t('detail_validFrom'), parts: [timeValue(authorization.validAfter, true)] },
    { label: t('detail_validUntil'), parts: [timeValue(authorization.validBefore, false)] },
  ];
}

/** A Governor vote, signed (a Ballot) or sent (castVote*): the same lines either way. */
export function voteDetails(vote: {
  support: VoteSupport; proposalId: string; governor: string; voter: string | undefined; reason: string | undefined; params: string | undefined;
}): Detail[] {
  return [
    { label: t('detail_support'), parts: [strong(supportLabel(vote.support))] },
    { label: t('detail_proposal'), parts: [number(vote.proposalId)] },
    { label: t('detail_governor'), parts: [address(vote.governor)] },
    ...(vote.voter === undefined ? [] : [{ label: t('detail_voter'), parts: [address(vote.voter)] }]),
    ...(vote.reason === undefined ? [] : [{ label: t('detail_reason'), parts: [page(vote.reason)] }]),
    ...(vote.params === undefined ? [] : [{ label: t('detail_voteParams'), parts: [page(vote.params)] }]),
  ];
}

/** Votes given to a delegate by a signature that expires (ERC20Votes `Delegation`, `delegateBySig`). */
export function delegationDetails(delegation: { delegatee: string; token: TokenView; expiry: string }): Detail[] {
  return [
    { label: t('detail_delegatee'), parts: [address(delegation.delegatee)] },
    tokenDetail(delegation.token),
    { label: t('detail_expiry'), parts: [timeValue(delegation.expiry, false)] },
  ];
}

/**
 * The details of a typed-data request beyond its sentence: the parties in full, the contract, the times,
 * and page text such as a vote's reason. The signing account and the chain are shown by the screen.
 */
export function actionDetails(action: ActionView): Detail[] {
  switch (action.kind) {
    case 'transfer':
      return [
        ...authorizationDetails(action),
        ...(action.submitter === 'recipient' ? [{ label: t('detail_submitter'), parts: [text(t('submitter_recipient'))] }] : []),
      ];
    case 'permit':
      return [
        { label: t('detail_spender'), parts: [address(action.spender)] },
        { label: t('detail_owner'), parts: [address(action.owner)] },
        tokenDetail(action.token),
        { label: t('detail_deadline'), parts: [timeValue(action.deadline, false)] },
      ];
    case 'vote':
      return voteDetails(action);
    case 'delegation':
      return delegationDetails(action);
    case 'snapshot-vote':
      return [
        { label: t('detail_space'), parts: [page(action.space)] },
        { label: t('detail_proposal'), parts: [page(action.proposal)] },
        { label: t('detail_choice'), parts: [page(action.choice)] },
        { label: t('detail_voter'), parts: [address(action.voter)] },
        ...(action.reason === undefined ? [] : [{ label: t('detail_reason'), parts: [page(action.reason)] }]),
        ...(action.app === undefined ? [] : [{ label: t('detail_app'), parts: [page(action.app)] }]),
        ...(action.metadata === undefined ? [] : [{ label: t('detail_metadata'), parts: [page(action.metadata)] }]),
      ];
    case 'generic':
      return [{ label: t('detail_type'), parts: [page(action.primaryType)] }];
  }
}

/** True when the parts hold text the page chose, so the screen explains how such text is marked. */
export function hasPageText(parts: readonly Part[]): boolean {
  return parts.some((part) => part.kind === 'page');
}

/** "https://registry.example wants to see your account" (the origin is the browser's, not the page's words). */
export function connectSentence(origin: string): Part[] {
  return fill(t('connect_sentence', [M0]), [strong(origin)]);
}

/** "inside https://portal.example": the top-level site around the frame that asked. */
export function insideSentence(topOrigin: string): Part[] {
  return fill(t('site_inside', [M0]), [strong(topOrigin)]);
}

/** "Unlimited: 0x… could move all your ACME shares". */
export function unlimitedWarning(action: Extract<ActionView, { kind: 'permit' }>): Part[] {
  return fill(t('permit_unlimitedWarning', [M0, M1]), [address(action.spender), tokenPhrase(action.token)]);
}

/** A chain id (0x-hex or decimal) in decimal, as the wallet shows it; anything else stays as it is. */
export function chainIdDecimal(chainId: string): string {
  return /^(0x[0-9a-f]+|\d+)$/i.test(chainId) ? BigInt(chainId).toString() : chainId;
}

/**
 * "Network: «Acme Registry Chain» (chain ID 31337)": the name is whoever added the network's words (a site,
 * through wallet_addEthereumChain), so it is framed; the chain id is the one its RPC server confirmed.
 */
export function networkDetail(name: string, chainId: string): Detail {
  return { label: t('detail_network'), parts: fill(t('network_named', [M0, M1]), [siteName(name), number(chainIdDecimal(chainId))]) };
}

/** A chain id (0x-hex or decimal) in 0x-hex, as sites and RPC servers write it; anything else stays as it is. */
export function chainIdHex(chainId: string): string {
  return /^(0x[0-9a-f]+|\d+)$/i.test(chainId) ? `0x${BigInt(chainId).toString(16)}` : chainId;
}

/**
 * "https://registry.example wants to add the network «Acme Chain» (chain id 31337 / 0x7a69)": the name is
 * the site's words, the chain id the one its RPC server answered with.
 */
export function addChainSentence(origin: string, chain: ChainView): Part[] {
  return fill(t('addChain_sentence', [M0, M1, M2, M3]),
    [strong(origin), siteName(chain.name), strong(chainIdDecimal(chain.chainId)), strong(chainIdHex(chain.chainId))]);
}

/** The network's RPC server, currency and explorer, all as the site gave them. */
export function addChainDetails(chain: ChainView): Detail[] {
  const { nativeCurrency } = chain;
  return [
    { label: t('detail_rpcUrl'), parts: [page(chain.rpcUrl)] },
    { label: t('detail_currency'), parts: fill(t('token_named', [M0, M1]), [siteName(nativeCurrency.name), siteSymbol(nativeCurrency.symbol)]) },
    { label: t('detail_decimals'), parts: [number(String(nativeCurrency.decimals))] },
    ...(chain.explorerUrl === undefined ? [] : [{ label: t('detail_explorer'), parts: [page(chain.explorerUrl)] }]),
  ];
}

/** "After you approve, the wallet checks that this network answers with chain id 31337; …" */
export function addChainCheckedNote(chain: ChainView): Part[] {
  return fill(t('addChain_checked', [M0]), [strong(chainIdDecimal(chain.chainId))]);
}

/**
 * "https://registry.example asks the wallet to show the token 0x…: ACME (ACME Holdings)": the contract's
 * address first, then the symbol and name it gives, which the wallet read from the chain itself.
 */
export function watchAssetSentence(origin: string, token: WatchedToken): Part[] {
  return fill(t('watchAsset_sentence', [M0, M1, M2, M3]),
    [strong(origin), contractSymbol(token.symbol), contractName(token.name), address(token.address)]);
}

/** The token contract in full, its decimals and its chain. */
export function watchAssetDetails(token: WatchedToken): Detail[] {
  return [
    { label: t('detail_token'), parts: [address(token.address)] },
    { label: t('detail_decimals'), parts: [number(String(token.decimals))] },
    { label: t('detail_chain'), parts: [number(chainIdDecimal(token.chainId))] },
  ];
}

/** "Name, symbol and decimals were read from the token contract on chain 31337, not from the site." */
export function watchAssetSourceNote(token: WatchedToken): Part[] {
  return fill(t('watchAsset_source', [M0]), [strong(chainIdDecimal(token.chainId))]);
}

/** "This sign-in message is for evil.example, but it was sent by https://registry.example. …" */
export function signInMismatchWarning(domain: string, origin: string): Part[] {
  return fill(t('signIn_mismatch', [M0, M1]), [page(domain), strong(origin)]);
}

/**
 * "https://other.example asks to replace the node of network «Acme Chain» (chain id 31337)": the name is
 * the one the wallet has for the network, given by whoever added it.
 */
export function replaceChainSentence(origin: string, replaced: ReplacedChainView): Part[] {
  return fill(t('replaceChain_sentence', [M0, M1, M2]), [strong(origin), siteName(replaced.current.name), strong(chainIdDecimal(replaced.current.chainId))]);
}

/** The node in use and the one the site asks for, both in full. */
export function replaceChainDetails(chain: ChainView, replaced: ReplacedChainView): Detail[] {
  return [
    { label: t('detail_currentRpcUrl'), parts: [page(replaced.current.rpcUrl)] },
    { label: t('detail_newRpcUrl'), parts: [page(chain.rpcUrl)] },
  ];
}

/** Who relies on the network's node now: each connected site on it, then the wallet's own holdings reads. */
export function replaceChainUsers(replaced: ReplacedChainView): Part[][] {
  return [
    ...replaced.usedBy.map((origin) => [strong(origin)]),
    fill(t('replaceChain_holdings', [M0]), [strong(String(replaced.tokens))]),
  ];
}

/** "This site asks the wallet to use a server on your own computer or local network (127.0.0.1:8545). …" */
export function localRpcWarning(rpcUrl: string): Part[] {
  return fill(t('addChain_localDanger', [M0]), [page(new URL(rpcUrl).host)]);
}

/** "https://registry.example asks to use your network «Acme Chain» (chain id 31337)". */
export function switchChainSentence(origin: string, chain: ChainView): Part[] {
  return fill(t('switchChain_sentence', [M0, M1, M2]), [strong(origin), siteName(chain.name), strong(chainIdDecimal(chain.chainId))]);
}
