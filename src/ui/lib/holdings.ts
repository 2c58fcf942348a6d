// What the holdings screen shows, worked out from the background's HoldingsView without any wording:
// amounts formatted with the token's decimals (bigint, never floats), each account's delegate
// classified, and each network's freshness. The screens turn these into localised text.
import { formatUnits } from '../../core/format';
import type { AccountView } from '../../protocol/private';
import type { AccountRegisterView, ChainHoldingsStatus, DiscoveryView, HoldingsView, TokenHoldingsView } from '../../protocol/holdings';

/** Whom an account's voting power goes to (ERC20Votes `delegates`). */
export type Delegate =
  /** Nobody: votes count only once an account delegates, even to itself. */
  | { kind: 'none' }
  | { kind: 'self' }
  /** Another account of this wallet. */
  | { kind: 'account'; account: AccountView }
  | { kind: 'other'; address: string };

export interface HoldingRow {
  address: string;
  /** The wallet's account with this address; undefined if the cache still has an account the wallet lost. */
  account: AccountView | undefined;
  balance: string;
  /** The account holds at least one unit of the token (its balance read as a plain positive number). */
  holds: boolean;
  /** Present only when the token has ERC20Votes. */
  votes: string | undefined;
  delegate: Delegate | undefined;
  /** Present only for a restricted token (ERC-3643, ERC-7943) whose register facts were read. */
  register: RegisterStatus | undefined;
}

/** What a restricted token's register says of one account, amounts formatted; undefined where unknown. */
export interface RegisterStatus {
  /** When some shares are frozen: how many, and how many of the balance can still move. */
  frozen: { frozen: string; available: string } | undefined;
  /** ERC-3643: the whole account is frozen (nothing moves in or out). */
  accountFrozen: boolean;
  /** ERC-3643 verified investor. */
  verified: boolean | undefined;
  /** ERC-7943: may the account send, receive. */
  canSend: boolean | undefined;
  canReceive: boolean | undefined;
}

/** The figures of one network, as the "as of" line and the problem alert need them. */
export interface Freshness {
  chainId: string;
  name: string;
  /** Block number (decimal digits) and block time (epoch ms) of the cached figures; undefined until read once. */
  asOf: { blockNumber: string; blockTime: number } | undefined;
  /** Why the latest refresh failed; the figures shown are then the cached ones. */
  problem: string | undefined;
}

const UNSIGNED = /^\d{1,80}$/;

/**
 * Up to this many companies, every company's accounts are listed when the popup opens; beyond it each
 * company shows its total and lists its accounts when opened. Drawing 1,000 rows (20 accounts × 50
 * companies) costs the popup about 100 ms before it can be used; a shareholder of many companies looks
 * for one at a time.
 */
export const COMPANIES_OPEN_AT_ONCE = 3;

export function companiesOpenByDefault(companyCount: number): boolean {
  return companyCount <= COMPANIES_OPEN_AT_ONCE;
}

function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * A raw amount (decimal string of base units) in whole units with digit grouping: "1500000000000000000000"
 * with 18 decimals is "1,500". Anything that is not an unsigned integer shows as "—" rather than a
 * made-up number.
 */
export function formatAmount(raw: string, decimals: number): string {
  if (!UNSIGNED.test(raw) || !Number.isInteger(decimals) || decimals < 0 || decimals > 255) return '—';
  return formatUnits(BigInt(raw), decimals);
}

/** `delegates(holder)` in the words the screen uses: none, the holder itself, one of the wallet's accounts, or another address. */
export function delegateOf(holder: string, delegate: string | null, accounts: readonly AccountView[]): Delegate {
  if (delegate === null || /^0x0{40}$/i.test(delegate)) return { kind: 'none' };
  if (sameAddress(delegate, holder)) return { kind: 'self' };
  const account = accounts.find((candidate) => sameAddress(candidate.address, delegate));
  return account === undefined ? { kind: 'other', address: delegate } : { kind: 'account', account };
}

/**
 * The register's facts of a holding in words-free form. Available to move is the balance less the frozen
 * shares (ERC-7943 may freeze more than is held: then none), and none while the whole account is frozen.
 */
export function registerStatus(balance: string, register: AccountRegisterView, decimals: number): RegisterStatus {
  const accountFrozen = register.accountFrozen === true;
  let frozen: RegisterStatus['frozen'];
  if (register.frozen !== undefined && UNSIGNED.test(register.frozen) && UNSIGNED.test(balance) && BigInt(register.frozen) > 0n) {
    const held = BigInt(balance);
    const locked = BigInt(register.frozen);
    const available = accountFrozen || locked >= held ? 0n : held - locked;
    frozen = { frozen: formatAmount(register.frozen, decimals), available: formatAmount(available.toString(), decimals) };
  }
  return { frozen, accountFrozen, verified: register.verified, canSend: register.canSend, canReceive: register.canReceive };
}

