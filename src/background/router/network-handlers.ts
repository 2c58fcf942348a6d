// EIP-3085 / EIP-3326 and the read-only calls a site forwards to its chain. A site reaches a network only
// while it is connected (4100 otherwise, whether or not the chain exists, so an unconnected page learns
// nothing of the user's networks); a URL the site supplied is contacted only after the user approved it,
// and the page hears a generic refusal, never the node's words (design.md).
import type { ApprovalRequest, ChainView } from '../../protocol/approvals';
import { ErrorCode, ProviderRpcError } from '../../protocol/eip1193';
import { rpcErrors } from '../rpc-error';
import { ChainNotConfirmedError, type ChainService } from '../services/chains';
import { DEFAULT_CHAIN_ID, type SiteService } from '../services/sites';
import type { TokenService } from '../services/tokens';
import { addChainParam, chainIdParam } from './chain-params';
import { paramList } from './dapp-params';
import { isLocalRpcUrl } from './local-address';
import { createRateLimiter } from './rate-limit';

/** Network prompts (add, replace, switch) one site may raise per minute. */
export const NETWORK_PROMPTS_PER_MINUTE = 3;
const MINUTE_MS = 60_000;

export interface NetworkContext {
  origin: string;
}

export interface NetworkHandlerDeps<Ctx extends NetworkContext> {
  sites: SiteService;
  chains: ChainService;
  tokens: TokenService;
  /** Asks the user; rejects with 4001 (logged) when the user rejects. */
  ask: (ctx: Ctx, method: string, request: ApprovalRequest) => Promise<unknown>;
  record: (ctx: Ctx, method: string, request: ApprovalRequest, decision: 'approved' | 'failed') => Promise<void>;
  now: () => number;
}

/** The fields of a network a prompt shows, without what the wallet stores beside them. */
function chainView(chain: ChainView): ChainView {
  const { chainId, name, rpcUrl, nativeCurrency, explorerUrl } = chain;
  return { chainId, name, rpcUrl, nativeCurrency, explorerUrl };
}

export function createNetworkHandlers<Ctx extends NetworkContext>(deps: NetworkHandlerDeps<Ctx>) {
  const { sites, chains, tokens } = deps;
  const prompts = createRateLimiter({ limit: NETWORK_PROMPTS_PER_MINUTE, windowMs: MINUTE_MS, now: deps.now });

  async function isConnected(origin: string): Promise<boolean> {
    return (await sites.permittedAccounts(origin)).length > 0;
  }

  /** @throws ProviderRpcError 4100 when the site is not connected. */
  async function requireConnected(ctx: Ctx, method: string): Promise<void> {
    if (!(await isConnected(ctx.origin))) {
      throw rpcErrors.unauthorized(`${method}: ${ctx.origin} is not connected; call eth_requestAccounts first`);
    }
  }

  /** @throws ProviderRpcError -32005 (EIP-1474 limit exceeded) naming when to try again. */
  function countPrompt(ctx: Ctx, method: string): void {
    const waitMs = prompts.take(ctx.origin);
    if (waitMs === undefined) return;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw rpcErrors.limitExceeded(`${method}: too many network requests from ${ctx.origin}; try again in ${seconds} s`, seconds);
  }

  /** Switches the site to a network the wallet knows, asking the user first if the site never added it. */
  async function switchTo(ctx: Ctx, method: string, chain: ChainView): Promise<void> {
    if (!(await sites.allowedChains(ctx.origin)).includes(chain.chainId)) {
      countPrompt(ctx, method);
      const request: ApprovalRequest = { kind: 'switch_chain', chain: chainView(chain) };
      await deps.ask(ctx, method, request);
      await sites.allowChain(ctx.origin, chain.chainId);
      await deps.record(ctx, method, request, 'approved');
    }
    await sites.setChain(ctx.origin, chain.chainId);
  }

  return {
    /** The chain a site is on: the remembered one while connected, else the default (no oracle). */
    async activeChain(origin: string): Promise<string> {
      return (await isConnected(origin)) ? sites.chainId(origin) : DEFAULT_CHAIN_ID;
    },

    /**
     * EIP-3085: the user approves the network (worded as a replacement when the wallet knows the chain
     * with another RPC), then the wallet checks that its RPC answers that chain id, then adds it and
     * switches the site to it. The same RPC for a known chain is a switch.
     */
    async addChain(ctx: Ctx, params: unknown): Promise<null> {
      const method = 'wallet_addEthereumChain';
      await requireConnected(ctx, method);
      const chain = addChainParam(params);
      const known = await chains.get(chain.chainId);
      if (known !== undefined && known.rpcUrl === chain.rpcUrl) {
        await switchTo(ctx, method, known);
        return null;
      }
      countPrompt(ctx, method);
      const replaces = known === undefined ? undefined : {
        current: chainView(known),
        usedBy: await sites.connectedOnChain(known.chainId),
        tokens: (await tokens.list()).filter((token) => token.chainId === known.chainId).length,
      };
      const request: ApprovalRequest = { kind: 'add_chain', chain, localRpc: isLocalRpcUrl(chain.rpcUrl), replaces };
      await deps.ask(ctx, method, request);
      try {
        await chains.verify(chain);
      } catch (error) {
        if (!(error instanceof ChainNotConfirmedError)) throw error;
        await deps.record(ctx, method, request, 'failed');
        throw rpcErrors.invalidParams(`${method}: the network's RPC did not confirm chain id ${chain.chainId}; nothing was added`);
      }
      await chains.add(chain, ctx.origin);
      await sites.allowChain(ctx.origin, chain.chainId);
      await deps.record(ctx, method, request, 'approved');
      // EIP-3085 lets the wallet switch to the added chain; a site adds its network in order to use it.
      await sites.setChain(ctx.origin, chain.chainId);
      return null;
    },

    /** EIP-3326: 4902 for a chain the wallet does not know; a chain the site never added needs the user. */
    async switchChain(ctx: Ctx, params: unknown): Promise<null> {
      const method = 'wallet_switchEthereumChain';
      await requireConnected(ctx, method);
      const [request] = paramList(method, params, 1);
      const chainId = chainIdParam(method, (request as { chainId?: unknown } | null)?.chainId);
      const known = await chains.get(chainId);
      if (known !== undefined) {
        await switchTo(ctx, method, known);
      } else if (chainId === DEFAULT_CHAIN_ID) {
        await sites.setChain(ctx.origin, chainId);
      } else {
        throw new ProviderRpcError(ErrorCode.unrecognizedChain, `${method}: chain ${chainId} has not been added; call wallet_addEthereumChain first`);
      }
      return null;
    },

    /** A read-only call, to the site's chain, only for a connected site. */
    async forward(ctx: Ctx, method: string, params: unknown): Promise<unknown> {
      await requireConnected(ctx, method);
      return chains.forward(await sites.chainId(ctx.origin), method, params);
    },
  };
}
