// The optional `notifications` permission the reminders need (manifest.json optional_permissions): asked
// for only when the user turns reminders on, from that click.
import browser from 'webextension-polyfill';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/** Shows the browser's prompt (needs a user gesture: call it straight from a click); true when granted. */
export function askNotificationsPermission(): Promise<boolean> {
  return browser.permissions.request(NOTIFICATIONS);
}

/** Whether the wallet may show notifications now (the user may have withdrawn it in the browser's settings). */
export function hasNotificationsPermission(): Promise<boolean> {
  return browser.permissions.contains(NOTIFICATIONS);
}
