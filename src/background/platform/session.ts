// The unlocked session, kept in `storage.session`: memory only, hidden from content scripts, and it
// outlives a stopped MV3 service worker or Firefox event page, so a restart does not lock the user out.
import type { Storage } from 'webextension-polyfill';

export interface UnlockedSession {
  /** BIP-39 seed, hex. Key material: never logged, never written to disk. */
  seed: string;
  /** Epoch ms of the last use of the wallet, for auto-lock. */
  lastActivity: number;
}

export interface SessionStore {
  get(): Promise<UnlockedSession | undefined>;
  set(session: UnlockedSession): Promise<void>;
  clear(): Promise<void>;
}

const KEY = 'unlocked';

function isSession(value: unknown): value is UnlockedSession {
  if (typeof value !== 'object' || value === null) return false;
  const { seed, lastActivity } = value as Record<string, unknown>;
  return typeof seed === 'string' && /^[0-9a-f]{128}$/.test(seed) && typeof lastActivity === 'number';
}

export function createSessionStore(area: Storage.StorageArea): SessionStore {
  return {
    async get() {
      const stored = (await area.get(KEY))[KEY];
      return isSession(stored) ? stored : undefined;
    },
    async set(session) {
      await area.set({ [KEY]: session });
    },
    async clear() {
      await area.remove(KEY);
    },
  };
}
