// Which sources exist, so which outputs to build: the manifest names the files, a naming convention
// maps each to its source, and nothing about a particular entry is written into the build.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { SourceManifest } from './manifests.js';

/** Pages that the manifest does not name but the code opens (the background opens approval windows). */
const PAGES_OPENED_BY_CODE = ['approval.html'];

export interface BuildPlan {
  /** Classic scripts to build: manifest file name and its source. */
  readonly scripts: readonly { readonly file: string; readonly entry: string }[];
  readonly uiDir: string;
  /** Vite inputs: page name to HTML source, every `*.html` directly in ui/. */
  readonly pages: Readonly<Record<string, string>>;
  /** Whether the manifests keep action.default_popup and content_scripts. */
  readonly popup: boolean;
  readonly contentScripts: boolean;
  /** What was left out and why, for the build to print. */
  readonly notes: readonly string[];
}

/** A path as a reader at the terminal wants it: relative to where they ran the build, if inside it. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * The source of a manifest script: `name.js` is built from `entries/name.ts`.
 * @throws TypeError for a manifest script that is not a top-level `.js` file.
 */
export function entryFor(sourceDir: string, file: string): string {
  const match = /^([\w-]+)\.js$/.exec(file);
  if (match?.[1] === undefined) throw new TypeError(`manifest.json: "${file}" must be a top-level .js file built from entries/<name>.ts`);
  return path.join(sourceDir, 'entries', `${match[1]}.ts`);
}

/**
 * Decides what to build from the sources that exist.
 * @throws Error if the background source is missing, or only some content-script sources exist.
 */
export function planBuild(source: SourceManifest, sourceDir: string): BuildPlan {
  const notes: string[] = [];
  const background = { file: source.background, entry: entryFor(sourceDir, source.background) };
  if (!existsSync(background.entry)) {
    throw new Error(`manifest.json: background ${background.file} is built from ${shown(background.entry)}, which does not exist`);
  }
  const content = source.contentScripts.map((file) => ({ file, entry: entryFor(sourceDir, file) }));
  const missing = content.filter((script) => !existsSync(script.entry)).map((script) => shown(script.entry));
  // The page provider and its isolated-world bridge only work together: ship both or neither.
  if (missing.length > 0 && missing.length < content.length) {
    throw new Error(`manifest.json: content_scripts need ${missing.join(', ')}, which does not exist (the others do)`);
  }
  const contentScripts = content.length > 0 && missing.length === 0;
  if (content.length > 0 && !contentScripts) notes.push(`content_scripts left out of the manifests: ${missing.join(', ')} do not exist yet`);

  const uiDir = path.join(sourceDir, 'ui');
  const pageFiles = existsSync(uiDir) ? readdirSync(uiDir).filter((file) => file.endsWith('.html')) : [];
  const pages = Object.fromEntries(pageFiles.map((file) => [file.slice(0, -'.html'.length), path.join(uiDir, file)]));
  const popup = source.popup !== undefined && pageFiles.includes(source.popup);
  if (source.popup !== undefined && !popup) notes.push(`action.default_popup left out of the manifests: ${shown(path.join(uiDir, source.popup))} does not exist yet`);
  for (const page of PAGES_OPENED_BY_CODE) {
    if (!pageFiles.includes(page)) notes.push(`${page} not built: ${shown(path.join(uiDir, page))} does not exist yet`);
  }
  return { scripts: [background, ...(contentScripts ? content : [])], uiDir, pages, popup, contentScripts, notes };
}
