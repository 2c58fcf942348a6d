// The vote reminders' browser notifications (issue 14, item 6). `notifications` is an optional permission the
// popup asks for when the user turns reminders on; without it the API is missing (Chrome leaves
// `chrome.notifications` undefined), so every call here first checks the grant and none throws for its lack.
import type { Browser, Notifications, Permissions } from 'webextension-polyfill';

export interface ReminderNotificationsApi {
  create(notificationId: string, options: Notifications.CreateNotificationOptions): Promise<string>;
  clear(notificationId: string): Promise<boolean>;
}

export interface ReminderPermissionsApi {
  contains(permissions: Permissions.AnyPermissions): Promise<boolean>;
}

/**
 * The browser's `notifications` API, or undefined while the optional permission is not granted. Seen: Chrome
 * then has no `notifications` property at all; Firefox has the property, set to undefined. Both add the API
 * to a running background once the permission is granted.
 */
export function grantedNotifications(browser: Browser): Notifications.Static | undefined {
  const optional: Partial<Pick<Browser, 'notifications'>> = browser;
  return optional.notifications;
}

export interface ReminderNotice {
  title: string;
  message: string;
}

export interface ReminderNotifier {
  /** The user granted the `notifications` permission. False, never an error, when it cannot be told. */
  permitted(): Promise<boolean>;
  /** Shows `notice` as notification `id`, replacing an earlier one of that id. Does nothing without the permission. */
  show(id: string, notice: ReminderNotice): Promise<void>;
  clear(id: string): Promise<void>;
}

/**
 * `notifications()`: the browser's `notifications` API as it is now (undefined until the permission is
 * granted). `iconUrl`: the extension's icon; Chrome refuses a basic notification without one.
 */
export function createReminderNotifier(deps: {
  notifications: () => ReminderNotificationsApi | undefined;
  permissions: ReminderPermissionsApi;
  iconUrl: string;
}): ReminderNotifier {
  async function permitted(): Promise<boolean> {
    try {
      return await deps.permissions.contains({ permissions: ['notifications'] });
    } catch {
      return false;
    }
  }
  return {
    permitted,
    async show(id, notice) {
      const api = deps.notifications();
      if (api === undefined || !(await permitted())) return;
      await api.create(id, { type: 'basic', iconUrl: deps.iconUrl, title: notice.title, message: notice.message });
    },
    async clear(id) {
      const api = deps.notifications();
      if (api === undefined) return;
      await api.clear(id);
    },
  };
}
