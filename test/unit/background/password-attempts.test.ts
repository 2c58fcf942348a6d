// Issue 11, item 13: parallel guesses must not bypass the wrong-password delay, and a check is counted
// on disk before its key derivation starts (a background killed mid-check still counts it).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encryptVault } from '../../../src/core';
import { WalletError } from '../../../src/background/errors';
import { createWalletService } from '../../../src/background/services/wallet';
import type { WalletDatabase } from '../../../src/background/storage/database';
import { createClock, createFakeLockTimer, createFakeSession, freshDatabase } from '../../helpers/background-fakes';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const PASSWORD = 'a long password';

/** The code of each settled call, in order: the value's status for a success, the error's code otherwise. */
async function outcomes(calls: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(calls);
  return settled.map((result) => {
    if (result.status === 'fulfilled') return 'ok';
    return result.reason instanceof WalletError ? result.reason.code : String(result.reason);
  });
}

describe('wrong-password attempts', () => {
  let db: WalletDatabase;
  let session: ReturnType<typeof createFakeSession>;
  let timer: ReturnType<typeof createFakeLockTimer>;
  let clock: ReturnType<typeof createClock>;
  const service = () => createWalletService({ db, session, lockTimer: timer, now: clock.now });

  beforeEach(async () => {
    db = await freshDatabase();
    session = createFakeSession();
    timer = createFakeLockTimer();
    clock = createClock();
    await service().create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('checks only the first of twelve parallel wrong unlocks and refuses the other eleven as blocked', async () => {
    const wallet = service();
    await wallet.lock();
    const derivations = vi.spyOn(crypto.subtle, 'deriveKey');
    const codes = await outcomes(Array.from({ length: 12 }, (_, n) => wallet.unlock(`wrong guess ${n}`)));
    expect(codes).toEqual(['wrong-password', ...Array<string>(11).fill('unlock-blocked')]);
    expect(derivations).toHaveBeenCalledTimes(1);
    expect(await db.get('meta', 'unlockAttempts')).toEqual({ failures: 1, blockedUntil: clock.time + 1000 });
  });

  it('puts unlock, reveal-phrase and change-password in one queue', async () => {
    const wallet = service();
    const derivations = vi.spyOn(crypto.subtle, 'deriveKey');
    const calls = Array.from({ length: 4 }, (_, n) => [
      wallet.revealPhrase(`wrong ${n}`), wallet.changePassword(`wrong ${n}`, 'a new long password'), wallet.unlock(`wrong ${n}`),
    ]).flat();
    const codes = await outcomes(calls);
    expect(codes).toEqual(['wrong-password', ...Array<string>(11).fill('unlock-blocked')]);
    expect(derivations).toHaveBeenCalledTimes(1);
  });

  it('writes the failure to disk before the key derivation starts, and removes it once the password opened the vault', async () => {
    const wallet = service();
    await wallet.lock();
    const onDiskWhenDeriving: unknown[] = [];
    const derive = crypto.subtle.deriveKey.bind(crypto.subtle);
    vi.spyOn(crypto.subtle, 'deriveKey').mockImplementation(async (...args: Parameters<SubtleCrypto['deriveKey']>) => {
      onDiskWhenDeriving.push(await db.get('meta', 'unlockAttempts'));
      return derive(...args);
    });
    expect((await wallet.unlock(PASSWORD)).status).toBe('unlocked');
    expect(onDiskWhenDeriving).toEqual([{ failures: 1, blockedUntil: clock.time + 1000 }]);
    expect(await db.get('meta', 'unlockAttempts')).toBeUndefined();
  });

  it('still counts a check whose background stopped in the middle of it', async () => {
    const wallet = service();
    await wallet.lock();
    // The key derivation never ends: the background is gone before the password was judged.
    vi.spyOn(crypto.subtle, 'deriveKey').mockImplementation(() => new Promise<CryptoKey>(() => undefined));
    const stranded = wallet.unlock('a guess that never finished');
    await vi.waitFor(async () => { expect(await db.get('meta', 'unlockAttempts')).toBeDefined(); });
    vi.restoreAllMocks();
    const blocked: unknown = await service().unlock(PASSWORD).catch((error: unknown) => error);
    expect(blocked).toMatchObject({ code: 'unlock-blocked', retryAt: clock.time + 1000 });
    void stranded;
  });

  it('puts the previous count back when the vault opens but holds no phrase (not a password failure)', async () => {
    const wallet = service();
    await wallet.lock();
    const stored = await db.get('vault', 'current') as Record<string, unknown>;
    const record = await encryptVault(new TextEncoder().encode('{}'), PASSWORD);
    await db.put('vault', { ...stored, record }, 'current');
    await db.put('meta', { failures: 3, blockedUntil: clock.time - 1 }, 'unlockAttempts');
    expect(await outcomes([wallet.unlock(PASSWORD)])).toEqual(['vault-damaged']);
    expect(await db.get('meta', 'unlockAttempts')).toEqual({ failures: 3, blockedUntil: clock.time - 1 });
  });
});