/** One row per account position in `token`, in the background's (account) order, amounts formatted. */
export function holdingRows(token: TokenHoldingsView, accounts: readonly AccountView[]): HoldingRow[] {
  const { decimals } = token.token;
  return token.accounts.map((holding) => ({
    address: holding.address,
    account: accounts.find((account) => sameAddress(account.address, holding.address)),
    balance: formatAmount(holding.balance, decimals),
    holds: UNSIGNED.test(holding.balance) && BigInt(holding.balance) > 0n,
    votes: token.hasVotes && holding.votes !== undefined ? formatAmount(holding.votes, decimals) : undefined,
    delegate: token.hasVotes && holding.delegate !== undefined ? delegateOf(holding.address, holding.delegate, accounts) : undefined,
    register: token.register !== undefined && holding.register !== undefined ? registerStatus(holding.balance, holding.register, decimals) : undefined,
  }));
}

/**
 * What a row says about its votes beyond the figures: an account of the wallet whose shares count for
 * nobody (ERC20Votes counts votes only once delegated, even to oneself) can activate them; one that gave
 * its votes to another address is told who casts them. Undefined otherwise (no shares, no ERC20Votes,
 * or its votes are its own).
 */
export type VotesNote = { kind: 'inactive' } | { kind: 'held-by'; delegate: Extract<Delegate, { kind: 'account' | 'other' }> };

export function votesNote(row: HoldingRow): VotesNote | undefined {
  const { delegate } = row;
  if (delegate === undefined || !row.holds || row.account === undefined) return undefined;
  if (delegate.kind === 'none') return { kind: 'inactive' };
  if (delegate.kind === 'account' || delegate.kind === 'other') return { kind: 'held-by', delegate };
  return undefined;
}

/**
 * The freshness of every network that has at least one token (a network without tokens has no figures
 * to vouch for), in the order of `view.chains`.
 */
export function freshness(view: HoldingsView): Freshness[] {
  const withTokens = new Set(view.tokens.map((token) => token.token.chainId));
  return view.chains.filter((chain) => withTokens.has(chain.chainId)).map((chain: ChainHoldingsStatus) => ({
    chainId: chain.chainId,
    name: chain.name,
    asOf: chain.asOf === undefined ? undefined : { blockNumber: integerText(chain.asOf.blockNumber), blockTime: chain.asOf.blockTime },
    problem: chain.problem?.message,
  }));
}

/** A block number or chain id as decimal digits (the background may send 0x-hex or decimal); anything else as it is. */
function integerText(value: string): string {
  return /^(0x[0-9a-f]{1,64}|\d{1,78})$/i.test(value) ? BigInt(value).toString() : value;
}

/** A network the wallet reads only for the accounts connected to the site that added it. */
export interface ScopedNetwork {
  chainId: string;
  name: string;
  /** The site's origin; undefined for a network stored before the wallet recorded it (read for no account). */
  addedBy: string | undefined;
}

/**
 * The networks the user has not chosen to read all their accounts on, in the order of `view.chains`;
 * with `withTokensOnly`, only those with a token (the ones the holdings are read from).
 */
export function scopedNetworks(view: HoldingsView, withTokensOnly: boolean): ScopedNetwork[] {
  const withTokens = new Set(view.tokens.map((token) => token.token.chainId));
  return view.chains
    .filter((chain) => !chain.userChosen && (!withTokensOnly || withTokens.has(chain.chainId)))
    .map((chain) => ({ chainId: chain.chainId, name: chain.name, addedBy: chain.addedBy }));
}

/** A search for used accounts that stopped at its limit: where to go on, and how many it had added. */
export interface StoppedDiscovery {
  /** The network it searched; absent when it searched every network the user chose (after a restore). */
  chainId?: string;
  from: number;
  found: number;
}

/** The stop of `found`, if it stopped at its limit. */
export function stoppedDiscovery(found: DiscoveryView, chainId?: string): StoppedDiscovery | undefined {
  if (found.stoppedAt === undefined) return undefined;
  return { ...(chainId === undefined ? {} : { chainId }), from: found.stoppedAt, found: found.added.length };
}

/** The token of `view` with this chain and address (any letter case, chain ids in hex or decimal). */
export function findToken(view: HoldingsView, chainId: string, address: string): TokenHoldingsView | undefined {
  const chain = integerText(chainId);
  return view.tokens.find((token) => integerText(token.token.chainId) === chain && sameAddress(token.token.address, address));
}

/** A contract address as the add-token form accepts it: 0x and 40 hex digits, spaces around ignored. */
export function tokenAddressInput(text: string): string | undefined {
  const trimmed = text.trim();
  return /^0x[0-9a-fA-F]{40}$/.test(trimmed) ? trimmed : undefined;
}
