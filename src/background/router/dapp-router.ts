// The background's handler of dApp requests (the public catalogue). The origin comes from the browser's
// sender of the Port, never from the message. Every dispatch ends in a default that refuses with 4200.
import { describeTypedData, signPersonalMessage, signTypedData, TypedDataError } from '../../core';
import { bytesToHex } from '../../core/bytes';
import type { ActionView, ActivityDecision, ApprovalRequest, Jsonify, TokenView } from '../../protocol/approvals';
import type { RpcRequest } from '../../protocol/bridge';
import { ProviderRpcError } from '../../protocol/eip1193';
import { rpcErrors } from '../rpc-error';
import type { ApprovalService } from '../services/approvals';
import { READ_ONLY_METHODS, type ChainService } from '../services/chains';
import { onlyAmong, type SiteService } from '../services/sites';
import type { TokenService } from '../services/tokens';
import type { WalletService } from '../services/wallet';
import { checkSignIn } from './sign-in-check';
import { accountsPermissionParam, addressParam, messageParam, paramList, printableText, typedDataParam } from './dapp-params';
import { createNetworkHandlers } from './network-handlers';

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
  now: () => number;
  newId: () => string;
}

/** `value` with every bigint as its decimal string, for a runtime message. */
function jsonify<T>(value: T): Jsonify<T> {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item))) as Jsonify<T>;
}

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

  /** EIP-2255 permissions, naming only the accounts eth_accounts would show now (none while locked). */
  async function permissionsOf(origin: string) {
    const accounts = await visibleAccounts(origin);
    if (accounts.length === 0) return [];
    return [{
      invoker: origin, parentCapability: 'eth_accounts', date: deps.now(),
      caveats: [{ type: 'restrictReturnedAccounts', value: accounts }],
    }];
  }

  /** The signing account must be one the site was allowed to see. */
  async function requirePermitted(ctx: DappContext, method: string, account: string): Promise<void> {
    const permitted = await sites.permittedAccounts(ctx.origin);
    if (!permitted.some((candidate) => candidate.toLowerCase() === account.toLowerCase())) {
      throw rpcErrors.unauthorized(`${method}: ${ctx.origin} is not connected to ${account}; call eth_requestAccounts first`);
    }
  }

  /**
   * Asks the user to approve what `account` would sign, then checks the site's permission again: the
   * user may have disconnected the site while the request waited, and nothing is signed for a site that
   * is no longer connected (4100).
   */
  async function approveSigning(ctx: DappContext, method: string, account: string, request: ApprovalRequest): Promise<void> {
    await ask(ctx, method, request);
    try {
      await requirePermitted(ctx, method, account);
    } catch (error) {
      await record(ctx, method, request, 'failed');
      throw error;
    }
  }

  async function personalSign(ctx: DappContext, params: unknown): Promise<string> {
    const [message, address] = paramList('personal_sign', params, 2);
    const account = addressParam('personal_sign', address, 2);
    const bytes = messageParam(message);
    await requirePermitted(ctx, 'personal_sign', account);
    const text = printableText(bytes);
    const signIn = checkSignIn(bytes, { origin: ctx.origin, account, chainId: await sites.chainId(ctx.origin) });
    // A 32-byte message is what toEthSignedMessageHash(bytes32) signs: a hash, whatever it stands for.
    const request: ApprovalRequest = { kind: 'personal_sign', account, text, hex: bytesToHex(bytes), signIn, blindHash: bytes.length === 32 };
    await approveSigning(ctx, 'personal_sign', account, request);
    const signature = signPersonalMessage(await wallet.privateKeyFor(account), bytes);
    await record(ctx, 'personal_sign', request, 'approved');
    return signature;
  }

  async function signTypedDataV4(ctx: DappContext, params: unknown): Promise<string> {
    const [address, data] = paramList('eth_signTypedData_v4', params, 2);
    const account = addressParam('eth_signTypedData_v4', address, 1);
    const typedData = typedDataParam(data);
    const active = BigInt(await sites.chainId(ctx.origin));
    // Names, symbols and decimals come from the wallet's known tokens, never from the page (design.md).
    const lookup = await tokens.lookup(active);
    let action: ActionView;
    try {
      action = jsonify(describeTypedData(typedData, lookup));
    } catch (error) {
      if (error instanceof TypedDataError) throw rpcErrors.invalidParams(`eth_signTypedData_v4: ${error.message}`);
      throw error;
    }
    const { domain, primaryType } = typedData as { domain: Record<string, unknown>; primaryType: string };
    // Checked by describeTypedData: a chainId that is present is a uint256 (number, decimal or 0x-hex).
    const requested = domain.chainId === undefined ? undefined : BigInt(domain.chainId as string | number);
    if (requested !== undefined && requested !== active) {
      throw rpcErrors.invalidParams(`eth_signTypedData_v4: domain.chainId ${requested} does not match the active chain ${active}`);
    }
    await requirePermitted(ctx, 'eth_signTypedData_v4', account);
    // A domain without chainId is valid on every chain: the screen says so instead of naming one.
    const chainId = requested === undefined ? undefined : `0x${active.toString(16)}`;
    const request: ApprovalRequest = { kind: 'typed_data', account, chainId, action, primaryType };
    await approveSigning(ctx, 'eth_signTypedData_v4', account, request);
    const signature = signTypedData(await wallet.privateKeyFor(account), typedData);
    await record(ctx, 'eth_signTypedData_v4', request, 'approved');
    return signature;
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

  /**
   * Answers one dApp request.
   * @throws ProviderRpcError with the EIP-1193 code for every refusal.
   */
  return async function handleDappRequest(ctx: DappContext, request: RpcRequest): Promise<unknown> {
    const { method, params } = request;
    switch (method) {
      case 'eth_chainId':
        return networks.activeChain(ctx.origin);
      case 'eth_accounts':
        return visibleAccounts(ctx.origin);
      case 'eth_requestAccounts':
        return connect(ctx, method);
      case 'wallet_requestPermissions':
        accountsPermissionParam(method, params);
        await connect(ctx, method);
        return permissionsOf(ctx.origin);
      case 'wallet_getPermissions':
        return permissionsOf(ctx.origin);
      case 'wallet_revokePermissions':
        accountsPermissionParam(method, params);
        await sites.revoke(ctx.origin);
        approvals.originRevoked(ctx.origin);
        return null;
      case 'personal_sign':
        return personalSign(ctx, params);
      case 'eth_signTypedData_v4':
        return signTypedDataV4(ctx, params);
      case 'wallet_addEthereumChain':
        return networks.addChain(ctx, params);
      case 'wallet_switchEthereumChain':
        return networks.switchChain(ctx, params);
      case 'wallet_watchAsset':
        return watchAsset(ctx, params);
      case 'eth_sign':
        throw rpcErrors.unsupported('eth_sign', 'is refused: it signs a hash nobody can read (blind signing); use personal_sign or eth_signTypedData_v4');
      default:
        if (READ_ONLY_METHODS.has(method)) return networks.forward(ctx, method, params);
        throw rpcErrors.unsupported(method);
    }
  };
}

export type DappRouter = ReturnType<typeof createDappRouter>;
