// The wallet state machine: no wallet → locked → unlocked. The only holder of key material: the seed
// lives in this closure and in the session store while unlocked, and nowhere once locked.
import {
  createAccountDeriver, decryptVault, encryptVault, findMnemonicProblem, mnemonicToSeed, normalizeMnemonic, signDigest,
  signTransaction, VaultOpenError, vaultNeedsUpgrade, type CheckedTransaction, type DerivedAccount, type SignedTransaction,
  type WordlistName,
} from '../../core';
import { bytesToHex, hexToBytes } from '../../core/bytes';
import { DEFAULT_AUTO_LOCK_MINUTES, MAX_ACCOUNT_NAME_LENGTH, MIN_PASSWORD_LENGTH, type WalletView } from '../../protocol/private';
import { WalletError } from '../errors';
import type { LockTimer } from '../platform/lock-timer';
import type { SessionStore } from '../platform/session';
import type { WalletDatabase } from '../storage/database';
import type { StoredAccount, StoredVault } from '../storage/schema';
import {
  putAccount, readAccounts, readMeta, readVault, removeWallet, replaceVaultRecord, writeMeta, writeNewWallet,
} from '../storage/wallet-store';
import { createPasswordGate } from './unlock-throttle';

export interface WalletDeps {
  db: WalletDatabase;
  session: SessionStore;
  lockTimer: LockTimer;
  now: () => number;
}

