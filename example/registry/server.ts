// Serves the example registry site over http://127.0.0.1 for the demo and the end-to-end tests: the
// built pages (site-build.ts) and, bound to a chain, the registry's JSON endpoints under /api/
// (api/routes.ts): the deployment, and relaying what the wallet signs.
//
//   npx tsx example/registry/server.ts [--port N] [--without-restricted]
//     starts anvil, deploys the registry (Acme, then Nordwind Bank's T-REX suite unless told not to), serves the site
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatUnits } from 'viem';
import { chainBackend, type RegistryBackend, type RegistryChain } from './api/backend';
import { handleApi, isApiPath } from './api/routes';
import { startAnvil, type AnvilNode } from './chain/anvil';
import { deployRegistry, type DeployedRegistry } from './chain/deploy';
import { deployRestrictedCompany, type DeployedRestrictedCompany } from './chain/deploy-trex';
import { buildRegistrySite, listFiles } from './site-build';

export { buildRegistrySite, REGISTRY_SITE_CACHE } from './site-build';
export type { RegistryBackend, RegistryChain } from './api/backend';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

interface StaticFile {
  body: Buffer;
  type: string;
}

/** The whole build in memory (a few hundred kB): a later rebuild or prune cannot pull files from under us. */
async function loadSite(dir: string): Promise<Map<string, StaticFile>> {
  const files = new Map<string, StaticFile>();
  for (const file of await listFiles(dir)) {
    const urlPath = `/${path.relative(dir, file).split(path.sep).join('/')}`;
    files.set(urlPath, { body: await readFile(file), type: contentTypeOf(file) });
  }
  return files;
}

function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, files: Map<string, StaticFile>): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  // Only files of the build are ever served: a lookup in a map, never a path on disk.
  const file = files.get(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  if (file === undefined) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': file.body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // The sandboxed frame has the opaque origin "null", so its module scripts are cross-origin
    // requests; this public, static site lets any origin read them. (Not the /api/ answers.)
    'Access-Control-Allow-Origin': '*',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

function respond(req: IncomingMessage, res: ServerResponse, files: Map<string, StaticFile>, backend: RegistryBackend | undefined): void {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://registry.invalid').pathname);
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    return;
  }
  if (isApiPath(pathname)) {
    void handleApi(req, res, pathname, backend).catch(() => {
      // handleApi answers every failure itself; this only guards against a socket that broke mid-answer.
      res.destroy();
    });
    return;
  }
  serveStatic(req, res, pathname, files);
}

export interface RegistrySite {
  /** The register's address, e.g. http://127.0.0.1:41234/ (iframe.html is next to it). */
  url: string;
  /** Stops the server and drops open connections; safe to call twice. */
  close(): Promise<void>;
}

export interface RegistrySiteOptions {
  port?: number;
  host?: string;
  /** The chain the registry lives on: the site relays to it and tells its page where it is. */
  chain?: RegistryChain;
  /** Instead of `chain`: what answers /api/ (tests hand in a fake). */
  backend?: RegistryBackend;
}

/**
 * Builds the site if needed and serves it on 127.0.0.1 (by default on a free port). Without `chain`
 * or `backend`, the pages are served and every /api/ endpoint answers 503.
 */
export async function startRegistrySite(opts: RegistrySiteOptions = {}): Promise<RegistrySite> {
  const host = opts.host ?? '127.0.0.1';
  const backend = opts.backend ?? (opts.chain === undefined ? undefined : chainBackend(opts.chain));
  const files = await loadSite(await buildRegistrySite());
  const server = createServer((req, res) => { respond(req, res, files, backend); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/`,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => { if (error === undefined) resolve(); else reject(error); });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/** A local chain with the registry deployed (demo holders) and the site bound to it. */
export interface RegistryDemo {
  chain: AnvilNode;
  registry: DeployedRegistry;
  /** Nordwind Bank's ERC-3643 suite, when started with `restricted: true`. */
  restricted: DeployedRestrictedCompany | undefined;
  site: RegistrySite;
  /** Stops the site, then the node; safe to call twice. */
  stop(): Promise<void>;
}

export interface RegistryDemoOptions {
  port?: number;
  /**
   * Also deploy the second company, Nordwind Bank, whose shares are a real ERC-3643 (T-REX) token, and
   * serve its page section. Off by default: the suite takes a few dozen transactions to deploy, which
   * tests that do not need it should not wait for. `npm start` turns it on.
   */
  restricted?: boolean;
}

/**
 * Starts anvil, deploys the registry with the demo holders (then, with `restricted`, Nordwind Bank's
 * T-REX suite: after Acme, so Acme's addresses stay the fixed ones of a fresh node) and serves the site
 * bound to it.
 */
export async function startRegistryDemo(opts: RegistryDemoOptions = {}): Promise<RegistryDemo> {
  const chain = await startAnvil();
  try {
    const registry = await deployRegistry(chain.rpcUrl);
    const restricted = opts.restricted === true ? await deployRestrictedCompany(chain.rpcUrl) : undefined;
    const site = await startRegistrySite({
      ...(opts.port === undefined ? {} : { port: opts.port }),
      chain: { rpcUrl: chain.rpcUrl, deployment: registry, ...(restricted === undefined ? {} : { restricted }) },
    });
    let stopped: Promise<void> | undefined;
    const stop = () => {
      stopped ??= site.close().finally(() => chain.stop());
      return stopped;
    };
    return { chain, registry, restricted, site, stop };
  } catch (error) {
    await chain.stop();
    throw error;
  }
}

/** What a person needs to use the demo chain, one line each. */
export function describeDemo({ chain, registry, restricted, site }: RegistryDemo): string {
  return [
    `Acme Holdings example registry: ${site.url}  (sandboxed frame check: ${site.url}iframe.html)`,
    `Local chain (anvil): ${chain.rpcUrl}, chain id ${chain.chainId} (0x${chain.chainId.toString(16)}), PID ${chain.pid}`,
    `  ${registry.tokenName} (${registry.tokenSymbol}) ${registry.token}; ${registry.governorName} ${registry.governor}`,
    ...registry.holders.map((holder) => `  ${holder.address} holds ${formatUnits(holder.shares, registry.decimals)} ${registry.tokenSymbol}`),
    ...(restricted === undefined ? [] : [
      `  ${restricted.tokenName} (${restricted.tokenSymbol}, ERC-3643) ${restricted.token}; identity registry ${restricted.identityRegistry}`,
      ...restricted.holders.map((holder) => `  ${holder.address} holds ${formatUnits(holder.shares, restricted.decimals)} ${restricted.tokenSymbol} (verified)`),
      `  ${restricted.unverified} is not a verified investor: ${restricted.tokenSymbol} sent to it is refused`,
    ]),
  ].join('\n');
}

async function main(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg === -1 ? 0 : Number(process.argv[portArg + 1]);
  const demo = await startRegistryDemo({ port, restricted: !process.argv.includes('--without-restricted') });
  console.log(`${describeDemo(demo)}\nCtrl-C stops the site and the chain.`);
  const stop = () => { void demo.stop().finally(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
