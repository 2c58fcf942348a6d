// Turning a company's reminders on asks the browser for the optional `notifications` permission first,
// from the user's click (both browsers grant optional permissions only during a user gesture), and only
// then tells the background; a refusal leaves reminders off. Turning them off asks nothing.
import type { VotesView } from '../../protocol/governance';

export type ReminderOutcome =
  | { kind: 'set'; view: VotesView }
  /** The browser did not grant the permission (the user said no, or it could not ask): reminders stay off. */
  | { kind: 'refused' };

export interface ReminderDeps {
  /** `browser.permissions.request({ permissions: ['notifications'] })`; called before anything is awaited. */
  askPermission: () => Promise<boolean>;
  /** 'governance.setReminders' for this company. */
  setReminders: (on: boolean) => Promise<VotesView>;
}

/** @throws what `setReminders` throws (the background's refusal); a failed permission request is a refusal. */
export async function switchReminders(on: boolean, deps: ReminderDeps): Promise<ReminderOutcome> {
  if (on) {
    // Asked synchronously, inside the click: after an await the browser no longer sees a user gesture.
    const granted = await deps.askPermission().catch(() => false);
    if (!granted) return { kind: 'refused' };
  }
  return { kind: 'set', view: await deps.setReminders(on) };
}
