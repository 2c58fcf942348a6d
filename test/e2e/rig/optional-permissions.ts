/**
 * Optional permissions without a human (e.g. `notifications`, which the wallet asks for when the user turns
 * vote reminders on). What each browser allows, seen on this machine (Chromium 156, Firefox ESR 153):
 * - Firefox: the pref extensions.webextOptionalPermissionPrompts = false makes `permissions.request` (from
 *   a click) grant at once (browser-config.ts sets it). The extension is the real one.
 * - Chromium: `permissions.request` opens a prompt that headless mode never shows or answers (the promise
 *   stayed pending, `permissions.contains` false). No command-line switch was found (the binary's switch
 *   strings hold auto-accept ones only for sign-in, tab capture, camera and microphone); CDP's
 *   Browser.grantPermissions grants the web Notification permission, not the extension's; a grant
 *   written into the closed profile's Preferences (granted_permissions and active_permissions, with or
 *   without its MAC) was gone after the next start. What works: a copy of the extension whose manifest
 *   lists its optional permissions as required. `permissions.request` for a permission held already
 *   resolves true at once, without a prompt (seen), so the extension's own request code still runs; only
 *   the state "not granted yet" cannot be had in that copy.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * A copy of `extensionDir` in a new temporary directory whose manifest moves `optional_permissions` into
 * `permissions`. `remove()` deletes the copy.
 * @throws Error when the manifest cannot be read or has no optional permissions.
 */
export async function copyWithOptionalPermissionsRequired(extensionDir: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'shareholder-wallet-e2e-permissions-'));
  const dir = join(parent, 'extension');
  try {
    await cp(extensionDir, dir, { recursive: true });
    const path = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    const optional = stringList(manifest.optional_permissions);
    if (optional.length === 0) throw new Error(`${extensionDir}/manifest.json has no optional_permissions to grant`);
    manifest.permissions = [...new Set([...stringList(manifest.permissions), ...optional])];
    delete manifest.optional_permissions;
    await writeFile(path, JSON.stringify(manifest, null, 2));
  } catch (error) {
    await rm(parent, { recursive: true, force: true });
    throw error;
  }
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}
