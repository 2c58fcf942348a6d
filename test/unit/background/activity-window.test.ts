// wallet_showCallsStatus' window: the popup's Activity in a window of its own, one at a time.
import { describe, expect, it } from 'vitest';
import { createActivityWindow, type ActivityWindowApi } from '../../../src/background/platform/activity-window';

const URL = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html#activity';

function fakeWindows() {
  const open = new Set<number>();
  const created: string[] = [];
  let next = 0;
  const api: ActivityWindowApi = {
    create: (options) => {
      created.push(options.url);
      open.add(++next);
      return Promise.resolve({ id: next });
    },
    update: (windowId) => (open.has(windowId) ? Promise.resolve({}) : Promise.reject(new Error(`No window with id: ${windowId}`))),
  };
  return { api, open, created };
}

describe('the Activity window', () => {
  it('opens the popup page on its Activity screen', async () => {
    const windows = fakeWindows();
    await createActivityWindow(windows.api, URL).show();
    expect(windows.created).toEqual([URL]);
  });

  it('brings the open window forward rather than opening another', async () => {
    const windows = fakeWindows();
    const activity = createActivityWindow(windows.api, URL);
    await activity.show();
    await activity.show();
    expect(windows.created).toHaveLength(1);
  });

  it('opens a new window when the user closed the last one', async () => {
    const windows = fakeWindows();
    const activity = createActivityWindow(windows.api, URL);
    await activity.show();
    windows.open.clear();
    await activity.show();
    expect(windows.created).toHaveLength(2);
  });
});
