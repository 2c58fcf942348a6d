// Builds the background's services from the browser's APIs. Async parts (opening IndexedDB) happen
// here; the entry registers its listeners synchronously and waits on this.
import type { Browser } from 'webextension-polyfill';
import { createLockTimer } from './platform/lock-timer';
import { createSessionStore } from './platform/session';
import { createPrivateRouter } from './router/private-router';
import { createWalletService } from './services/wallet';
import { openWalletDatabase } from './storage/database';

export async function startBackground(browser: Browser) {
  const db = await openWalletDatabase();
  const wallet = createWalletService({
    db,
    session: createSessionStore(browser.storage.session),
    lockTimer: createLockTimer(browser.alarms),
    now: () => Date.now(),
  });
  const handlePrivateMessage = createPrivateRouter({
    wallet, extensionId: browser.runtime.id, extensionBaseUrl: browser.runtime.getURL('/'),
  });
  return { wallet, handlePrivateMessage };
}

export type Background = Awaited<ReturnType<typeof startBackground>>;
