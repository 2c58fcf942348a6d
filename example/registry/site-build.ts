// Builds the example registry site with Vite, once per change of its sources, for server.ts.
//
// The build goes to .cache/registry-site/<hash of the sources>/, so it runs once per change of the
// site's sources (not into dist/, which the extension build cleans). Several processes (e.g. parallel
// test files) may start the site at once: each builds into its own temporary directory and renames it
// into place, so nobody reads a half-written build.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { registrySiteConfig, SITE_ROOT } from './vite.config.js';

const REPO_ROOT = path.resolve(SITE_ROOT, '../..');
export const REGISTRY_SITE_CACHE = path.join(REPO_ROOT, '.cache', 'registry-site');

export async function listFiles(dir: string): Promise<string[]> {
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
