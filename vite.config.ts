// Vite settings for the extension. `npm run build` (scripts/build.ts) runs one Vite build per classic
// script and one for all the pages, each from a factory below; there is no default config, because a
// plain `vite build` could not produce a loadable extension (manifests, locales, icons, two browsers).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig, LogLevel } from 'vite';
import { CHROME_MIN_VERSION, FIREFOX_MIN_VERSION } from './scripts/extension-ids.js';
import { noRawHtml } from './scripts/no-raw-html.js';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** The oldest browsers the manifests accept, so syntax is only lowered as far as they need. */
export const BROWSER_TARGETS = [`chrome${CHROME_MIN_VERSION}`, `firefox${FIREFOX_MIN_VERSION.split('.')[0] ?? ''}`];

function sharedConfig(logLevel: LogLevel): InlineConfig {
  return {
    configFile: false, // the factory is the whole config; Vite must not look for a config file too
    logLevel,
    publicDir: false, // extension/ is copied by the build, once per browser
    envDir: false, // no .env files: the shipped code must not depend on the machine that built it
    cacheDir: path.join(ROOT, 'node_modules', '.vite'),
    // Preact's automatic JSX runtime (preact/jsx-runtime), through Vite's own Oxc transformer.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [noRawHtml()],
  };
}

const sharedBuild = {
  target: BROWSER_TARGETS,
  cssTarget: BROWSER_TARGETS,
  minify: true,
  sourcemap: false, // shipped code stays small; nothing in the store package points at source
  emptyOutDir: false, // the build cleans dist/<browser> itself and runs several Vite builds into it
  copyPublicDir: false,
  reportCompressedSize: false,
} as const;

/**
 * One self-contained classic script (an IIFE, no imports, no chunks): what an MV3 service worker without
 * `type: module`, a Firefox event page and a content script in either world can all load.
 */
export function classicScriptConfig(options: { entry: string; fileName: string; outDir: string; logLevel: LogLevel }): InlineConfig {
  return {
    ...sharedConfig(options.logLevel),
    root: ROOT,
    // Library mode, because an app build wraps dynamic imports in Vite's preload helper, which needs
    // a window and so breaks in a service worker. Library mode leaves NODE_ENV to us.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      ...sharedBuild,
      outDir: options.outDir,
      // Vite insists on a global name for an IIFE; Rolldown only declares it if the entry exports
      // something, and the build refuses such an output (scripts/classic-script.ts).
      lib: { entry: options.entry, formats: ['iife'], name: 'unused', fileName: () => options.fileName },
      // codeSplitting: false inlines dynamic imports, so the file never fetches another module.
      rolldownOptions: { output: { codeSplitting: false } },
    },
  };
}

/**
 * The extension pages as one multi-page app: ES modules and shared chunks are fine there, since they
 * load from the extension's own origin under `script-src 'self'`.
 */
export function pagesConfig(options: { uiDir: string; pages: Record<string, string>; outDir: string; logLevel: LogLevel }): InlineConfig {
  return {
    ...sharedConfig(options.logLevel),
    root: options.uiDir,
    build: {
      ...sharedBuild,
      outDir: options.outDir,
      // Every supported browser has <link rel="modulepreload">; the polyfill would only add bytes.
      modulePreload: { polyfill: false },
      rolldownOptions: { input: options.pages },
    },
  };
}
