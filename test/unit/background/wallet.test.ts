import { beforeEach, describe, expect, it } from 'vitest';
import { checkTransaction, hashPersonalMessage, recoverDigestSigner, recoverTransactionSender } from '../../../src/core';
import { createWalletService } from '../../../src/background/services/wallet';
import { delayAfterFailures } from '../../../src/background/services/unlock-throttle';
import type { WalletDatabase } from '../../../src/background/storage/database';
import { WalletError } from '../../../src/background/errors';
import { createClock, createFakeLockTimer, createFakeSession, freshDatabase } from '../../helpers/background-fakes';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const PASSWORD = 'a long password';

async function rejection(promise: Promise<unknown>): Promise<WalletError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WalletError);
  return error as WalletError;
}

describe('wallet service', () => {
  let db: WalletDatabase;
  let session: ReturnType<typeof createFakeSession>;
  let timer: ReturnType<typeof createFakeLockTimer>;
  let clock: ReturnType<typeof createClock>;
  let wallet: ReturnType<typeof createWalletService>;

  /** A second service over the same storage: what a restarted background sees. */
  const restarted = () => createWalletService({ db, session, lockTimer: timer, now: clock.now });

  beforeEach(async () => {
    db = await freshDatabase();
    session = createFakeSession();
    timer = createFakeLockTimer();
    clock = createClock();
    wallet = restarted();
  });

  it('starts with no wallet', async () => {
    expect(await wallet.view()).toMatchObject({ status: 'none', accounts: [], autoLockMinutes: 15 });
  });

  it('restores the anvil phrase to its well-known first account and unlocks', async () => {
    const view = await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    expect(view.status).toBe('unlocked');
    expect(view.accounts).toEqual([{ index: 0, name: '', address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' }]);
    expect(timer.when).toBe(clock.time + 15 * 60_000);
  });

  it('keeps only the encrypted record on disk, and the seed only in the session', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    const stored = JSON.stringify(await db.getAll('vault')) + JSON.stringify(await db.getAll('meta'));
    expect(stored).not.toMatch(/junk|test test/);
    expect(stored).not.toContain(PASSWORD);
    expect(session.current?.seed).toMatch(/^[0-9a-f]{128}$/);
  });

  it('locks, refuses a wrong password with a growing delay that a restarted background remembers, then unlocks', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    expect((await wallet.lock()).status).toBe('locked');
    expect(session.current).toBeUndefined();
    expect(timer.when).toBeUndefined();

    const first = await rejection(wallet.unlock('wrong password'));
    expect(first.code).toBe('wrong-password');
    expect(first.retryAt).toBe(clock.time + 1000);
    const blocked = await rejection(restarted().unlock(PASSWORD));
    expect(blocked.code).toBe('unlock-blocked');
    expect((await restarted().view()).unlockBlockedUntil).toBe(clock.time + 1000);

    clock.advance(1000);
    const second = await rejection(restarted().unlock('still wrong'));
    expect(second.retryAt).toBe(clock.time + 2000);
    clock.advance(2000);
    expect((await restarted().unlock(PASSWORD)).status).toBe('unlocked');
    expect(await db.get('meta', 'unlockAttempts')).toBeUndefined();
  });

  it('grows the delay up to five minutes', () => {
    expect([1, 2, 3, 4, 10, 50].map(delayAfterFailures)).toEqual([1000, 2000, 4000, 8000, 300_000, 300_000]);
  });

  it('comes back unlocked after the background restarts, from the session alone', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    const again = restarted();
    expect((await again.view()).status).toBe('unlocked');
    expect((await again.addAccount()).accounts.map((a) => a.address)).toEqual([
      '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    ]);
  });

  it('auto-locks when the alarm fires after the idle time, and not before', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    await wallet.setAutoLock(1);
    expect(timer.when).toBe(clock.time + 60_000);
    clock.advance(30_000);
    await wallet.touch();
    clock.advance(40_000);
    await wallet.onLockAlarm();
    expect((await wallet.view()).status).toBe('unlocked');
    expect(timer.when).toBe(clock.time + 20_000);
    clock.advance(20_000);
    await wallet.onLockAlarm();
    expect((await wallet.view()).status).toBe('locked');
    expect(session.current).toBeUndefined();
  });

  it('locks on the next look after the idle time even if the alarm never fired', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    clock.advance(15 * 60_000);
    expect((await restarted().view()).status).toBe('locked');
  });

  it('refuses auto-lock settings outside 1 minute to 24 hours', async () => {
    for (const minutes of [0, -5, 1441, 1.5]) expect((await rejection(wallet.setAutoLock(minutes))).code).toBe('invalid-params');
    expect((await wallet.setAutoLock(1440)).autoLockMinutes).toBe(1440);
  });

  it('renames accounts and refuses unknown ones and over-long names', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    expect((await wallet.renameAccount(0, '  Main holdings ')).accounts[0]?.name).toBe('Main holdings');
    expect((await rejection(wallet.renameAccount(3, 'x'))).code).toBe('invalid-params');
    expect((await rejection(wallet.renameAccount(0, 'x'.repeat(41)))).code).toBe('invalid-params');
  });

  it('reveals the phrase only with the password', async () => {
    await wallet.create({ phrase: `  ${ANVIL_PHRASE}  `, wordlist: 'english', password: PASSWORD });
    expect(await wallet.revealPhrase(PASSWORD)).toEqual({ phrase: ANVIL_PHRASE, wordlist: 'english' });
    expect((await rejection(wallet.revealPhrase('nope nope nope'))).code).toBe('wrong-password');
  });

  it('changes the password: the new one opens the vault and the old one no longer does', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    expect((await rejection(wallet.changePassword(PASSWORD, 'short'))).code).toBe('invalid-params');
    await wallet.changePassword(PASSWORD, 'another long password');
    await wallet.lock();
    expect((await rejection(wallet.unlock(PASSWORD))).code).toBe('wrong-password');
    clock.advance(1000);
    expect((await wallet.unlock('another long password')).status).toBe('unlocked');
  });

  it('refuses invalid phrases, short passwords and a second wallet', async () => {
    expect((await rejection(wallet.create({ phrase: 'test '.repeat(12), wordlist: 'english', password: PASSWORD }))).message).toMatch(/checksum/);
    expect((await rejection(wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: 'short' }))).code).toBe('invalid-params');
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    expect((await rejection(wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD }))).code).toBe('wrong-state');
  });

  it('a BIP-39 passphrase gives a different wallet', async () => {
    const view = await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD, passphrase: 'extra' });
    expect(view.accounts[0]?.address).not.toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
  });

  it('reports a damaged vault record, leaves it as it was, and keeps it aside when the user restores', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    await wallet.lock();
    const damaged = { schema: 1, record: 'garbage' };
    await db.put('vault', damaged, 'current');
    expect(await wallet.view()).toMatchObject({ status: 'locked', vaultDamaged: true });
    expect((await rejection(wallet.unlock(PASSWORD))).code).toBe('vault-damaged');
    expect(await db.get('vault', 'current')).toEqual(damaged);

    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    expect(await db.get('vault', `damaged-${clock.time}`)).toEqual(damaged);
  });

  it('flags a record whose parameters were edited out of range as damaged before any unlock, and keeps it aside on restore', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    await wallet.lock();
    const stored = await db.get('vault', 'current') as { record: { kdf: { iterations: number } } };
    stored.record.kdf.iterations = 1e12;
    await db.put('vault', stored, 'current');
    expect(await wallet.view()).toMatchObject({ status: 'locked', vaultDamaged: true });
    clock.advance(5);
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    expect(await db.get('vault', `damaged-${clock.time}`)).toEqual(stored);
  });

  it('says the password is wrong (or the record changed) when the ciphertext was edited, and leaves it', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    await wallet.lock();
    const stored = await db.get('vault', 'current') as { record: { ciphertext: string } };
    stored.record.ciphertext = `AAAA${stored.record.ciphertext.slice(4)}`;
    await db.put('vault', stored, 'current');
    expect((await rejection(wallet.unlock(PASSWORD))).code).toBe('wrong-password');
    expect(await db.get('vault', 'current')).toEqual(stored);
  });

  it('removes the wallet and its accounts but keeps the settings', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    await wallet.setAutoLock(5);
    expect(await wallet.remove()).toMatchObject({ status: 'none', autoLockMinutes: 5 });
    expect(await db.getAll('accounts')).toEqual([]);
    expect(session.current).toBeUndefined();
  });

  it('removes the cached holdings with the wallet (they name its accounts), keeping networks and tokens', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    await db.put('holdings', { schema: 1, chainId: '0x7a69', rows: [{ token: '0x5FbDB2315678afecb367f032d93F642f64180aa3', account: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', balance: '1' }], votesTokens: [] });
    await db.put('tokens', { chainId: '0x7a69', address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', name: 'Acme', symbol: 'ACME', decimals: 18, addedAt: 0 });
    await wallet.remove();
    expect(await db.getAll('holdings')).toEqual([]);
    expect(await db.getAll('tokens')).toHaveLength(1);
  });

  it('derives an account\'s address without adding it, and adds a given set of indexes, gaps allowed', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    // anvil's account 9 (m/44'/60'/0'/0/9), the registry's company in the tests.
    expect(await wallet.deriveAddress(9)).toBe('0xa0Ee7A142d267C1f36714E4a8F75612F20a79720');
    expect((await wallet.accounts()).map((account) => account.index)).toEqual([0]);
    expect(await wallet.addAccounts([26, 0, 7, 7])).toEqual([7, 26]);
    expect(await wallet.accounts()).toEqual([
      { index: 0, name: '', address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' },
      { index: 7, name: '', address: '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955' },
      { index: 26, name: '', address: await wallet.deriveAddress(26) },
    ]);
    // The next added account follows the highest index.
    expect((await wallet.addAccount()).accounts.at(-1)?.index).toBe(27);
  });

  it('signs a digest for one of its accounts, and refuses another address or a locked wallet', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    const digest = hashPersonalMessage('Hello!');
    const signature = await wallet.signDigest('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266', digest);
    expect(recoverDigestSigner(digest, signature)).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect((await rejection(wallet.signDigest('0x70997970C51812dc3A010C7d01b50e0d17dc79C8', digest))).code).toBe('invalid-params');
    await wallet.lock();
    expect((await rejection(wallet.signDigest('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', digest))).code).toBe('wrong-state');
  });

  it('signs a checked transaction for one of its accounts, and refuses another address or a locked wallet', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    const transaction = checkTransaction({
      type: 'eip1559', chainId: 31337n, nonce: 0n, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: 1n, gas: 21000n,
      maxFeePerGas: 2_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n,
    });
    const signed = await wallet.signTransaction('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266', transaction);
    expect(recoverTransactionSender(signed.raw)).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect((await rejection(wallet.signTransaction('0x70997970C51812dc3A010C7d01b50e0d17dc79C8', transaction))).code).toBe('invalid-params');
    await wallet.lock();
    expect((await rejection(wallet.signTransaction('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', transaction))).code).toBe('wrong-state');
  });

  it('offers signing operations and no way to take a key out', () => {
    expect(Object.keys(wallet).filter((name) => /key|seed|secret/i.test(name))).toEqual([]);
  });

  it('refuses account changes while locked', async () => {
    await wallet.create({ phrase: ANVIL_PHRASE, wordlist: 'english', password: PASSWORD });
    await wallet.lock();
    expect((await rejection(wallet.addAccount())).code).toBe('wrong-state');
    expect((await rejection(wallet.addAccounts([1]))).code).toBe('wrong-state');
    expect((await rejection(wallet.deriveAddress(1))).code).toBe('wrong-state');
    expect((await rejection(wallet.accounts())).code).toBe('wrong-state');
  });
});
