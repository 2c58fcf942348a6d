// Runs the real build on fixture sources (every entry the extension will have, so the whole pipeline is
// exercised whatever stage src/ is at) and checks what a browser and AMO's linter would check.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shown } from '../../../scripts/build-plan.js';
import { build, type BuildResult } from '../../../scripts/build.js';
import { classicScriptProblem } from '../../../scripts/classic-script.js';
import { FIREFOX_MIN_VERSION, GECKO_ID } from '../../../scripts/extension-ids.js';
import { isRecord, type Manifest } from '../../../scripts/manifests.js';
import { referencedFiles } from '../../../scripts/verify-extension.js';
import { webExtLint } from '../../../scripts/web-ext-lint.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURE = path.join(import.meta.dirname, 'fixture');
const CSP = "script-src 'self'; object-src 'self'; frame-ancestors 'none'";
const CLASSIC_SCRIPTS = ['background.js', 'content.js', 'inpage.js'];

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shareholder-wallet-build-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function readManifest(dir: string): Manifest {
  const json: unknown = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  if (!isRecord(json)) throw new TypeError(`${dir}/manifest.json is not an object`);
  return json;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A source folder in /tmp with just the given entries (tiny scripts without imports). */
function sourcesWith(entries: Record<string, string>): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'entries'));
  for (const [name, code] of Object.entries(entries)) writeFileSync(path.join(dir, 'entries', name), code);
  return dir;
}

const quiet = { viteLogLevel: 'silent' as const, log: () => undefined };

