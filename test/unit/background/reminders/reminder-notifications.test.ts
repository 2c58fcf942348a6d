import type { Browser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { createReminderNotifier, grantedNotifications } from '../../../../src/background/platform/reminder-notifications';
import { fakeNotifications } from './reminder-fakes';

const ICON = 'moz-extension://01e6e444-babc-4968-8904-32287e62a79c/icons/icon-128.png';

describe('the reminders\' notifications', () => {
  it('finds no notifications API before the permission is granted, as Firefox leaves the property undefined', () => {
    expect(grantedNotifications({ notifications: undefined } as unknown as Browser)).toBeUndefined();
    expect(grantedNotifications({} as unknown as Browser)).toBeUndefined();
  });

  it('shows a basic notification with the extension\'s icon, which Chrome requires', async () => {
    const notifications = fakeNotifications();
    const notifier = createReminderNotifier({ notifications: () => notifications.api, permissions: { contains: () => Promise.resolve(true) }, iconUrl: ICON });
    await notifier.show('vote-reminder|1', { title: 'Vote reminder', message: 'text' });
    expect(notifications.shown.get('vote-reminder|1')).toEqual({ type: 'basic', iconUrl: ICON, title: 'Vote reminder', message: 'text' });
  });

  it('does nothing, and does not throw, while the API is missing', async () => {
    const notifier = createReminderNotifier({ notifications: () => undefined, permissions: { contains: () => Promise.resolve(true) }, iconUrl: ICON });
    await expect(notifier.show('vote-reminder|1', { title: 't', message: 'm' })).resolves.toBeUndefined();
    await expect(notifier.clear('vote-reminder|1')).resolves.toBeUndefined();
  });
});
