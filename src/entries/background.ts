// Background entry (Chrome service worker, Firefox event page). Listeners are registered synchronously
// at the top level so that an event which wakes a stopped background is delivered (style.md §8).
import browser, { type Runtime } from 'webextension-polyfill';
import { startBackground } from '../background/main';
import { AUTO_LOCK_ALARM } from '../background/platform/lock-timer';
import { TRANSACTION_WATCH_ALARM } from '../background/platform/transaction-alarm';
import { attachDappPort } from '../background/router/dapp-port';
import { grantedNotifications } from '../background/platform/reminder-notifications';
import { isVoteReminderAlarm, isVoteReminderNotification } from '../background/services/vote-reminder-names';
import { PORT_NAME } from '../protocol/bridge';
import { PRIVATE_CHANNEL, type PrivateResponse } from '../protocol/private';

const background = startBackground(browser);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<PrivateResponse> | undefined => {
  if (typeof message !== 'object' || message === null || (message as { channel?: unknown }).channel !== PRIVATE_CHANNEL) {
    return undefined;
  }
  return background.then(
    ({ handlePrivateMessage }) => handlePrivateMessage(message, sender),
    (): PrivateResponse => ({ ok: false, error: { code: 'internal', message: 'the wallet storage could not be opened' } }),
  );
});

browser.runtime.onConnect.addListener((port) => {
  if (port.name === PORT_NAME) attachDappPort(port, background, crypto.randomUUID());
});

browser.windows.onRemoved.addListener((windowId) => {
  void background.then(({ approvals }) => { approvals.windowClosed(windowId); });
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== AUTO_LOCK_ALARM) return;
  background.then(async ({ wallet, lockChanged }) => {
    await wallet.onLockAlarm();
    await lockChanged();
  }).catch((error: unknown) => {
    console.error('auto-lock failed', error instanceof Error ? error.name : typeof error);
  });
});

// Wakes a stopped background while a sent transaction waits for its receipt; starting the background
// resumes the watch already, and this runs one round now.
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== TRANSACTION_WATCH_ALARM) return;
  background.then(({ transactionWatcher }) => transactionWatcher.onAlarm()).catch((error: unknown) => {
    console.error('transaction watch failed', error instanceof Error ? error.name : typeof error);
  });
});

// Vote reminders (issue 14, item 6): an alarm a day or an hour before a proposal closes, and the periodic
// refresh that finds new proposals.
browser.alarms.onAlarm.addListener((alarm) => {
  if (!isVoteReminderAlarm(alarm.name)) return;
  background.then(({ voteReminders }) => voteReminders.onAlarm(alarm.name)).catch((error: unknown) => {
    console.error('vote reminder failed', error instanceof Error ? error.name : typeof error);
  });
});

// `notifications` is an optional permission: its API exists only once granted, maybe after this background
// started, so the click listener is added now if it can be and again when a permission is added.
let hearingReminderClicks = false;
function hearReminderClicks(): void {
  const notifications = grantedNotifications(browser);
  if (hearingReminderClicks || notifications === undefined) return;
  hearingReminderClicks = true;
  notifications.onClicked.addListener((notificationId) => {
    if (!isVoteReminderNotification(notificationId)) return;
    background.then(({ voteReminders }) => voteReminders.onNotificationClicked(notificationId)).catch((error: unknown) => {
      console.error('opening a vote reminder failed', error instanceof Error ? error.name : typeof error);
    });
  });
}
hearReminderClicks();
browser.permissions.onAdded.addListener(hearReminderClicks);
