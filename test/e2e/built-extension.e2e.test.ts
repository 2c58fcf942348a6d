// Checks of the real build (`npm run build` runs before the e2e tests), not of a fixture.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageExtension } from '../../scripts/package';
import { webExtLint } from '../../scripts/web-ext-lint';
import { zipEntryNames } from './rig/decode/zip';

describe('the built extension', () => {
  it('passes web-ext lint for Firefox with 0 errors and 0 warnings', async () => {
    const report = await webExtLint(path.resolve('dist/firefox'));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('ships the extension-page CSP of design.md in both browsers', () => {
    for (const browser of ['chrome', 'firefox']) {
      const manifest = JSON.parse(readFileSync(path.resolve('dist', browser, 'manifest.json'), 'utf8')) as {
        content_security_policy: { extension_pages: string };
      };
      expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'self'; frame-ancestors 'none'");
    }
  });

  it('packages store zips with the manifest at their root and a source zip of the committed tree', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shareholder-wallet-package-'));
    try {
      const zips = await packageExtension({ rebuild: false, artifactsDir: dir, log: () => undefined });
      for (const browser of ['chrome', 'firefox'] as const) {
        const names = zipEntryNames(readFileSync(zips[browser]));
        expect(names).toContain('manifest.json');
        expect(names).toContain('background.js');
        expect(names.filter((name) => name.startsWith('.') || name.includes('/.'))).toEqual([]);
      }
      const source = zipEntryNames(readFileSync(zips.source));
      expect(source.some((name) => name.endsWith('/package-lock.json'))).toBe(true);
      expect(source.some((name) => name.endsWith('/src/background/main.ts'))).toBe(true);
      expect(source.some((name) => name.includes('node_modules/') || name.includes('/dist/'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