describe('the build of every entry', () => {
  let result: BuildResult;
  let chrome: Manifest;
  let firefox: Manifest;
  const lines: string[] = [];

  beforeAll(async () => {
    result = await build({ outDir: tempDir(), sourceDir: FIXTURE, viteLogLevel: 'silent', log: (line) => lines.push(line) });
    chrome = readManifest(result.dirs.chrome);
    firefox = readManifest(result.dirs.firefox);
  }, 60_000);

  it('writes a Chrome manifest with a classic service worker and the package version', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(chrome).toMatchObject({
      manifest_version: 3,
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      version: pkg.version,
      background: { service_worker: 'background.js' },
      action: { default_popup: 'popup.html' },
    });
    expect(chrome.background).not.toHaveProperty('type');
    expect(chrome.background).not.toHaveProperty('scripts');
    expect(chrome.permissions).toEqual(expect.arrayContaining(['storage', 'alarms']));
  });

  it('writes a Firefox manifest with an event page and a gecko id', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
    });
    expect(JSON.stringify(firefox)).not.toContain('service_worker');
  });

  it('asks for notifications only as an optional permission, in both browsers (the voting centre\'s reminders)', () => {
    for (const manifest of [chrome, firefox]) {
      expect(manifest.optional_permissions).toEqual(['notifications']);
      expect(manifest.permissions).not.toContain('notifications');
    }
  });

  it('locks extension pages to the exact CSP and exposes no page to websites', () => {
    for (const manifest of [chrome, firefox]) {
      expect(manifest.content_security_policy).toEqual({ extension_pages: CSP });
      expect(manifest).not.toHaveProperty('web_accessible_resources');
    }
  });

  it('registers the provider in the main world and the bridge in the isolated world, both at document_start', () => {
    const common = { matches: ['http://*/*', 'https://*/*'], run_at: 'document_start', all_frames: true };
    for (const manifest of [chrome, firefox]) {
      expect(manifest.content_scripts).toEqual([{ ...common, js: ['inpage.js'], world: 'MAIN' }, { ...common, js: ['content.js'] }]);
    }
  });

  it('builds the background and content scripts as single classic files with no imports', () => {
    for (const dir of Object.values(result.dirs)) {
      for (const file of CLASSIC_SCRIPTS) {
        const code = readFileSync(path.join(dir, file), 'utf8');
        expect(classicScriptProblem(file, code)).toBeUndefined();
      }
    }
    // The fixture background loads a module with import(); its code must have been inlined.
    expect(readFileSync(path.join(result.dirs.chrome, 'background.js'), 'utf8')).toContain('build-fixture-background');
  });

  it('builds the pages as modules from the extension itself, with no inline script', () => {
    for (const page of ['popup.html', 'approval.html']) {
      const html = readFileSync(path.join(result.dirs.chrome, page), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes = '', body = ''] of scripts) {
        expect(body.trim()).toBe('');
        const src = /\bsrc="\/([^"]+)"/.exec(attributes)?.[1];
        expect(src, `${page}: ${attributes}`).toBeDefined();
        expect(existsSync(path.join(result.dirs.chrome, src ?? ''))).toBe(true);
      }
    }
  });

  it('renders JSX with Preact and cannot render raw HTML', () => {
    const assets = path.join(result.dirs.chrome, 'assets');
    const code = readdirSync(assets).filter((file) => file.endsWith('.js')).map((file) => readFileSync(path.join(assets, file), 'utf8')).join('\n');
    expect(code).toContain('Hello from the');
    expect(code).not.toMatch(/\.innerHTML=/);
    expect(code).toContain('dangerouslySetInnerHTML is turned off');
  });

  it('ships no source maps', () => {
    for (const dir of Object.values(result.dirs)) {
      for (const file of filesUnder(dir)) {
        expect(file).not.toMatch(/\.map$/);
        if (file.endsWith('.js')) expect(readFileSync(path.join(dir, file), 'utf8')).not.toContain('sourceMappingURL');
      }
    }
  });

  it('ships the same files to both browsers, differing only in the manifest', () => {
    expect(filesUnder(result.dirs.firefox)).toEqual(filesUnder(result.dirs.chrome));
    for (const file of filesUnder(result.dirs.chrome).filter((name) => name !== 'manifest.json')) {
      expect(readFileSync(path.join(result.dirs.firefox, file)).equals(readFileSync(path.join(result.dirs.chrome, file))), file).toBe(true);
    }
  });

  it('copies both locales and every file the manifests refer to', () => {
    for (const [dir, manifest] of [[result.dirs.chrome, chrome], [result.dirs.firefox, firefox]] as const) {
      for (const file of referencedFiles(manifest)) expect(existsSync(path.join(dir, file)), file).toBe(true);
      for (const [locale, name] of [['en', 'Shareholder Wallet'], ['zh_CN', '股东钱包']]) {
        const messages = JSON.parse(readFileSync(path.join(dir, '_locales', locale ?? '', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
        expect(messages.extName?.message).toBe(name);
        expect(messages.extDescription?.message.length).toBeLessThanOrEqual(132);
      }
    }
  });

  it('prints the size of each folder in bytes', () => {
    expect(result.bytes.chrome).toBeGreaterThan(0);
    expect(lines).toContain(`${shown(result.dirs.chrome)}: ${result.bytes.chrome} bytes`);
    expect(lines).toContain(`${shown(result.dirs.firefox)}: ${result.bytes.firefox} bytes`);
  });

  it('passes web-ext lint for Firefox with no errors and no warnings', async () => {
    const report = await webExtLint(result.dirs.firefox);
    expect({ errors: report.errors, warnings: report.warnings }).toEqual({ errors: [], warnings: [] });
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});

describe('the build at an early stage', () => {
  it('builds the background alone, leaving out the popup and content scripts with a note', async () => {
    const lines: string[] = [];
    const sourceDir = sourcesWith({ 'background.ts': 'chrome.runtime.onInstalled.addListener(() => undefined);\n' });
    const result = await build({ outDir: tempDir(), sourceDir, viteLogLevel: 'silent', log: (line) => lines.push(line) });
    for (const dir of Object.values(result.dirs)) {
      const manifest = readManifest(dir);
      expect(manifest).not.toHaveProperty('content_scripts');
      expect(manifest.action).not.toHaveProperty('default_popup');
      expect(readdirSync(dir).filter((file) => file.endsWith('.html'))).toEqual([]);
    }
    expect(lines.filter((line) => line.startsWith('note: '))).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/content_scripts left out.*inpage\.ts/);
    expect(lines.join('\n')).toMatch(/default_popup left out.*popup\.html/);
  }, 60_000);

  it('fails, naming the file, when the background source is missing', async () => {
    const sourceDir = sourcesWith({});
    await expect(build({ outDir: tempDir(), sourceDir, ...quiet })).rejects.toThrow(/background background\.js is built from .*entries\/background\.ts, which does not exist/);
  });

  it('fails when only one of the two content scripts exists', async () => {
    const sourceDir = sourcesWith({ 'background.ts': 'void 0;\n', 'content.ts': 'void 0;\n' });
    await expect(build({ outDir: tempDir(), sourceDir, ...quiet })).rejects.toThrow(/content_scripts need .*inpage\.ts/);
  });

  it('refuses an entry that exports something, which would leak a global into the page', async () => {
    const sourceDir = sourcesWith({ 'background.ts': 'export const leaked = 1;\n' });
    await expect(build({ outDir: tempDir(), sourceDir, ...quiet })).rejects.toThrow(/not one self-contained IIFE/);
  }, 60_000);
});
