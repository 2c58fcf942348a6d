// The wallet's onboarding, recovery and lock behaviour, run in one real browser (issue 3). The same
// suite runs in Chromium and in Firefox, one test file each.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TargetType, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deriveAccount, mnemonicToSeed } from '../../src/core';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { scanProfileForSecrets } from './rig/profile-scan';
import { clickButton, fillField, getByRole, waitForText } from './rig/ui';
import { privateResult, sendPrivateInParallel } from './flows/private';
import { createWallet, lock, selectedAddress, setPassword, unlock, waitForHome } from './flows/wallet';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const ANVIL_FIRST = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const PASSWORD = 'Shares-are-forever-42';
/** A BIP-39 test vector with long, distinct words, which the profile scan can find in sequence. */
const SHOWN_PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

/** Reads or edits the stored vault record from an extension page, as a tampering attacker on disk would. */
async function vaultRecord(page: Page, replacement?: unknown): Promise<unknown> {
  return page.evaluate(async (next) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('shareholder-wallet');
      request.onsuccess = () => { resolve(request.result); };
      request.onerror = () => { reject(request.error ?? new Error('open failed')); };
    });
    const tx = db.transaction('vault', 'readwrite');
    const store = tx.objectStore('vault');
    if (next !== undefined) store.put(next, 'current');
    const value = await new Promise<unknown>((resolve) => {
      const request = store.get('current');
      request.onsuccess = () => { resolve(request.result); };
    });
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
    return value;
  }, replacement);
}

/** The unlocked session as the background keeps it in storage.session (an extension page may read it). */
async function sessionIsOpen(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const area = (globalThis as unknown as { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.session;
    return (await area.get('unlocked')).unlocked !== undefined;
  });
}

