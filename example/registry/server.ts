// Builds the example registry site with Vite and serves it over http://127.0.0.1 for the demo and the
// end-to-end tests. Run it alone with `npx tsx example/registry/server.ts [--port N]`.
//
// The build goes to .cache/registry-site/<hash of the sources>/, so it runs once per change of the
// site's sources (not into dist/, which the extension build cleans). Several processes (e.g. parallel
// test files) may start the site at once: each builds into its own temporary directory and renames it
// into place, so nobody reads a half-written build.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { registrySiteConfig, SITE_ROOT } from './vite.config.js';

const REPO_ROOT = path.resolve(SITE_ROOT, '../..');
export const REGISTRY_SITE_CACHE = path.join(REPO_ROOT, '.cache', 'registry-site');

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

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

async function packageVersion(name: string): Promise<string> {
  const text = await readFile(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8');
  return (JSON.parse(text) as { version?: string }).version ?? '?';
}

/** A hash of everything the build depends on: the site's files and the versions of Vite and viem. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`vite ${await packageVersion('vite')}\0viem ${await packageVersion('viem')}\0`);
  for (const file of await listFiles(SITE_ROOT)) {
    hash.update(`${path.relative(SITE_ROOT, file)}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes builds of older sources, and temporary directories whose builder has died. */
async function pruneCache(keep: string): Promise<void> {
  for (const entry of await readdir(REGISTRY_SITE_CACHE, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const temp = /^\.tmp-(\d+)-/.exec(entry.name);
    const stale = temp === null ? /^[0-9a-f]{16}$/.test(entry.name) : !isAlive(Number(temp[1]));
    if (stale) await rm(path.join(REGISTRY_SITE_CACHE, entry.name), { recursive: true, force: true });
  }
}

async function buildSite(): Promise<string> {
  const hash = await sourceHash();
  const outDir = path.join(REGISTRY_SITE_CACHE, hash);
  if (existsSync(path.join(outDir, 'index.html'))) return outDir;
  await mkdir(REGISTRY_SITE_CACHE, { recursive: true });
  const tempDir = path.join(REGISTRY_SITE_CACHE, `.tmp-${process.pid}-${randomUUID()}`);
  try {
    await build({ ...registrySiteConfig({ outDir: tempDir }), configFile: false, logLevel: 'warn' });
    await rename(tempDir, outDir);
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    // Another process finished the same build first: theirs is as good as ours.
    if (!existsSync(path.join(outDir, 'index.html'))) throw error;
  }
  await pruneCache(hash);
  return outDir;
}

let built: Promise<string> | undefined;

/** Builds the site (once per process, and only when its sources changed); resolves with the build's directory. */
export function buildRegistrySite(): Promise<string> {
  built ??= buildSite().catch((error: unknown) => {
    built = undefined; // let a later call try again
    throw error;
  });
  return built;
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

function respond(req: IncomingMessage, res: ServerResponse, files: Map<string, StaticFile>): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://registry.invalid').pathname);
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
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
    // requests; this public, static site lets any origin read them.
    'Access-Control-Allow-Origin': '*',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

export interface RegistrySite {
  /** The register's address, e.g. http://127.0.0.1:41234/ (iframe.html is next to it). */
  url: string;
  /** Stops the server and drops open connections; safe to call twice. */
  close(): Promise<void>;
}

/** Builds the site if needed and serves it on 127.0.0.1 (by default on a free port). */
export async function startRegistrySite(opts: { port?: number; host?: string } = {}): Promise<RegistrySite> {
  const host = opts.host ?? '127.0.0.1';
  const files = await loadSite(await buildRegistrySite());
  const server = createServer((req, res) => { respond(req, res, files); });
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

async function main(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg === -1 ? 0 : Number(process.argv[portArg + 1]);
  const site = await startRegistrySite({ port });
  console.log(`Acme Holdings example registry: ${site.url}  (sandboxed frame check: ${site.url}iframe.html). Ctrl-C stops it.`);
  const stop = () => { void site.close().finally(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
