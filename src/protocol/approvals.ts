// What the approval window shows and sends back. Every value is JSON (bigints as decimal strings), since
// runtime messages are serialised.
import type { ShareholderAction } from '../core/actions/types';
import type { CallsRequestView, TransactionChoice, TransactionRequestView } from './transactions';

/** `T` with every bigint as its decimal string, as it crosses a runtime message. */
export type Jsonify<T> = T extends bigint ? string
  : T extends (infer U)[] ? Jsonify<U>[]
    : T extends object ? { [K in keyof T]: Jsonify<T[K]> }
      : T;

export type ActionView = Jsonify<ShareholderAction>;

/**
 * An EIP-4361 sign-in message found in a personal_sign request: any message whose first line is a sign-in
 * header, checked against the site that asks, the signing account and the site's chain.
 */
export interface SignInView {
  /** The domain the header names (page text). */
  domain: string;
  /** The scheme before the domain in the header, when it gives one. */
  scheme?: string | undefined;
  /** The fields below are undefined when the message is malformed: they are read only from their lines. */
  address: string | undefined;
  uri: string | undefined;
  chainId: string | undefined;
  statement: string | undefined;
  /** The header is a sign-in header but the rest does not follow EIP-4361. */
  malformed?: boolean;
  /** The message names another site than the one asking: a likely phishing attempt. */
  domainMismatch: boolean;
  /** The header's scheme is not the scheme of the site that asks. */
  schemeMismatch?: boolean;
  /** The message names another account than the one that would sign. */
  addressMismatch?: boolean;
  /** The message's Chain ID is not the site's active chain. */
  chainMismatch?: boolean;
  /** The site's active chain (0x-hex) the message was checked against. */
  siteChainId?: string;
}

/** A network a site asks to add (EIP-3085); its RPC is checked only after the user approved it. */
export interface ChainView {
  /** EIP-155 chain id, 0x-hex. */
  chainId: string;
  /** The name the site gives: page text. */
  name: string;
  rpcUrl: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  explorerUrl: string | undefined;
}

/** A share token a site asks the wallet to show (EIP-747), as read from the chain itself. */
export interface TokenView {
  chainId: string;
  address: string;
  name: string;
  symbol: string;
  decimals: number;
}

/** A network the wallet knows whose RPC server a site asks to replace, and who relies on it now. */
export interface ReplacedChainView {
  /** The network as the wallet has it, with the RPC server it uses now. */
  current: ChainView;
  /** The connected sites whose active chain it is. */
  usedBy: string[];
  /** How many share tokens the wallet shows on this network (their holdings are read from its RPC). */
  tokens: number;
}

export type ApprovalRequest =
  | { kind: 'connect' }
  | {
    kind: 'add_chain';
    chain: ChainView;
    /** The RPC server is on this computer or the local network (loopback, private or link-local address). */
    localRpc: boolean;
    /** Present when the wallet knows this chain with another RPC server: approving replaces it. */
    replaces: ReplacedChainView | undefined;
  }
  /** EIP-3326 to a network the wallet knows but this site never added nor was allowed to use. */
  | { kind: 'switch_chain'; chain: ChainView }
  | { kind: 'watch_asset'; token: TokenView }
  | {
    kind: 'personal_sign';
    account: string;
    /** The message as UTF-8 text when it is printable, else null and only `hex` is shown. */
    text: string | null;
    hex: string;
    signIn: SignInView | undefined;
    /**
     * Exactly 32 bytes: the size of a hash. A contract that checks toEthSignedMessageHash(hash) takes the
     * signature as consent to whatever the hash stands for, which nobody can read (blind signing).
     */
    blindHash?: boolean;
  }
  | {
    kind: 'typed_data';
    account: string;
    /** The chain the signature is for (the site's active chain, 0x-hex); undefined when the domain names no chain. */
    chainId: string | undefined;
    action: ActionView;
    primaryType: string;
  }
  /** eth_sendTransaction (or the popup's Send): a transaction to sign and send, with its fees and simulation. */
  | { kind: 'transaction'; transaction: TransactionRequestView }
  /** EIP-5792 wallet_sendCalls: a batch of calls, reviewed together, each sent as its own transaction. */
  | { kind: 'calls'; batch: CallsRequestView };

export type ApprovalKind = ApprovalRequest['kind'];

export interface PendingApproval {
  id: string;
  /** The origin that asked (the frame's origin when a frame asked). */
  origin: string;
  /** The top-level site when the request came from a frame of another origin. */
  topOrigin: string | undefined;
  /**
   * Set when a frame asked and the browser cannot say which site the top-level page is (about:blank,
   * blob:, data: or no URL): the window then warns that the outer site is unknown.
   */
  topOriginUnknown?: true;
  request: ApprovalRequest;
  createdAt: number;
}

/**
 * The request the approval window shows, with its place in the queue: `position` of `queueSize`, counted
 * since the queue was last empty, so a request that follows one the user just decided reads "2 of 2".
 */
export interface QueuedApproval extends PendingApproval {
  position: number;
  queueSize: number;
}

export type ApprovalDecision =
  | { id: string; approve: false }
  | {
    id: string;
    approve: true;
    /** connect: the accounts the site may see */
    accounts?: string[];
    /** transaction: the fees the user set, when changed from the proposal */
    transaction?: TransactionChoice;
  };

/** A site the user has connected, with the accounts it may see. */
export interface ConnectionView {
  origin: string;
  accounts: string[];
  grantedAt: number;
}

export type ActivityDecision = 'approved' | 'rejected' | 'failed';

/** One request a site made, as the Activity screen lists it. */
export interface ActivityView {
  id: string;
  origin: string;
  method: string;
  /** What was asked, for the screen to put in words. */
  summary: ApprovalRequest;
  decision: ActivityDecision;
  time: number;
}
