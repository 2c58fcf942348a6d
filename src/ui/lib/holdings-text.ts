// The holdings' words: a delegate, the register's facts, a network's freshness, what recovery discovery found. Kept apart from
// the components so a test can read them in both languages.
import { shortAddress } from '../../core/format';
import type { DiscoveryView, TokenRegisterView } from '../../protocol/holdings';
import { fill, markers, type Part } from '../approval/sentence';
import { formatTime } from '../approval/time';
import { accountName } from '../components/account-name';
import { t } from '../i18n';
import type { Delegate, Freshness, RegisterStatus, ScopedNetwork } from './holdings';
import { NAME_CAP } from './outside-text';

/**
 * The background's reasons are clauses ("the node at http://… did not answer"); the messages put them
 * after a colon and end the sentence themselves, so a final full stop is dropped here.
 */
export function asClause(reason: string): string {
  return reason.trim().replace(/[.。]+$/u, '');
}

/** "yourself", "not delegated", an account's name, or a short address. */
export function delegateText(delegate: Delegate): string {
  switch (delegate.kind) {
    case 'none': return t('holdings_notDelegated');
    case 'self': return t('holdings_delegateSelf');
    case 'account': return accountName(delegate.account);
    case 'other': return shortAddress(delegate.address);
  }
}

/** The delegate's full address, for a tooltip; undefined when the words say it all. */
export function delegateAddress(delegate: Delegate): string | undefined {
  switch (delegate.kind) {
    case 'account': return delegate.account.address;
    case 'other': return delegate.address;
    case 'none':
    case 'self':
      return undefined;
  }
}

/** One fact of the register about a holding, in words; `fact` names it for the screen (data-fact). */
export interface RegisterNote {
  fact: 'frozen' | 'account-frozen' | 'verified' | 'not-verified' | 'may-move' | 'may-not-send' | 'may-not-receive' | 'may-not-move';
  text: string;
}

/**
 * What the register says of one account, as notes under its figures: frozen and available shares, a
 * whole-account freeze, and whether it is a verified investor (ERC-3643) or may send and receive (ERC-7943).
 * A fact the wallet does not know is not mentioned.
 */
export function registerNotes(status: RegisterStatus): RegisterNote[] {
  const notes: RegisterNote[] = [];
  if (status.accountFrozen) notes.push({ fact: 'account-frozen', text: t('holdings_accountFrozen') });
  if (status.frozen !== undefined) notes.push({ fact: 'frozen', text: t('holdings_frozenShares', [status.frozen.frozen, status.frozen.available]) });
  if (status.verified === true) notes.push({ fact: 'verified', text: t('holdings_verified') });
  if (status.verified === false) notes.push({ fact: 'not-verified', text: t('holdings_notVerified') });
  const { canSend, canReceive } = status;
  if (canSend === true && canReceive === true) notes.push({ fact: 'may-move', text: t('holdings_maySendReceive') });
  else if (canSend === false && canReceive === false) notes.push({ fact: 'may-not-move', text: t('holdings_mayNeither') });
  else if (canSend === false) notes.push({ fact: 'may-not-send', text: t('holdings_mayNotSend') });
  else if (canReceive === false) notes.push({ fact: 'may-not-receive', text: t('holdings_mayNotReceive') });
  return notes;
}

/** What a restricted token says of itself, when it matters to every holder: undefined otherwise. */
export function tokenRegisterNote(register: TokenRegisterView | undefined): string | undefined {
  return register?.paused === true ? t('holdings_tokenPaused') : undefined;
}

/**
 * A network's line above the figures: a `problem` (shown as an alert) when the latest refresh failed,
 * saying that the figures are the cached ones and why; else a `note` with the block they were read at.
 * The network's name is the site's words, so it is a framed part, never set into the sentence as text.
 */
export function networkStatus(network: Freshness): { kind: 'problem' | 'note'; parts: Part[] } {
  const { asOf, problem } = network;
  const name: Part = { kind: 'outside', text: network.name, source: 'site', cap: NAME_CAP };
  const plain = (value: string): Part => ({ kind: 'text', text: value });
  if (problem !== undefined) {
    return {
      kind: 'problem',
      parts: asOf === undefined
        ? fill(t('holdings_problemNoFigures', markers(2)), [name, plain(asClause(problem))])
        : fill(t('holdings_problemCached', markers(4)), [name, plain(formatTime(asOf.blockTime)), plain(asOf.blockNumber), plain(asClause(problem))]),
    };
  }
  return {
    kind: 'note',
    parts: asOf === undefined
      ? fill(t('holdings_notReadYet', markers(1)), [name])
      : fill(t('holdings_asOf', markers(3)), [name, plain(formatTime(asOf.blockTime)), plain(asOf.blockNumber)]),
  };
}

/** Which accounts the wallet reads on a network the user has not chosen, and through whose node. */
export function scopeText(network: ScopedNetwork): string {
  return network.addedBy === undefined
    ? t('holdings_scopeUnknown', [network.name])
    : t('holdings_scopeSite', [network.name, network.addedBy]);
}

/** What to tell the user after recovery discovery, or undefined when there is nothing to tell. */
export function discoveryNotice(found: DiscoveryView): string | undefined {
  const parts: string[] = [];
  if (found.added.length > 0) parts.push(t('restore_discovered', [found.added.length]));
  if (found.unreachable.length > 0) {
    parts.push(t('restore_unreachable', [found.unreachable.map((network) => asClause(network.message)).join('; ')]));
  }
  return parts.length === 0 ? undefined : parts.join(' ');
}
