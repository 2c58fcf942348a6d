// The background's handler of dApp requests (the public catalogue). The origin comes from the browser's
// sender of the Port, never from the message. Every dispatch ends in a default that refuses with 4200.
import type { ActivityDecision, ApprovalRequest, TokenView } from '../../protocol/approvals';
import type { RpcRequest } from '../../protocol/bridge';
import type { AccountsPermission, DappMethod, DappResult } from '../../protocol/dapp-methods';
import { ProviderRpcError } from '../../protocol/eip1193';
import { pageAccounts } from '../page-accounts';
import { rpcErrors } from '../rpc-error';
import type { ApprovalService } from '../services/approvals';
import { READ_ONLY_METHODS, type ChainService } from '../services/chains';
import { onlyAmong, type SiteService } from '../services/sites';
import type { TokenService } from '../services/tokens';
import type { TransactionPipeline } from '../services/transaction-pipeline';
import type { WalletService } from '../services/wallet';
import type { CallBatches } from '../services/call-batches';
import { createCallsHandlers } from './calls-handlers';
import { accountsPermissionParam, addressParam } from './dapp-params';
import { personalEcRecover } from './ec-recover';
import { createNetworkHandlers } from './network-handlers';
import { createSigningHandlers } from './signing-handlers';
import { createTransactionHandlers } from './transaction-handlers';

export interface DappContext {
  origin: string;
  /** The top-level site when a frame of another origin asks. */
  topOrigin: string | undefined;
  /** A frame asked and the browser cannot say which site the top-level page is (see dapp-port.ts). */
  topOriginUnknown?: true;
  /** The page connection that asked. */
  requester: string;
}

export interface DappRouterDeps {
  wallet: WalletService;
  sites: SiteService;
  approvals: ApprovalService;
  chains: ChainService;
  tokens: TokenService;
  /**
   * Told when a site's token was added (after the user approved), to look for accounts holding it and
   * read its holdings. Not awaited: the page's answer does not wait for the chain; must not throw.
   */
  tokenAdded: (token: TokenView) => void;
  /** eth_sendTransaction: reads the site's network before the approval, and signs and sends after it. */
  transactions: Pick<TransactionPipeline, 'preparation' | 'sending'>;
  /** EIP-5792: the batches sites sent, their ids and status. */
  callBatches: CallBatches;
  /** wallet_showCallsStatus: shows the wallet's Activity in a window of its own. */
  showActivity: () => Promise<void>;
  now: () => number;
  newId: () => string;
}

/** One public method's handler: the page's params in, the catalogue's result out. */
type Handler<M extends DappMethod> = (ctx: DappContext, params: unknown) => Promise<DappResult<M>>;

