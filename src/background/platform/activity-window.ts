// wallet_showCallsStatus' window: the popup's page opened on its Activity screen (popup.html#activity), in a
// window of its own, since an extension's popup cannot be opened from the background in both browsers
// (Firefox's action.openPopup() needs a user's click). One window at a time: asked again, the wallet
// brings the open one forward rather than opening another.

/** What the activity window needs of the browser's `windows` API. */
export interface ActivityWindowApi {
  create(options: { url: string; type: 'popup'; width: number; height: number }): Promise<{ id?: number }>;
  update(windowId: number, options: { focused: true }): Promise<unknown>;
}

const SIZE = { width: 420, height: 680 };

/** `url`: the popup page's address with its `#activity` fragment. */
export function createActivityWindow(windows: ActivityWindowApi, url: string) {
  let open: number | undefined;
  return {
    /** Shows the Activity window: focuses the one opened before if it is still there, else opens one. */
    async show(): Promise<void> {
      if (open !== undefined) {
        try {
          await windows.update(open, { focused: true });
          return;
        } catch {
          // The user closed it: open a new one.
          open = undefined;
        }
      }
      const created = await windows.create({ url, type: 'popup', ...SIZE });
      open = created.id;
    },
  };
}
