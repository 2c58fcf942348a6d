// Where the popup opens next. The toolbar popup closes as soon as the approval window takes the focus, so
// the popup that proposed a transaction (Send, "Activate my votes") is gone by the time it is sent: the
// next popup opened soon after shows Activity, where that transaction is, instead of home. Kept in
// `storage.session` (memory only, and it outlives a stopped service worker), and taken once.
import type { Storage } from 'webextension-polyfill';

/** After this long the user has moved on: the popup opens at home as usual. */
export const LANDING_MS = 10 * 60_000;

const KEY = 'popupLanding';

export interface PopupLanding {
  /** The popup's transaction was sent: the next popup opens on Activity. */
  sent(): Promise<void>;
  /** Where the popup should open, once: 'activity' within LANDING_MS of a send, else undefined. */
  take(): Promise<'activity' | undefined>;
}

export function createPopupLanding(area: Pick<Storage.StorageArea, 'get' | 'set' | 'remove'>, now: () => number): PopupLanding {
  return {
    async sent() {
      await area.set({ [KEY]: now() });
    },
    async take() {
      const at: unknown = (await area.get(KEY))[KEY];
      if (at === undefined) return undefined;
      await area.remove(KEY);
      return typeof at === 'number' && now() - at >= 0 && now() - at < LANDING_MS ? 'activity' : undefined;
    },
  };
}
