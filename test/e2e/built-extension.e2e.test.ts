// Checks of the real build (`npm run build` runs before the e2e tests), not of a fixture.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webExtLint } from '../../scripts/web-ext-lint';

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
});
