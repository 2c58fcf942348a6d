/**
 * A throwaway MV3 extension for the rig's notification self-test: `notifications` as an optional
 * permission, a page whose button asks for it, and a background that, on an alarm, shows a notification
 * (as the wallet's vote reminders do).
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIREFOX_MIN_VERSION } from '../../../scripts/extension-ids';
import type { BrowserKind } from './browser-config';

/** Its own gecko id, so it never shares storage with the wallet's or the self-test's. */
export const NOTIFICATIONS_TEST_GECKO_ID = 'rig-notifications@shareholder-wallet.test';
export const NOTIFICATION_ALARM = 'rig-notify';

function manifest(kind: BrowserKind): object {
  const common = { manifest_version: 3, name: 'Rig notifications', version: '1.0', permissions: ['alarms'], optional_permissions: ['notifications'] };
  if (kind === 'chromium') return { ...common, background: { service_worker: 'background.js' } };
  return {
    ...common,
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      gecko: { id: NOTIFICATIONS_TEST_GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
    },
  };
}

const BACKGROUND = `
const api = globalThis.browser ?? globalThis.chrome;
api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== '${NOTIFICATION_ALARM}') return;
  api.notifications.create('rig-reminder|1', {
    type: 'basic', iconUrl: api.runtime.getURL('icon.png'), title: 'Rig reminder', message: 'Voting closes in 1 hour',
  });
});
`;

const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rig notifications</title><script src="page.js" defer></script></head>
<body><button>Turn on reminders</button><p role="status" id="status"></p></body></html>
`;

const PAGE_JS = `
const api = globalThis.browser ?? globalThis.chrome;
document.querySelector('button').addEventListener('click', () => {
  api.permissions.request({ permissions: ['notifications'] }).then(
    (granted) => { document.getElementById('status').textContent = 'Granted: ' + granted; },
    (error) => { document.getElementById('status').textContent = 'Refused: ' + error.message; });
});
`;

/** Write the extension for `kind` into `dir` (created if needed) and return `dir`. */
export async function writeNotificationsExtension(kind: BrowserKind, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify(manifest(kind), null, 2), 'background.js': BACKGROUND, 'page.html': PAGE_HTML, 'page.js': PAGE_JS,
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  // Chrome refuses a basic notification without an icon.
  await copyFile(join(process.cwd(), 'extension', 'icons', 'icon-128.png'), join(dir, 'icon.png'));
  return dir;
}
