// Unlock at the default KDF parameters, timed from an extension page: the round trip of the private
// `wallet.unlock` message, which derives the vault key (PBKDF2-SHA256, 600,000 iterations), decrypts the
// vault, derives the seed and starts the session.
import type { Page } from 'puppeteer-core';
import { PRIVATE_CHANNEL } from '../src/protocol/private';

type Runtime = { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> } };

/** Locks and unlocks `rounds` times from `extensionPage`; returns each unlock's time in ms. */
export async function unlockTimes(extensionPage: Page, password: string, rounds: number): Promise<number[]> {
  return extensionPage.evaluate(async (channel, secret, total) => {
    const api = (globalThis as unknown as { chrome: Runtime }).chrome;
    const times: number[] = [];
    for (let i = 0; i < total; i++) {
      await api.runtime.sendMessage({ channel, method: 'wallet.lock', params: {} });
      const start = performance.now();
      const answer = await api.runtime.sendMessage({ channel, method: 'wallet.unlock', params: { password: secret } });
      times.push(performance.now() - start);
      if (!answer.ok) throw new Error('unlock failed in the benchmark');
    }
    return times;
  }, PRIVATE_CHANNEL, password, rounds);
}
