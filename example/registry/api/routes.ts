// The registry's JSON endpoints under /api/ (same origin as the page; no CORS headers, so other sites
// cannot call them from a browser). Every answer is JSON; every failure is a status and
// `{ error, revert? }`, never a crash of the server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PATHS, type ApiErrorBody } from '../src/api-types';
import { ChainRefusal, type RegistryBackend } from './backend';
import { readJsonBody } from './body';
import { ApiRequestError, parseAgentRequest, parseProposalRequest, parseTransferRelay, parseVoteRelay } from './validate';

type Route = { method: 'GET'; run: (backend: RegistryBackend) => unknown }
  | { method: 'POST'; run: (backend: RegistryBackend, body: unknown) => Promise<unknown> };

const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  [API_PATHS.deployment, { method: 'GET', run: (backend) => backend.deployment() }],
  [API_PATHS.relayTransfer, { method: 'POST', run: (backend, body) => backend.relayTransfer(parseTransferRelay(body)) }],
  [API_PATHS.proposals, { method: 'POST', run: (backend, body) => backend.createProposal(parseProposalRequest(body)) }],
  [API_PATHS.relayVote, { method: 'POST', run: (backend, body) => backend.relayVote(parseVoteRelay(body)) }],
  [API_PATHS.agent, { method: 'POST', run: (backend, body) => backend.agentAction(parseAgentRequest(body)) }],
]);

export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: string, revert?: string, extraHeaders?: Record<string, string>): void {
  const body: ApiErrorBody = revert === undefined ? { error } : { error, revert };
  sendJson(res, status, body, extraHeaders);
}

/** The first line of an unexpected error, without a stack: enough to act on, nothing internal. */
function shortMessage(error: unknown): string {
  const short = (error as { shortMessage?: unknown } | null)?.shortMessage;
  const text = typeof short === 'string' ? short : error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.slice(0, 300) ?? 'unknown error';
}

/**
 * Answers a request under /api/. Without a backend (a site served without a chain) every endpoint
 * answers 503.
 */
export async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string, backend: RegistryBackend | undefined): Promise<void> {
  const route = ROUTES.get(pathname);
  try {
    if (route === undefined) {
      sendError(res, 404, `no endpoint ${pathname}`);
      return;
    }
    if (req.method !== route.method) {
      sendError(res, 405, `${pathname} accepts ${route.method} only`, undefined, { Allow: route.method });
      return;
    }
    if (backend === undefined) {
      sendError(res, 503, 'this registry site runs without a chain (start it with one: see example/registry/README.md)');
      return;
    }
    const result = route.method === 'GET' ? route.run(backend) : await route.run(backend, await readJsonBody(req));
    sendJson(res, 200, result);
  } catch (error) {
    if (error instanceof ApiRequestError) {
      // A body refused unread (too large, not JSON) is not drained: close the connection, never reuse it.
      sendError(res, error.status, error.message, undefined, error.status === 413 || error.status === 415 ? { Connection: 'close' } : {});
    } else if (error instanceof ChainRefusal) {
      sendError(res, 422, error.message, error.revert);
    } else {
      sendError(res, 502, `the chain could not be reached or failed: ${shortMessage(error)}`);
    }
  }
}