/** What the vault encrypts. */
interface VaultSecret {
  phrase: string;
  passphrase: string;
}

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new WalletError('invalid-params', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

function parseSecret(plaintext: Uint8Array): VaultSecret {
  const parsed = JSON.parse(textDecoder.decode(plaintext)) as Partial<VaultSecret>;
  if (typeof parsed.phrase !== 'string' || typeof parsed.passphrase !== 'string') {
    throw new WalletError('vault-damaged', 'the vault opened but does not hold a recovery phrase');
  }
  return { phrase: parsed.phrase, passphrase: parsed.passphrase };
}

export function createWalletService(deps: WalletDeps) {
  const { db, session, lockTimer, now } = deps;
  let seed: Uint8Array | undefined;
  let deriver: ((index: number) => DerivedAccount) | undefined;
  // Unlock, reveal-phrase and change-password share one queue: parallel guesses wait for each other.
  const passwordChecks = createPasswordGate({ db, now });

  async function autoLockMinutes(): Promise<number> {
    return (await readMeta(db, 'autoLockMinutes')) ?? DEFAULT_AUTO_LOCK_MINUTES;
  }

  async function lock(): Promise<void> {
    seed = undefined;
    deriver = undefined;
    await session.clear();
    await lockTimer.cancel();
  }

  /**
   * The seed while unlocked; picks the session up again after the background was stopped. `minutes`: the
   * auto-lock setting, when the caller reads it anyway.
   */
  async function unlockedSeed(minutes: Promise<number> = autoLockMinutes()): Promise<Uint8Array | undefined> {
    // Both at once: each is a round trip out of the background, and every popup open waits on this.
    const [stored, lockMinutes] = await Promise.all([session.get(), minutes]);
    if (stored === undefined) {
      seed = undefined;
      return undefined;
    }
    if (now() >= stored.lastActivity + lockMinutes * 60_000) {
      await lock();
      return undefined;
    }
    seed ??= hexToBytes(`0x${stored.seed}`);
    return seed;
  }

  async function requireSeed(): Promise<Uint8Array> {
    const current = await unlockedSeed();
    if (current === undefined) throw new WalletError('wrong-state', 'the wallet is locked');
    return current;
  }

  /** The private key of one of the wallet's accounts: only for the signing operations below, never returned. */
  async function privateKeyOf(address: string): Promise<Uint8Array> {
    const current = await requireSeed();
    const account = (await readAccounts(db)).find((candidate) => candidate.address.toLowerCase() === address.toLowerCase());
    if (account === undefined) throw new WalletError('invalid-params', `${address} is not an account of this wallet`);
    deriver ??= createAccountDeriver(current);
    return deriver(account.index).privateKey;
  }

  async function startSession(newSeed: Uint8Array): Promise<void> {
    seed = newSeed;
    deriver = undefined;
    await session.set({ seed: bytesToHex(newSeed).slice(2), lastActivity: now() });
    await lockTimer.schedule(now() + (await autoLockMinutes()) * 60_000);
  }

  /** Opens the vault with `password`, counting wrong passwords; call it inside `passwordChecks.serialize`. */
  async function openVault(password: string): Promise<{ vault: StoredVault; secret: VaultSecret }> {
    const state = await readVault(db);
    if (state.kind === 'none') throw new WalletError('wrong-state', 'there is no wallet yet');
    if (state.kind === 'damaged') throw new WalletError('vault-damaged', 'the stored vault record is damaged');
    try {
      const secret = await passwordChecks.attempt(async () => parseSecret(await decryptVault(state.vault.record, password)));
      return { vault: state.vault, secret };
    } catch (error) {
      if (error instanceof VaultOpenError && error.reason === 'malformed') {
        throw new WalletError('vault-damaged', `the stored vault record is damaged: ${error.message}`);
      }
      throw error;
    }
  }

  async function view(): Promise<WalletView> {
    // All reads at once rather than one after another: the popup's first screen waits on this answer.
    const lockMinutes = autoLockMinutes();
    const [state, attempts, minutes, unlocked, stored] = await Promise.all([
      readVault(db), readMeta(db, 'unlockAttempts'), lockMinutes, unlockedSeed(lockMinutes), readAccounts(db),
    ]);
    const blocked = attempts !== undefined && now() < attempts.blockedUntil ? { unlockBlockedUntil: attempts.blockedUntil } : {};
    const base = { autoLockMinutes: minutes, ...blocked };
    if (state.kind === 'none') return { status: 'none', accounts: [], ...base };
    if (state.kind === 'damaged') return { status: 'locked', accounts: [], vaultDamaged: true, ...base };
    if (unlocked === undefined) return { status: 'locked', accounts: [], ...base };
    return { status: 'unlocked', accounts: stored.sort((a, b) => a.index - b.index), ...base };
  }

  return {
    view,
    lock: async () => { await lock(); return view(); },

    /** Called on every request from the user: pushes the auto-lock back. */
    async touch(): Promise<void> {
      const stored = await session.get();
      if (stored === undefined) return;
      await session.set({ ...stored, lastActivity: now() });
      await lockTimer.schedule(now() + (await autoLockMinutes()) * 60_000);
    },

    /** The auto-lock alarm fired: lock when idle long enough, else schedule again. */
    async onLockAlarm(): Promise<void> {
      const stored = await session.get();
      if (stored === undefined) return;
      const due = stored.lastActivity + (await autoLockMinutes()) * 60_000;
      if (now() >= due) await lock();
      else await lockTimer.schedule(due);
    },

    async create(params: { phrase: string; wordlist: WordlistName; password: string; passphrase?: string }): Promise<WalletView> {
      const state = await readVault(db);
      if (state.kind === 'ok') throw new WalletError('wrong-state', 'a wallet already exists; remove it before creating another');
      const problem = findMnemonicProblem(params.phrase, params.wordlist);
      if (problem !== undefined) throw new WalletError('invalid-params', `the recovery phrase is not valid (${problem.kind})`);
      checkNewPassword(params.password);
      const secret: VaultSecret = { phrase: normalizeMnemonic(params.phrase), passphrase: params.passphrase ?? '' };
      const newSeed = await mnemonicToSeed(secret.phrase, secret.passphrase);
      const record = await encryptVault(textEncoder.encode(JSON.stringify(secret)), params.password);
      const first = createAccountDeriver(newSeed)(0);
      await writeNewWallet(db, { schema: 1, record, wordlist: params.wordlist, createdAt: now() }, [
        { index: 0, name: '', address: first.address },
      ]);
      await db.delete('meta', 'unlockAttempts');
      await startSession(newSeed);
      return view();
    },

    unlock: (password: string): Promise<WalletView> => passwordChecks.serialize(async () => {
      const { vault, secret } = await openVault(password);
      if (vaultNeedsUpgrade(vault.record)) {
        const record = await encryptVault(textEncoder.encode(JSON.stringify(secret)), password);
        await replaceVaultRecord(db, { ...vault, record });
      }
      await startSession(await mnemonicToSeed(secret.phrase, secret.passphrase));
      return view();
    }),

    async addAccount(): Promise<WalletView> {
      const current = await requireSeed();
      deriver ??= createAccountDeriver(current);
      const accounts = await readAccounts(db);
      const index = accounts.reduce((max, account) => Math.max(max, account.index), -1) + 1;
      await putAccount(db, { index, name: '', address: deriver(index).address });
      return view();
    },

    async renameAccount(index: number, name: string): Promise<WalletView> {
      await requireSeed();
      const account = (await readAccounts(db)).find((candidate) => candidate.index === index);
      if (account === undefined) throw new WalletError('invalid-params', `there is no account ${index}`);
      const trimmed = name.trim();
      if (trimmed.length > MAX_ACCOUNT_NAME_LENGTH) throw new WalletError('invalid-params', `a name has at most ${MAX_ACCOUNT_NAME_LENGTH} characters`);
      await putAccount(db, { ...account, name: trimmed });
      return view();
    },

    async setAutoLock(minutes: number): Promise<WalletView> {
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) {
        throw new WalletError('invalid-params', 'auto-lock must be 1 minute to 24 hours');
      }
      await writeMeta(db, 'autoLockMinutes', minutes);
      const stored = await session.get();
      if (stored !== undefined) await lockTimer.schedule(stored.lastActivity + minutes * 60_000);
      return view();
    },

    revealPhrase: (password: string): Promise<{ phrase: string; wordlist: WordlistName }> => passwordChecks.serialize(async () => {
      await requireSeed();
      const { vault, secret } = await openVault(password);
      return { phrase: secret.phrase, wordlist: vault.wordlist };
    }),

    changePassword: (oldPassword: string, newPassword: string): Promise<WalletView> => passwordChecks.serialize(async () => {
      await requireSeed();
      checkNewPassword(newPassword);
      const { vault, secret } = await openVault(oldPassword);
      const record = await encryptVault(textEncoder.encode(JSON.stringify(secret)), newPassword);
      await replaceVaultRecord(db, { ...vault, record });
      return view();
    }),

    /** The wallet's account addresses while unlocked, else an empty list. */
    async unlockedAddresses(): Promise<string[]> {
      if ((await unlockedSeed()) === undefined) return [];
      return (await readAccounts(db)).sort((a, b) => a.index - b.index).map((account) => account.address);
    },

    /**
     * The wallet's accounts in index order.
     * @throws WalletError wrong-state when locked.
     */
    async accounts(): Promise<StoredAccount[]> {
      const [, accounts] = await Promise.all([requireSeed(), readAccounts(db)]);
      return accounts.sort((a, b) => a.index - b.index);
    },

    /**
     * The address of account `index` (m/44'/60'/0'/0/index), derived without adding it: recovery discovery
     * looks at addresses before it knows which are used. Only the address leaves this service.
     * @throws WalletError wrong-state when locked; RangeError for an index outside 0 to 2^31-1.
     */
    async deriveAddress(index: number): Promise<string> {
      const current = await requireSeed();
      deriver ??= createAccountDeriver(current);
      return deriver(index).address;
    },

    /**
     * Adds the accounts with these indexes (gaps are fine: accounts are keyed by index) that the wallet
     * does not have yet, and returns the indexes it added, ascending.
     * @throws WalletError wrong-state when locked.
     */
    async addAccounts(indexes: readonly number[]): Promise<number[]> {
      const current = await requireSeed();
      deriver ??= createAccountDeriver(current);
      const known = new Set((await readAccounts(db)).map((account) => account.index));
      const added = [...new Set(indexes)].filter((index) => !known.has(index)).sort((a, b) => a - b);
      for (const index of added) await putAccount(db, { index, name: '', address: deriver(index).address });
      return added;
    },

    /**
     * Signs a 32-byte digest with one of the wallet's accounts, for a signature the user approved: r ‖ s ‖ v.
     * The key is derived here and never leaves this service (design.md, Signing and approvals).
     * @throws WalletError wrong-state when locked, invalid-params for an address that is not the wallet's.
     */
    async signDigest(address: string, digest: Uint8Array): Promise<`0x${string}`> {
      return signDigest(await privateKeyOf(address), digest);
    },

    /**
     * Signs a checked transaction the user approved, from one of the wallet's accounts: the raw bytes for
     * eth_sendRawTransaction and the hash. The key stays here, as for signDigest.
     * @throws WalletError wrong-state when locked, invalid-params for an address that is not the wallet's.
     */
    async signTransaction(address: string, transaction: CheckedTransaction): Promise<SignedTransaction> {
      return signTransaction(await privateKeyOf(address), transaction);
    },

    async remove(): Promise<WalletView> {
      await lock();
      await removeWallet(db);
      return view();
    },
  };
}

export type WalletService = ReturnType<typeof createWalletService>;
