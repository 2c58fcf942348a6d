import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../../scripts/extension-ids';
import { WALLET_FIREFOX_UUID, firefoxPrefs, firefoxUuidFor, readGeckoId } from '../../e2e/rig/browser-config';

describe('the Firefox extension UUID', () => {
  it('is a version-4 UUID derived from the gecko id, the same on every call', () => {
    expect(firefoxUuidFor(GECKO_ID)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(firefoxUuidFor(GECKO_ID)).toBe(WALLET_FIREFOX_UUID);
    expect(firefoxUuidFor('another@example.org')).not.toBe(WALLET_FIREFOX_UUID);
  });

  it('is pinned for that gecko id, with storage kept when the temporary add-on is removed', () => {
    expect(firefoxPrefs(GECKO_ID, WALLET_FIREFOX_UUID)).toEqual({
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: WALLET_FIREFOX_UUID }),
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
    });
  });
});

describe('reading the gecko id from a manifest', () => {
  async function withManifest(manifest: object, check: (dir: string) => Promise<void>): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'gecko-id-test-'));
    try {
      await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
      await check(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('returns browser_specific_settings.gecko.id', async () => {
    await withManifest({ browser_specific_settings: { gecko: { id: GECKO_ID } } }, async (dir) => {
      expect(await readGeckoId(dir)).toBe(GECKO_ID);
    });
  });

  it('refuses a manifest without one, since the UUID could not be pinned', async () => {
    await withManifest({ manifest_version: 3 }, async (dir) => {
      await expect(readGeckoId(dir)).rejects.toThrow(/has no browser_specific_settings\.gecko\.id/u);
    });
  });
});
