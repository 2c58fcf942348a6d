// What the popup shows of the shares the wallet's accounts hold. Every figure is read from the
// registry's chain by the background and kept in IndexedDB; amounts are raw units as decimal strings
// (runtime messages carry no bigint), formatted with the token's decimals only on screen.
import type { TokenView } from './approvals';

/**
 * What a restricted token's register (ERC-3643, ERC-7943) says about one account, read with its balance.
 * A fact that is absent is unknown (the node did not tell it); it is never guessed.
 */
export interface AccountRegisterView {
  /** `getFrozenTokens(address)`, raw units: shares that cannot move. ERC-7943 allows more than the balance. */
  frozen?: string;
  /** ERC-3643 `isFrozen(address)`: the whole account can neither send nor receive. */
  accountFrozen?: boolean;
  /** ERC-3643 `isVerified(address)` in the token's identity registry: only verified investors may receive. */
  verified?: boolean;
  /** ERC-7943 `canSend(address)` / `canReceive(address)`. */
  canSend?: boolean;
  canReceive?: boolean;
}

/** A restricted share token's own facts. */
export interface TokenRegisterView {
  standard: 'erc3643' | 'erc7943';
  /** ERC-3643 `paused()`: no share moves while it is paused; absent when unknown. */
  paused?: boolean;
}

/** One account's position in one share token. */
export interface AccountHoldingView {
  /** EIP-55 */
  address: string;
  /** `balanceOf(address)`, raw units. */
  balance: string;
  /** `getVotes(address)`, raw units; absent when the token is a plain ERC-20 (no ERC20Votes). */
  votes?: string;
  /** `delegates(address)`: the EIP-55 delegate, or null when the account has not delegated (ERC20Votes only). */
  delegate?: string | null;
  /** Only for a restricted token (its `register` is set). */
  register?: AccountRegisterView;
}

/** A company's share token, with every unlocked account's position in it. */
export interface TokenHoldingsView {
  token: TokenView;
  /** The network's name, as its site gave it when it was added. */
  chainName: string;
  /** The token answered `getVotes` and `delegates` (ERC20Votes). */
  hasVotes: boolean;
  /** Every account of the wallet, in account order; an account missing from the cache has no row. */
  accounts: AccountHoldingView[];
  /** Sum of `accounts[].balance`, raw units. */
  total: string;
  /** Set when the token is a restricted one (ERC-3643, ERC-7943): its register's facts were read with the figures. */
  register?: TokenRegisterView;
}

/** When a network's figures were read, and why the latest refresh failed, if it did. */
export interface ChainHoldingsStatus {
  chainId: string;
  name: string;
  /** The origin of the site whose RPC URL this network uses; absent for a network stored before it was recorded. */
  addedBy?: string;
  /**
   * The user chose to read all their accounts on this network. Until then the wallet reads there only the
   * accounts connected to `addedBy` (none when `addedBy` is absent), and looks for no used account there.
   */
  userChosen: boolean;
  /** The block the cached figures were read at; absent until a refresh succeeded once. */
  asOf?: { blockNumber: string; /** block timestamp, epoch ms */ blockTime: number; /** epoch ms */ fetchedAt: number };
  /**
   * Set when the latest refresh failed (RPC down, too slow, or garbage): the figures shown are the cached
   * ones from `asOf`. Plain words for the user, naming the RPC and what went wrong.
   */
  problem?: { message: string; at: number };
}

export interface HoldingsView {
  /** By company: one entry per known token, ordered by chain then token name. */
  tokens: TokenHoldingsView[];
  /** One per known network (the networks the add-token form offers). */
  chains: ChainHoldingsStatus[];
}

/** What recovery discovery found: the account indexes it added (gap limit 20, BIP-44). */
export interface DiscoveryView {
  added: number[];
  /**
   * Set when discovery stopped because it had added as many accounts as one run may: the account index
   * to go on from if the user asks to keep looking (accounts.discover with `from`).
   */
  stoppedAt?: number;
  /** Networks that could not be read; their accounts were not looked for. */
  unreachable: { chainId: string; message: string }[];
}

/**
 * What choosing a network did (chains.choose, or tokens.add, where adding a token is choosing its
 * network): discovery's result there, then the holdings read again.
 */
export interface NetworkChoiceView {
  discovery: DiscoveryView;
  holdings: HoldingsView;
}
