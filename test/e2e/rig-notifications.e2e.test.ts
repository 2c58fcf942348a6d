/**
 * Proves the rig's recipe for an extension's notifications in both browsers, with a throwaway extension:
 * an optional `notifications` permission granted on a click without a prompt (grantOptionalPermissions),
 * and a notification that an alarm makes a stopped background show, seen with notifications.getAll().
 * The vote reminders' end-to-end check builds on this.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { waitForNotification } from './rig/notifications';
import { NOTIFICATION_ALARM, writeNotificationsExtension } from './rig/notifications-extension';
import { clickButton, waitForText } from './rig/ui';

/** The extension APIs the test calls inside the page: `browser` in Firefox, `chrome` in Chromium. */
interface PageApis {
  browser?: PageApi;
  chrome: PageApi;
}
interface PageApi {
  permissions: { contains(permissions: { permissions: string[] }): Promise<boolean> };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
}

describe.each<BrowserKind>(['chromium', 'firefox'])('notifications under the e2e rig in %s', (kind) => {
  let workDir: string;
  let rig: RigBrowser;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), `rig-notifications-${kind}-`));
    const extensionDir = await writeNotificationsExtension(kind, join(workDir, 'extension'));
    rig = await launchBrowser(kind, { extensionDir, grantOptionalPermissions: true });
  });

  afterAll(async () => {
    try {
      await rig.close();
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });

  it('grants the optional notifications permission on a click, without a prompt', async () => {
    const page = await rig.openExtensionPage('page.html');
    await clickButton(page, 'Turn on reminders');
    await waitForText(page, 'Granted: true');
    expect(await page.evaluate(() => {
      const apis = globalThis as unknown as PageApis;
      const api = apis.browser ?? apis.chrome;
      return api.permissions.contains({ permissions: ['notifications'] });
    })).toBe(true);
    await page.close();
  });

  it('sees the notification that an alarm makes a stopped background show', async () => {
    const page = await rig.openExtensionPage('page.html');
    await page.evaluate((name) => {
      const apis = globalThis as unknown as PageApis;
      const api = apis.browser ?? apis.chrome;
      return api.alarms.create(name, { when: Date.now() + 2_000 });
    }, NOTIFICATION_ALARM);
    await rig.stopBackground();
    const shown = await waitForNotification(page, 'rig-reminder|');
    expect(shown.id).toBe('rig-reminder|1');
    if (kind === 'firefox') expect(shown).toMatchObject({ title: 'Rig reminder', message: 'Voting closes in 1 hour' });
    await page.close();
  });
});
