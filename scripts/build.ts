// `npm run build`: the unpacked extension for Chrome (dist/chrome) and Firefox (dist/firefox), from the one
// manifest.json, the sources (src/entries/*.ts, src/ui/*.html) and the static files in extension/.
// It builds whatever sources exist yet, so the pipeline works at every stage of the project, and it
// fails, naming the file, when the manifest needs a source that is missing.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as viteBuild, type LogLevel } from 'vite';
import { classicScriptConfig, pagesConfig } from '../vite.config.js';
import { classicScriptProblem } from './classic-script.js';
import { chromeManifest, firefoxManifest, readSourceManifest, type Manifest } from './manifests.js';
import { planBuild, shown } from './build-plan.js';
import { verifyExtension } from './verify-extension.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptions {
  /** Where chrome/ and firefox/ are written (each is emptied first); default dist/. */
  readonly outDir?: string;
  /** The folder holding entries/ and ui/; default src/. Tests point it at fixtures. */
  readonly sourceDir?: string;
  /** Receives the notes and the size summary; default console.log. */
  readonly log?: (line: string) => void;
  /** How much Vite itself prints; default 'info' (its table of output files). */
  readonly viteLogLevel?: LogLevel;
}

export interface BuildResult {
  readonly dirs: { readonly chrome: string; readonly firefox: string };
  /** Total size of each unpacked extension, in bytes. */
  readonly bytes: { readonly chrome: number; readonly firefox: number };
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function packageVersion(): string {
  const pkg = readJson(path.join(ROOT, 'package.json'));
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
  if (typeof version !== 'string') throw new TypeError('package.json: "version" must be a string');
  return version;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => statSync(path.join(dir, file)))
    .reduce((sum, stat) => sum + (stat.isFile() ? stat.size : 0), 0);
}

function writeManifest(dir: string, manifest: Manifest): void {
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  verifyExtension(dir, manifest);
}

/**
 * Builds both unpacked extensions.
 * @throws Error if the manifest needs a source that does not exist, if a Vite build fails, or if an
 *   output misses a file its manifest refers to.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir ?? path.join(ROOT, 'dist'));
  const sourceDir = path.resolve(options.sourceDir ?? path.join(ROOT, 'src'));
  const log = options.log ?? console.log;
  const logLevel = options.viteLogLevel ?? 'info';
  const source = readSourceManifest(readJson(path.join(ROOT, 'manifest.json')));
  const version = packageVersion();
  const plan = planBuild(source, sourceDir);
  for (const note of plan.notes) log(`note: ${note}`);

  const dirs = { chrome: path.join(outDir, 'chrome'), firefox: path.join(outDir, 'firefox') };
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirs.chrome, { recursive: true });
  // One Vite build per classic script, so that no two of them can share a chunk.
  for (const script of plan.scripts) {
    await viteBuild(classicScriptConfig({ entry: script.entry, fileName: script.file, outDir: dirs.chrome, logLevel }));
    const problem = classicScriptProblem(script.file, readFileSync(path.join(dirs.chrome, script.file), 'utf8'));
    if (problem !== undefined) throw new Error(`${problem} (built from ${shown(script.entry)})`);
  }
  if (Object.keys(plan.pages).length > 0) {
    await viteBuild(pagesConfig({ uiDir: plan.uiDir, pages: plan.pages, outDir: dirs.chrome, logLevel }));
  }
  cpSync(path.join(ROOT, 'extension'), dirs.chrome, { recursive: true });
  // The code is the same for both browsers; only the manifests differ.
  cpSync(dirs.chrome, dirs.firefox, { recursive: true });

  const chrome = chromeManifest(source, { version, popup: plan.popup, contentScripts: plan.contentScripts });
  writeManifest(dirs.chrome, chrome);
  writeManifest(dirs.firefox, firefoxManifest(chrome));

  const bytes = { chrome: folderBytes(dirs.chrome), firefox: folderBytes(dirs.firefox) };
  log(`${shown(dirs.chrome)}: ${bytes.chrome} bytes`);
  log(`${shown(dirs.firefox)}: ${bytes.firefox} bytes`);
  return { dirs, bytes };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  build().catch((error: unknown) => {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
