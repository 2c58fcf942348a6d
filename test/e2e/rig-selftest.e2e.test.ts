/**
 * Proves the e2e rig in both browsers with a throwaway extension: pages, role-and-name helpers,
 * extension windows, stopping the background, a restart that keeps the extension's address and
 * data, and a profile scan that finds planted strings, including ones only stored compressed.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { scanProfile, type Finding, type Secret } from './rig/profile-scan';
import { selftestPage, writeSelftestExtension } from './rig/selftest-extension';
import { clickButton, fillField, getByRole, queryAllByRole, waitForText } from './rig/ui';

const token = (): string => randomBytes(9).toString('base64url');
const RARE_WORDS = ['quokka', 'zephyr', 'halcyon', 'obelisk', 'marzipan', 'sphinx', 'juniper', 'basilisk',
  'quasar', 'tundra', 'walrus', 'xylophone', 'zircon', 'glacier', 'nebula', 'vortex'];

/** Fresh strings per run; B and E repeat a part so that a compressor turns it into a back-reference. */
type PlantedLabel = 'small value' | 'large compressed value' | 'storage.local value' | 'repeating value'
  | 'phrase as a word array' | 'never written';

function plantedStrings(): Record<PlantedLabel, string> {
  const b = token();
  const e = token();
  const words = [...RARE_WORDS].sort(() => Math.random() - 0.5).slice(0, 12);
  return {
    'small value': `rig-plant-A-${token()}`,
    'large compressed value': `rig-plant-B-${b}-${b}-${b}`,
    'storage.local value': `rig-plant-C-${token()}`,
    'repeating value': `rig-plant-E-${e}-${e}`,
    'phrase as a word array': words.join(' '),
    'never written': `rig-never-written-${token()}`,
  };
}

const labels = (findings: readonly Finding[]): Set<string> => new Set(findings.map((f) => f.label));

describe.each<BrowserKind>(['chromium', 'firefox'])('the e2e rig in %s', (kind) => {
  let workDir: string;
  let profileDir: string;
  let rig: RigBrowser;
  const planted = plantedStrings();

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), `rig-selftest-${kind}-`));
    profileDir = join(workDir, 'profile');
    await mkdir(profileDir);
    const extensionDir = await writeSelftestExtension(kind, join(workDir, 'extension'));
    rig = await launchBrowser(kind, { extensionDir, userDataDir: profileDir });
  });

  afterAll(async () => {
    try {
      await rig.close();
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });

  it('opens an extension page at its own address', async () => {
    expect(rig.extensionBaseUrl).toMatch(kind === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}\/$/u : /^moz-extension:\/\/[0-9a-f-]{36}\/$/u);
    const page = await rig.openExtensionPage('page.html');
    expect(await page.evaluate(() => location.href)).toBe(rig.extensionUrl('page.html'));
    await waitForText(page, 'Rig self-test ready');
    await page.close();
  });

  it('fills fields and presses buttons found by role and accessible name', async () => {
    const page = await rig.openExtensionPage('page.html');
    await getByRole(page, 'heading', 'Rig self-test').wait();
    await fillField(page, 'Note', 'hello');
    await fillField(page, 'Password', 'eleven-char'); // a password field: no "textbox" role in Firefox
    await fillField(page, 'Recovery phrase', 'alpha beta');
    await clickButton(page, 'Save note');
    await waitForText(page, 'Saved: hello / 11');
    expect(await page.$eval('#phrase', (el) => (el as HTMLTextAreaElement).value)).toBe('alpha beta');
    expect(await queryAllByRole(page, 'button', 'No such button')).toHaveLength(0);
    await page.close();
  });

  it('catches a window that the extension opens', async () => {
    const page = await rig.openExtensionPage('page.html');
    const opened = await rig.waitForNewExtensionWindow('window.html', () => clickButton(page, 'Open a window'));
    await waitForText(opened, 'Extension window');
    await getByRole(opened, 'button', 'Approve').wait();
    await opened.close();
    await page.close();
  });

  it('stops the background, which starts afresh on its next event', async () => {
    const page = await rig.openExtensionPage('page.html');
    const before = await selftestPage(page).backgroundStartedAt();
    await rig.stopBackground();
    const after = await selftestPage(page).backgroundStartedAt();
    expect(typeof after).toBe('number');
    expect(after).not.toBe(before);
    await page.close();
  });

  it('keeps the extension address and its stored data across a restart', async () => {
    const page = await rig.openExtensionPage('page.html');
    const api = selftestPage(page);
    const padding = 'filler text that compresses well. '.repeat(3000); // > 64 KiB: Chromium compresses the value
    await api.plant({
      a: planted['small value'],
      b: `${padding}${planted['large compressed value']}${padding}`,
      words: planted['phrase as a word array'].split(' '),
      // Sorts after the noise below, so in Chromium it lands in a compressible table block.
      'zz-e': `${planted['repeating value']} ${'pad '.repeat(400)}`,
    }, { c: planted['storage.local value'] });
    // Chromium: ~5 MiB of incompressible values fills LevelDB's write buffer, so it writes a table
    // (.ldb) with Snappy blocks; without it, everything stays in the .log.
    if (kind === 'chromium') await api.plantNoise(90, 60_000);
    const baseUrl = rig.extensionBaseUrl;
    await rig.restart();
    const reopened = await rig.openExtensionPage('page.html');
    expect(await reopened.evaluate(() => location.origin + '/')).toBe(baseUrl);
    expect(await selftestPage(reopened).readBack('a', 'c')).toEqual({ idb: planted['small value'], local: planted['storage.local value'] });
  });

  it('finds the planted strings in the closed profile, and not one never written', async () => {
    await rig.close(); // the profile is ours (passed in), so it stays for the scan
    const secrets: Secret[] = Object.entries(planted).map(([label, value]) => ({ label, value }));
    const report = await scanProfile(profileDir, secrets);
    expect(report.undecodable).toEqual([]);
    expect([...labels(report.findings)].sort()).toEqual(['large compressed value', 'phrase as a word array',
      'repeating value', 'small value', 'storage.local value']);
    // The phrase was stored as separate words: only the word-sequence search can see it.
    expect(report.findings.filter((f) => f.label === 'phrase as a word array').every((f) => f.encoding.startsWith('three rarest words'))).toBe(true);

    // Without decoding, the strings that exist on disk only compressed are missed: the decoders matter.
    const rawOnly = await scanProfile(profileDir, secrets, { decode: false });
    expect(labels(rawOnly.findings)).not.toContain('large compressed value');
    expect(labels(rawOnly.findings)).not.toContain('repeating value');

    const containers = (label: string): string[] => report.findings.filter((f) => f.label === label).map((f) => f.container);
    if (kind === 'chromium') {
      expect(containers('large compressed value').some((c) => c.endsWith('blink snappy value'))).toBe(true);
      expect(containers('repeating value')).toContain('leveldb table block');
    } else {
      expect(containers('large compressed value')).toContain('sqlite blob > snappy');
      expect(containers('repeating value')).toContain('sqlite blob > snappy');
      expect(report.decoded.mozlz4 ?? 0).toBeGreaterThan(0); // Firefox's own mozlz4 files decode
    }
  });
});
