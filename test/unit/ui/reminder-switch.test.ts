// The reminders switch: on asks the browser for the notifications permission first, inside the click,
// and tells the background only once it is granted; off asks nothing.
import { describe, expect, it, vi } from 'vitest';
import { switchReminders, type ReminderDeps } from '../../../src/ui/lib/reminder-switch';
import { votesView } from './votes-fixtures';

function deps(granted: boolean | Error): ReminderDeps & { order: string[] } {
  const order: string[] = [];
  return {
    order,
    askPermission: vi.fn(() => {
      order.push('ask');
      return granted instanceof Error ? Promise.reject(granted) : Promise.resolve(granted);
    }),
    setReminders: vi.fn((on: boolean) => {
      order.push(`set ${String(on)}`);
      return Promise.resolve(votesView());
    }),
  };
}

describe('the reminders switch', () => {
  it('asks for the permission before anything else happens, synchronously within the click, then turns reminders on', async () => {
    const fake = deps(true);
    const outcome = switchReminders(true, fake);
    // Nothing was awaited yet: the browser still sees the user's gesture when it is asked.
    expect(fake.order).toEqual(['ask']);
    expect(await outcome).toEqual({ kind: 'set', view: votesView() });
    expect(fake.order).toEqual(['ask', 'set true']);
  });

  it('leaves reminders off and the background untouched when the permission is refused', async () => {
    const fake = deps(false);
    expect(await switchReminders(true, fake)).toEqual({ kind: 'refused' });
    expect(fake.setReminders).not.toHaveBeenCalled();
  });

  it('counts a permission request the browser could not make as a refusal', async () => {
    const fake = deps(new Error('permissions.request may only be called from a user input handler'));
    expect(await switchReminders(true, fake)).toEqual({ kind: 'refused' });
    expect(fake.setReminders).not.toHaveBeenCalled();
  });

  it('turns reminders off without asking for anything', async () => {
    const fake = deps(false);
    expect((await switchReminders(false, fake)).kind).toBe('set');
    expect(fake.order).toEqual(['set false']);
  });

  it('passes on the background\'s refusal', async () => {
    const fake = deps(true);
    fake.setReminders = () => Promise.reject(new Error('the voting centre is not available yet'));
    await expect(switchReminders(true, fake)).rejects.toThrow('not available');
  });
});
