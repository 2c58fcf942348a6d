// The public dApp methods the wallet answers itself: name → params → result, as a registry site calls
// them through EIP-1193 `request`. The background's handler table is typed by this catalogue, so a method
// listed here without a handler, a handler for a method not listed, or a handler returning another shape
// does not compile. Params are what the standard says a page sends; the handlers check them at run time.
// The chain's read-only methods are forwarded unchanged to the site's node and are not listed here.

type Hex = `0x${string}`;

/** EIP-2255: the one permission the wallet grants, with the accounts the site may see. */
export interface AccountsPermission {
  invoker: string;
  parentCapability: 'eth_accounts';
  date: number;
  caveats: [{ type: 'restrictReturnedAccounts'; value: string[] }];
}

/** EIP-3085 `AddEthereumChainParameter`. */
export interface AddEthereumChainParameter {
  chainId: Hex;
  chainName: string;
  rpcUrls: string[];
  nativeCurrency: { name: string; symbol: string; decimals: number };
  blockExplorerUrls?: string[];
  iconUrls?: string[];
}

/** EIP-747 `WatchAssetParameters` for an ERC-20 token (the only type the wallet shows). */
export interface WatchAssetParameters {
  type: 'ERC20';
  options: { address: string; symbol?: string; decimals?: number; image?: string };
}

/**
 * EIP-1474 transaction object as a page sends it: quantities as 0x-hex. `input` is go-ethereum's name for
 * `data`. `authorizationList` (EIP-7702) is refused; it is listed so that a page may send it and be told why.
 */
export interface TransactionRequest {
  from: string;
  to?: string | null;
  value?: Hex;
  data?: Hex;
  input?: Hex;
  gas?: Hex;
  nonce?: Hex;
  maxFeePerGas?: Hex;
  maxPriorityFeePerGas?: Hex;
  gasPrice?: Hex;
  type?: Hex;
  chainId?: Hex;
  accessList?: unknown[];
  authorizationList?: unknown[];
}

/** EIP-5792 capability in a request: capability-specific fields, and whether the wallet may ignore it. */
export interface CallsCapability {
  [field: string]: unknown;
  optional?: boolean;
}

/** EIP-5792 v2.0.0 `wallet_sendCalls` params: the calls to send from one account on one chain. */
export interface SendCallsParameters {
  version: string;
  /** The site's own batch id: unique per sender per site, at most 8,194 characters. */
  id?: string;
  from?: string;
  chainId: Hex;
  atomicRequired: boolean;
  calls: { to?: string; data?: Hex; value?: Hex; capabilities?: Record<string, CallsCapability> }[];
  capabilities?: Record<string, CallsCapability>;
}

/** EIP-5792: one receipt of a batch, a strict subset of eth_getTransactionReceipt's. */
export interface CallsReceipt {
  logs: { address: Hex; data: Hex; topics: Hex[] }[];
  /** 0x1 success, 0x0 failure (EIP-658). */
  status: Hex;
  blockHash: Hex;
  blockNumber: Hex;
  gasUsed: Hex;
  transactionHash: Hex;
}

/**
 * EIP-5792 §Status Codes: 100 pending, 200 confirmed, 400 offchain failure, 500 reverted completely,
 * 600 reverted partially.
 */
export type CallsStatusCode = 100 | 200 | 400 | 500 | 600;

/** EIP-5792 v2.0.0 `wallet_getCallsStatus` result. This wallet sends calls one by one: `atomic` is false. */
export interface CallsStatus {
  version: '2.0.0';
  id: string;
  chainId: Hex;
  status: CallsStatusCode;
  atomic: false;
  receipts: CallsReceipt[];
}

/** EIP-5792 `atomic` capability: this wallet gives no atomicity or contiguity guarantee. */
export type WalletCapabilities = Record<Hex, { atomic: { status: 'unsupported' } }>;

export interface DappMethods {
  eth_chainId: { params: undefined; result: Hex };
  /** Accounts reach pages in lowercase, as the most used wallets send them; params accept any case. */
  eth_accounts: { params: undefined; result: string[] };
  eth_requestAccounts: { params: undefined; result: string[] };
  wallet_requestPermissions: { params: [{ eth_accounts: Record<string, never> }]; result: AccountsPermission[] };
  wallet_getPermissions: { params: undefined; result: AccountsPermission[] };
  wallet_revokePermissions: { params: [{ eth_accounts: Record<string, never> }]; result: null };
  /** EIP-191: the message as 0x-hex bytes (or text), then the signing account. */
  personal_sign: { params: [message: string, address: string]; result: Hex };
  /** EIP-712: the account, then the typed data as JSON text or an object. */
  eth_signTypedData_v4: { params: [address: string, typedData: string | object]; result: Hex };
  wallet_addEthereumChain: { params: [AddEthereumChainParameter]; result: null };
  wallet_switchEthereumChain: { params: [{ chainId: Hex }]; result: null };
  wallet_watchAsset: { params: WatchAssetParameters; result: true };
  /** EIP-1474: the transaction (from, to, value, data, gas, fees...) to sign and send; the result is its hash. */
  eth_sendTransaction: { params: [TransactionRequest]; result: Hex };
  /** Refused as blind signing (4200); listed so that the refusal is a decision, not a missing case. */
  eth_sign: { params: [address: string, hash: Hex]; result: never };
  // Methods the dapps people already use call (issue 12, item 6).
  /** The chain id of the site's network as a decimal string, the same chain eth_chainId names; no node is asked. */
  net_version: { params: undefined; result: string };
  /** EIP-191: the message as in personal_sign, then a 65-byte signature; the signer, lowercase. No key is used. */
  personal_ecRecover: { params: [message: string, signature: Hex]; result: string };
  /** EIP-712 as v3 defines it (no arrays, no struct containing itself): the account, then the typed data. */
  eth_signTypedData_v3: { params: [address: string, typedData: string | object]; result: Hex };
  /** The first typed-data draft (a list of { type, name, value }), refused (4200): it is not EIP-712. */
  eth_signTypedData: { params: unknown[]; result: never };
  /** The same draft under its versioned name, refused (4200). */
  eth_signTypedData_v1: { params: unknown[]; result: never };
  // EIP-5792 v2.0.0 (issue 12, item 5): batches of calls, sent one after another.
  /** The account, then optionally the chain ids asked about; the chains this site may use, keyed by hex chain id. */
  wallet_getCapabilities: { params: [address: string, chainIds?: Hex[]]; result: WalletCapabilities };
  /** The batch to send; its id (the site's own, or a fresh random one). */
  wallet_sendCalls: { params: [SendCallsParameters]; result: { id: string } };
  /** A batch id this site got from wallet_sendCalls; its status and receipts. */
  wallet_getCallsStatus: { params: [id: string]; result: CallsStatus };
  /** A batch id this site got from wallet_sendCalls; the wallet shows its Activity. */
  wallet_showCallsStatus: { params: [id: string]; result: null };
}

export type DappMethod = keyof DappMethods;
export type DappResult<M extends DappMethod> = DappMethods[M]['result'];
