/**
 * How each browser is launched on this machine: the flags and preferences proven in
 * shared/browser-testing.md, and how the Firefox extension gets a known, stable UUID.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LaunchOptions } from 'puppeteer-core';
import { GECKO_ID } from '../../../scripts/extension-ids';

export type BrowserKind = 'chromium' | 'firefox';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/** Chromium flags from browser-testing.md; --headless (the new headless) loads extensions. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * --remote-allow-system-access lets BiDi open moz-extension:// pages in a tab, and lets the rig
 * reach the parent process to stop the background page (see firefox-system.ts).
 */
export const FIREFOX_ARGS = ['--remote-allow-system-access'];

/**
 * A UUID for the extension's moz-extension:// host, derived from its gecko id so that every launch
 * (and every restart of the same profile) gets the same one, and pages have known URLs.
 */
export function firefoxUuidFor(geckoId: string): string {
  const h = createHash('sha256').update(`shareholder-wallet e2e moz-extension uuid:${geckoId}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x40; // version 4
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The wallet's moz-extension:// host in every e2e Firefox profile (dist/firefox carries GECKO_ID). */
export const WALLET_FIREFOX_UUID = firefoxUuidFor(GECKO_ID);

/**
 * The gecko id in the extension's own manifest: the UUID pin must name the add-on that is actually
 * installed (dist/firefox carries GECKO_ID from scripts/extension-ids.ts; the self-test extension
 * its own).
 * @throws Error when the manifest has no browser_specific_settings.gecko.id.
 */
export async function readGeckoId(extensionDir: string): Promise<string> {
  const manifest: unknown = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8'));
  const id = pick(pick(pick(manifest, 'browser_specific_settings'), 'gecko'), 'id');
  if (typeof id !== 'string' || id === '') {
    throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id; Firefox needs it to pin the extension's UUID`);
  }
  return id;
}

function pick(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Firefox preferences:
 * - extensions.webextensions.uuids pins the UUID of the add-on's moz-extension:// host;
 * - keepStorageOnUninstall / keepUuidOnUninstall keep its IndexedDB and storage.local when the
 *   temporary add-on is removed (Firefox removes temporary add-ons at shutdown; without these prefs
 *   an uninstall wipes the data, seen with an explicit uninstallExtension). With them, a restart that
 *   reinstalls the add-on from the same directory finds its data again.
 * With `grantOptionalPermissions` (see optional-permissions.ts):
 * - extensions.webextOptionalPermissionPrompts = false: `permissions.request` (on a click) grants an
 *   optional permission at once instead of showing a prompt nobody can answer in headless mode;
 * - alerts.useSystemBackend = false: a notification is shown in Firefox's own alert window, which stays
 *   ~20 s (alert.css: a 20 s animation), so `notifications.getAll()` lists it; the system backend in
 *   headless mode closes it within ~40 ms (seen: onClosed, byUser true), before a test can look.
 */
export function firefoxPrefs(geckoId: string, uuid: string, grantOptionalPermissions = false): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    'extensions.webextensions.keepStorageOnUninstall': true,
    'extensions.webextensions.keepUuidOnUninstall': true,
    ...(grantOptionalPermissions ? { 'extensions.webextOptionalPermissionPrompts': false, 'alerts.useSystemBackend': false } : {}),
  };
}

/** puppeteer-core launch options for one browser and profile directory. */
export function launchOptions(
  kind: BrowserKind, userDataDir: string, firefox?: { geckoId: string; uuid: string }, grantOptionalPermissions = false,
): LaunchOptions {
  if (kind === 'chromium') {
    return { executablePath: CHROMIUM_PATH, headless: true, pipe: true, enableExtensions: true, userDataDir, args: CHROMIUM_ARGS };
  }
  if (!firefox) throw new Error('launchOptions: Firefox needs the gecko id and UUID');
  return {
    browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, userDataDir, args: FIREFOX_ARGS,
    extraPrefsFirefox: firefoxPrefs(firefox.geckoId, firefox.uuid, grantOptionalPermissions),
  };
}