export function createDappRouter(deps: DappRouterDeps) {
  const { wallet, sites, approvals, chains, tokens } = deps;

  async function record(ctx: DappContext, method: string, summary: ApprovalRequest, decision: ActivityDecision): Promise<void> {
    await sites.record({ id: deps.newId(), origin: ctx.origin, method, summary, decision, time: deps.now() });
  }

  /** Asks the user, logging the outcome; rethrows a rejection (4001) after logging it. */
  async function ask(ctx: DappContext, method: string, request: ApprovalRequest) {
    try {
      return await approvals.request({
        origin: ctx.origin, topOrigin: ctx.topOrigin, requester: ctx.requester, request,
        ...(ctx.topOriginUnknown === true ? { topOriginUnknown: true } : {}),
      });
    } catch (error) {
      if (error instanceof ProviderRpcError && error.code === 4001) await record(ctx, method, request, 'rejected');
      throw error;
    }
  }

  const networks = createNetworkHandlers<DappContext>({ sites, chains, tokens, ask, record, now: deps.now });
  const signing = createSigningHandlers<DappContext>({ wallet, sites, tokens, ask, record });
  const sending = createTransactionHandlers<DappContext>({
    wallet, sites, preparation: deps.transactions.preparation, sending: deps.transactions.sending, ask, record,
  });
  const batches = createCallsHandlers<DappContext>({
    wallet, sites, chains, preparation: deps.transactions.preparation, sending: deps.transactions.sending,
    batches: deps.callBatches, showActivity: deps.showActivity, ask, record, now: deps.now,
  });

  /** The accounts this site may see now: none while locked or not connected. */
  async function visibleAccounts(origin: string): Promise<string[]> {
    return onlyAmong(await sites.permittedAccounts(origin), await wallet.unlockedAddresses());
  }

  async function connect(ctx: DappContext, method: string): Promise<string[]> {
    const visible = await visibleAccounts(ctx.origin);
    if (visible.length > 0) return visible;
    const decision = await ask(ctx, method, { kind: 'connect' });
    const chosen = onlyAmong(decision.accounts ?? [], await wallet.unlockedAddresses());
    if (chosen.length === 0) throw rpcErrors.userRejected('no account was chosen for this site');
    await sites.grant(ctx.origin, chosen);
    await record(ctx, method, { kind: 'connect' }, 'approved');
    return chosen;
  }

  /** EIP-2255 permissions, naming only the accounts eth_accounts would show now (none while locked), as it shows them. */
  async function permissionsOf(origin: string): Promise<AccountsPermission[]> {
    const accounts = await visibleAccounts(origin);
    if (accounts.length === 0) return [];
    return [{
      invoker: origin, parentCapability: 'eth_accounts', date: deps.now(),
      caveats: [{ type: 'restrictReturnedAccounts', value: pageAccounts(accounts) }],
    }];
  }

  /**
   * EIP-747: the user approves showing a token whose name, symbol and decimals the wallet read from the
   * chain; a page whose claims differ from the contract is refused.
   */
  async function watchAsset(ctx: DappContext, params: unknown): Promise<true> {
    const method = 'wallet_watchAsset';
    const request = (Array.isArray(params) ? params[0] : params) as { type?: unknown; options?: Record<string, unknown> } | null | undefined;
    if (request?.type !== 'ERC20' || typeof request.options !== 'object') {
      throw rpcErrors.invalidParams(`${method}: expected { type: "ERC20", options: { address, symbol, decimals } }`);
    }
    const address = addressParam(method, request.options.address, 1);
    const chainId = await networks.activeChain(ctx.origin);
    const token = await tokens.describe(chainId, address);
    const { symbol, decimals } = request.options;
    if (symbol !== undefined && symbol !== token.symbol) {
      throw rpcErrors.invalidParams(`${method}: the token at ${address} reports symbol ${token.symbol}, not ${JSON.stringify(symbol)}`);
    }
    if (decimals !== undefined && Number(decimals) !== token.decimals) {
      throw rpcErrors.invalidParams(`${method}: the token at ${address} reports ${token.decimals} decimals, not ${JSON.stringify(decimals)}`);
    }
    if ((await tokens.get(chainId, address)) === undefined) {
      const approval: ApprovalRequest = { kind: 'watch_asset', token };
      await ask(ctx, method, approval);
      await tokens.add(token);
      await record(ctx, method, approval, 'approved');
      deps.tokenAdded(token);
    }
    return true;
  }

  /** The first typed-data draft: a list of { type, name, value } with its own hashing, which EIP-712 replaced. */
  function refusedTypedDataDraft(method: string): ProviderRpcError {
    return rpcErrors.unsupported(method, 'is refused: it is the first typed-data draft (a list of { type, name, value }), not EIP-712; use eth_signTypedData_v4');
  }

  /** Every method of the catalogue (protocol/dapp-methods.ts), and nothing else, has a handler here. */
  const handlers: { [M in DappMethod]: Handler<M> } = {
    eth_chainId: (ctx) => networks.activeChain(ctx.origin) as Promise<`0x${string}`>,
    eth_accounts: async (ctx) => pageAccounts(await visibleAccounts(ctx.origin)),
    eth_requestAccounts: async (ctx) => pageAccounts(await connect(ctx, 'eth_requestAccounts')),
    wallet_requestPermissions: async (ctx, params) => {
      accountsPermissionParam('wallet_requestPermissions', params);
      await connect(ctx, 'wallet_requestPermissions');
      return permissionsOf(ctx.origin);
    },
    wallet_getPermissions: (ctx) => permissionsOf(ctx.origin),
    wallet_revokePermissions: async (ctx, params) => {
      accountsPermissionParam('wallet_revokePermissions', params);
      await sites.revoke(ctx.origin);
      approvals.originRevoked(ctx.origin);
      return null;
    },
    personal_sign: (ctx, params) => signing.personalSign(ctx, params),
    eth_signTypedData_v4: (ctx, params) => signing.signTypedDataV4(ctx, params),
    wallet_addEthereumChain: (ctx, params) => networks.addChain(ctx, params),
    wallet_switchEthereumChain: (ctx, params) => networks.switchChain(ctx, params),
    wallet_watchAsset: watchAsset,
    eth_sendTransaction: (ctx, params) => sending.sendTransaction(ctx, params),
    eth_sign: () => Promise.reject(rpcErrors.unsupported('eth_sign', 'is refused: it signs a hash nobody can read (blind signing); use personal_sign or eth_signTypedData_v4')),
    // Methods the dapps people already use call (issue 12, item 6).
    // Whatever eth_chainId answers this site, in decimal: an unconnected site hears "1" and learns nothing of the user's networks.
    net_version: async (ctx) => BigInt(await networks.activeChain(ctx.origin)).toString(10),
    personal_ecRecover: (_ctx, params) => Promise.resolve().then(() => personalEcRecover(params)),
    eth_signTypedData_v3: (ctx, params) => signing.signTypedDataV3(ctx, params),
    eth_signTypedData: () => Promise.reject(refusedTypedDataDraft('eth_signTypedData')),
    eth_signTypedData_v1: () => Promise.reject(refusedTypedDataDraft('eth_signTypedData_v1')),
    // EIP-5792 v2.0.0 (issue 12, item 5).
    wallet_getCapabilities: (ctx, params) => batches.getCapabilities(ctx, params),
    wallet_sendCalls: (ctx, params) => batches.sendCalls(ctx, params),
    wallet_getCallsStatus: (ctx, params) => batches.getCallsStatus(ctx, params),
    wallet_showCallsStatus: (ctx, params) => batches.showCallsStatus(ctx, params),
  };

  function isDappMethod(method: string): method is DappMethod {
    // Own keys only: a method named "constructor" or "__proto__" is not one of the catalogue's.
    return Object.hasOwn(handlers, method);
  }

  /**
   * Answers one dApp request: a method of the catalogue, a read-only call forwarded to the site's chain,
   * or 4200.
   * @throws ProviderRpcError with the EIP-1193 code for every refusal.
   */
  return async function handleDappRequest(ctx: DappContext, request: RpcRequest): Promise<unknown> {
    const { method, params } = request;
    if (isDappMethod(method)) return handlers[method](ctx, params);
    if (READ_ONLY_METHODS.has(method)) return networks.forward(ctx, method, params);
    throw rpcErrors.unsupported(method);
  };
}

export type DappRouter = ReturnType<typeof createDappRouter>;