/** Chromium: whether the service worker (woken by the alarm) still holds an unlocked session. */
async function backgroundSessionIsOpen(rig: RigBrowser): Promise<boolean> {
  const target = await rig.browser.waitForTarget(
    (t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(rig.extensionBaseUrl), { timeout: 10_000 });
  const worker = await target.worker();
  if (worker === null) throw new Error('the service worker target has no worker');
  return worker.evaluate(async () => {
    const area = (globalThis as unknown as { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.session;
    return (await area.get('unlocked')).unlocked !== undefined;
  });
}

/**
 * On the restore screen: switches "Show words" on and pastes `phrase`; the words must show as text while
 * every word field stays a password field (a text field's value goes into the browser's session data).
 */
async function enterPhraseWithWordsShown(page: Page, phrase: string): Promise<void> {
  await getByRole(page, 'radio', 'English').click();
  await getByRole(page, 'checkbox', 'Show words').click();
  await fillField(page, 'Word 1', phrase);
  const words = phrase.split(' ');
  await page.waitForFunction((expected) => [...document.querySelectorAll('.word-shown')].map((node) => node.textContent).join(' ') === expected,
    { timeout: 10_000 }, phrase);
  const fieldTypes = await page.$$eval('.word-cell input', (inputs) => inputs.map((input) => input.getAttribute('type')));
  expect(fieldTypes).toEqual(words.map(() => 'password'));
}

export function walletSuite(kind: BrowserKind): void {
  describe(`the wallet in ${kind}`, () => {
    let rig: RigBrowser;
    let profile: string;

    beforeAll(async () => {
      profile = await mkdtemp(path.join(tmpdir(), `wallet-e2e-${kind}-`));
      rig = await launchBrowser(kind, { extensionDir: path.resolve(kind === 'chromium' ? 'dist/chrome' : 'dist/firefox'), userDataDir: profile });
    });

    afterAll(async () => {
      await rig.close();
      await rm(profile, { recursive: true, force: true });
    });

    it('creates a wallet, makes the user prove the phrase, then locks and unlocks', async () => {
      const page = await rig.openExtensionPage('popup.html');
      const words = await createWallet(page, PASSWORD);
      expect(words).toHaveLength(12);
      expect(await selectedAddress(page)).toMatch(/^0x[0-9a-fA-F]{40}$/);
      await lock(page);
      await unlock(page, PASSWORD);
      await waitForHome(page);
      await page.close();
    });

    it('refuses a wrong password with a message, and opens with the right one after the delay', async () => {
      const page = await rig.openExtensionPage('popup.html');
      await lock(page);
      await unlock(page, 'not the password');
      await waitForText(page, 'Wrong password');
      // The first wrong password blocks the next attempt for one second.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await unlock(page, PASSWORD);
      await waitForHome(page);
      await page.close();
    });

    it('checks only one of twelve parallel wrong passwords and refuses the other eleven as blocked', async () => {
      const page = await rig.openExtensionPage('popup.html');
      await privateResult(page, 'wallet.lock', {});
      const replies = await sendPrivateInParallel(page, 'wallet.unlock', Array.from({ length: 12 }, (_, n) => ({ password: `wrong guess ${n}` })));
      const codes = replies.map((reply) => (reply.ok ? 'unlocked' : reply.error.code));
      expect(codes.filter((code) => code === 'wrong-password')).toHaveLength(1);
      expect(codes.filter((code) => code === 'unlock-blocked')).toHaveLength(11);
      await vi.waitFor(async () => {
        expect((await privateResult(page, 'wallet.get', {})).unlockBlockedUntil).toBeUndefined();
      }, { timeout: 10_000, interval: 200 });
      expect((await privateResult(page, 'wallet.unlock', { password: PASSWORD })).status).toBe('unlocked');
      await page.close();
    });

    it('restores anvil\'s phrase to its well-known first account, with the words shown while typed', async () => {
      const page = await rig.openExtensionPage('popup.html');
      await clickButton(page, 'Settings');
      await clickButton(page, 'Remove wallet');
      await fillField(page, 'Type REMOVE to confirm', 'REMOVE');
      await clickButton(page, 'Remove wallet');
      await getByRole(page, 'button', 'Create a new wallet').wait();
      await clickButton(page, 'Restore from recovery phrase');
      await enterPhraseWithWordsShown(page, ANVIL_PHRASE);
      await setPassword(page, PASSWORD, 'New password');
      await clickButton(page, 'Restore wallet');
      expect(await selectedAddress(page)).toBe(ANVIL_FIRST);
      await page.close();
    });

    it('keeps the vault across a browser restart and opens it again', async () => {
      await rig.restart();
      const page = await rig.openExtensionPage('popup.html');
      await unlock(page, PASSWORD);
      expect(await selectedAddress(page)).toBe(ANVIL_FIRST);
      await page.close();
    });

    it('leaves no phrase, seed, private key or password anywhere in the browser profile, even with a phrase shown on the restore screen at shutdown', async () => {
      const seed = await mnemonicToSeed(ANVIL_PHRASE);
      const privateKey = deriveAccount(seed, 0).privateKey;
      // The browser saves its session (form fields included) when it shuts down: do so with another phrase
      // typed and shown on the restore screen, as a user who quits mid-restore would.
      const page = await rig.openExtensionPage('popup.html');
      if (await getByRole(page, 'button', 'Lock', 3000).wait().then(() => true, () => false)) await lock(page);
      await clickButton(page, 'Restore from recovery phrase');
      await fillField(page, 'Type REMOVE to confirm', 'REMOVE');
      await clickButton(page, 'Continue');
      await enterPhraseWithWordsShown(page, SHOWN_PHRASE);
      await rig.close();
      const findings = await scanProfileForSecrets(profile, [
        { label: 'phrase', value: ANVIL_PHRASE }, { label: 'seed', value: seed },
        { label: 'private key', value: privateKey }, { label: 'password', value: PASSWORD },
        { label: 'phrase shown at shutdown', value: SHOWN_PHRASE },
      ]);
      expect(findings).toEqual([]);
      rig = await launchBrowser(kind, { extensionDir: path.resolve(kind === 'chromium' ? 'dist/chrome' : 'dist/firefox'), userDataDir: profile });
    });

    it('auto-locks after the idle time chosen in settings, through the alarm, with no page open', async () => {
      const page = await rig.openExtensionPage('popup.html');
      if (await getByRole(page, 'button', 'Unlock', 3000).wait().then(() => true, () => false)) await unlock(page, PASSWORD);
      await clickButton(page, 'Settings');
      await page.locator('aria/Auto-lock after').wait();
      await page.select('select', '1');
      await waitForText(page, 'Auto-lock time saved.');
      expect(await sessionIsOpen(page)).toBe(true);
      // No extension page stays open, so only the alarm (a minute after the last use) can lock the wallet:
      // the popup itself also locks an expired session when it next looks.
      await page.close();
      await new Promise((resolve) => setTimeout(resolve, 70_000));
      if (kind === 'chromium') expect(await backgroundSessionIsOpen(rig)).toBe(false);
      const reopened = await rig.openExtensionPage('popup.html');
      await getByRole(reopened, 'button', 'Unlock').wait();
      expect(await sessionIsOpen(reopened)).toBe(false);
      await reopened.close();
    }, 120_000);

    it('reports a tampered vault record clearly and leaves it as it was', async () => {
      const page = await rig.openExtensionPage('popup.html');
      const original = await vaultRecord(page) as { record: { kdf: unknown } };
      const tampered = { ...original, record: { ...original.record, kdf: 'tampered' } };
      await vaultRecord(page, tampered);
      await page.close();
      const damaged = await rig.openExtensionPage('popup.html');
      await waitForText(damaged, 'The stored wallet is damaged');
      expect(await vaultRecord(damaged)).toEqual(tampered);
      // Put the original back: the wallet opens again, so nothing was lost by reporting it.
      await vaultRecord(damaged, original);
      await damaged.close();
      const repaired = await rig.openExtensionPage('popup.html');
      if (!(await getByRole(repaired, 'button', 'Add account', 3000).wait().then(() => true, () => false))) await unlock(repaired, PASSWORD);
      await waitForHome(repaired);
      await repaired.close();
    });
  });
}
