// Vite settings for the example registry site: three pages (the register, the sandboxed-frame check and
// the frame itself), plain TypeScript, viem. `npx vite example/registry` serves it for development;
// server.ts builds it (registrySiteConfig) and serves the result for the demo and the tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

export const SITE_ROOT = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(SITE_ROOT, '../..');

/** The HTML pages of the site, each its own entry. */
export const REGISTRY_PAGES = ['index.html', 'iframe.html', 'frame.html'] as const;

export function registrySiteConfig(options: { outDir?: string } = {}): UserConfig {
  return {
    root: SITE_ROOT,
    base: '/',
    publicDir: path.join(SITE_ROOT, 'public'),
    envDir: false, // no .env files
    cacheDir: path.join(REPO_ROOT, 'node_modules', '.vite-registry'),
    // The wallet's content scripts match http://*/*, and tests open 127.0.0.1 explicitly.
    // (The sandboxed-frame check needs the built site: in the dev server, the frame's module scripts are
    // cross-origin requests from origin "null", which Vite's dev server rightly refuses.)
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
    build: {
      outDir: options.outDir ?? path.join(REPO_ROOT, '.cache', 'registry-site', 'manual'),
      emptyOutDir: true,
      sourcemap: true, // the site doubles as documentation: its source is readable in devtools
      reportCompressedSize: false,
      rolldownOptions: {
        input: Object.fromEntries(REGISTRY_PAGES.map((page) => [path.basename(page, '.html'), path.join(SITE_ROOT, page)])),
      },
    },
  };
}

export default defineConfig(registrySiteConfig());
