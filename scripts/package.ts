// `npm run package`: store-ready zips of a fresh build for the Chrome Web Store and addons.mozilla.org,
// and the source zip AMO asks for when the uploaded code is bundled (its reviewers rebuild it with the
// README's steps and compare). The Firefox build must pass AMO's linter with no error and no warning.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.js';
import { webExtLint } from './web-ext-lint.js';

const ROOT = path.resolve(import.meta.dirname, '..');
export const ARTIFACTS_DIR = path.join(ROOT, 'artifacts');

type BuildCommand = (
  params: { sourceDir: string; artifactsDir: string; filename: string; overwriteDest: true },
  options: { shouldExitProgram: false; showReadyMessage: false },
) => Promise<unknown>;

function isBuildCommand(value: unknown): value is BuildCommand {
  return typeof value === 'function';
}

/** web-ext's zipper, the one `web-ext build` uses: it leaves out files AMO rejects (dotfiles, .git). */
async function webExtBuild(): Promise<BuildCommand> {
  // web-ext ships no type declarations: import it untyped and check the shape at run time.
  const specifier: string = 'web-ext';
  const webExt: unknown = await import(specifier);
  const command = typeof webExt === 'object' && webExt !== null && 'cmd' in webExt && typeof webExt.cmd === 'object' && webExt.cmd !== null && 'build' in webExt.cmd
    ? webExt.cmd.build
    : undefined;
  if (!isBuildCommand(command)) throw new TypeError('web-ext: cmd.build is not a function');
  return command;
}

export interface PackageResult {
  chrome: string;
  firefox: string;
  source: string;
}

export interface PackageOptions {
  /** Default true. False zips the build already in dist/ (tests, which must not rebuild under a browser). */
  rebuild?: boolean;
  /** Default artifacts/. */
  artifactsDir?: string;
  log?: (line: string) => void;
}

/** Builds both browsers, lints the Firefox build, and writes the three zips. */
export async function packageExtension(options: PackageOptions = {}): Promise<PackageResult> {
  const artifactsDir = options.artifactsDir ?? ARTIFACTS_DIR;
  const log = options.log ?? console.log;
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  if (options.rebuild !== false) await build({ log: () => undefined });
  const report = await webExtLint(path.join(ROOT, 'dist/firefox'));
  if (report.errors.length + report.warnings.length > 0) {
    const problems = [...report.errors, ...report.warnings].map((item) => `${item.code}: ${item.message}`);
    throw new Error(`web-ext lint found problems in dist/firefox:\n${problems.join('\n')}`);
  }
  const zip = await webExtBuild();
  const result: PackageResult = {
    chrome: path.join(artifactsDir, `shareholder-wallet-chrome-${version}.zip`),
    firefox: path.join(artifactsDir, `shareholder-wallet-firefox-${version}.zip`),
    source: path.join(artifactsDir, `shareholder-wallet-${version}-source.zip`),
  };
  for (const browser of ['chrome', 'firefox'] as const) {
    await zip(
      { sourceDir: path.join(ROOT, 'dist', browser), artifactsDir, filename: path.basename(result[browser]), overwriteDest: true },
      { shouldExitProgram: false, showReadyMessage: false },
    );
  }
  // The committed tree, as a reviewer's clean checkout would have it: no node_modules, caches or builds.
  execFileSync('git', ['archive', '--format=zip', `--prefix=shareholder-wallet-${version}/`, '-o', result.source, 'HEAD'], { cwd: ROOT });
  for (const file of [result.chrome, result.firefox, result.source]) log(`${path.relative(ROOT, file)}  ${statSync(file).size.toLocaleString('en')} bytes zipped`);
  log('web-ext lint (dist/firefox): 0 errors, 0 warnings');
  return result;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await packageExtension();
  } catch (error) {
    console.error(`package failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
