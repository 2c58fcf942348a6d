// One page connection: the content bridge's runtime Port. The requesting origin is read from the Port's
// sender, which the browser sets; the page cannot choose it. Opaque origins are refused.
import type { Runtime } from 'webextension-polyfill';
import { isPortRequest, type PortMessage, type RpcOutcome } from '../../protocol/bridge';
import { ProviderRpcError, type RpcErrorData } from '../../protocol/eip1193';
import { rpcErrors } from '../rpc-error';
import type { ApprovalService } from '../services/approvals';
import type { SiteService } from '../services/sites';
import type { DappContext, DappRouter } from './dapp-router';

export interface DappPortDeps {
  handleDappRequest: DappRouter;
  sites: SiteService;
  approvals: ApprovalService;
}

function originOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const { origin, protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The requesting site as the browser reports it, or undefined for an opaque or non-web origin. For a
 * frame, the top-level site comes from the tab's URL; when that is not a web URL (about:blank, blob:,
 * data:) or the browser gives none, the outer site cannot be told, and the context says so
 * (`topOriginUnknown`) rather than showing the frame as if it were the whole page.
 */
export function siteOf(sender: Runtime.MessageSender | undefined): Omit<DappContext, 'requester'> | undefined {
  if (sender === undefined) return undefined;
  // Chrome reports `origin` ("null" for a sandboxed frame); otherwise the frame's URL tells it.
  const reported = (sender as { origin?: unknown }).origin;
  const origin = typeof reported === 'string' ? (reported === 'null' ? undefined : originOf(reported)) : originOf(sender.url);
  if (origin === undefined) return undefined;
  if (sender.frameId === undefined || sender.frameId === 0) return { origin, topOrigin: undefined };
  const top = originOf(sender.tab?.url);
  if (top === undefined) return { origin, topOrigin: undefined, topOriginUnknown: true };
  return { origin, topOrigin: top === origin ? undefined : top };
}

function errorData(error: unknown): RpcErrorData {
  if (error instanceof ProviderRpcError) return error.toJSON();
  // Unexpected: report the kind only, never the content, which could hold a secret.
  console.error('dApp request failed', error instanceof Error ? error.name : typeof error);
  return rpcErrors.internal().toJSON();
}

export function attachDappPort(port: Runtime.Port, ready: Promise<DappPortDeps>, connectionId: string): void {
  const site = siteOf(port.sender);
  let attached = false;
  const post = (message: PortMessage) => {
    try {
      port.postMessage(message);
    } catch {
      // The page went away; its requests were dropped on disconnect.
    }
  };

  port.onMessage.addListener((message: unknown) => {
    if (!isPortRequest(message)) return;
    void (async () => {
      let outcome: RpcOutcome;
      try {
        if (site === undefined) throw rpcErrors.unauthorized('requests from an opaque origin (such as a sandboxed frame) are refused');
        const deps = await ready;
        if (!attached) {
          attached = true;
          deps.sites.attach({ id: connectionId, origin: site.origin, send: (event) => { post({ event }); } });
        }
        const result = await deps.handleDappRequest({ ...site, requester: connectionId }, message.request);
        outcome = { result: result ?? null };
      } catch (error) {
        outcome = { error: errorData(error) };
      }
      post({ id: message.id, outcome });
    })();
  });

  port.onDisconnect.addListener(() => {
    void ready.then((deps) => {
      deps.sites.detach(connectionId);
      deps.approvals.requesterGone(connectionId);
    });
  });
}
