import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openWalletDatabase } from '../../../src/background/storage/database';
import { DATABASE_VERSION, migrations } from '../../../src/background/storage/migrations';
import type { WalletSchema } from '../../../src/background/storage/schema';

describe('storage migrations', () => {
  it('numbers the database version after the migrations, one per version', () => {
    expect(DATABASE_VERSION).toBe(migrations.length);
  });

  it('migration 1 creates the vault, accounts (keyed by index) and meta stores', async () => {
    const db = await openDB<WalletSchema>('migration-001', 1, {
      upgrade(upgrading, _old, _new, transaction) { migrations[0]?.(upgrading, transaction); },
    });
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'meta', 'vault']);
    expect(db.transaction('accounts').store.keyPath).toBe('index');
    expect(db.transaction('vault').store.keyPath).toBeNull();
    db.close();
  });

  it('migration 2 adds the sites\' permissions (keyed by origin) and the activity log (indexed by time)', async () => {
    const db = await openDB<WalletSchema>('migration-002', 2, {
      upgrade(upgrading, oldVersion, _new, transaction) {
        for (let version = oldVersion; version < 2; version++) migrations[version]?.(upgrading, transaction);
      },
    });
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'activity', 'meta', 'permissions', 'vault']);
    expect(db.transaction('permissions').store.keyPath).toBe('origin');
    expect([...db.transaction('activity').store.indexNames]).toEqual(['time']);
    db.close();
  });

  it('migration 3 adds the added networks (keyed by chain id) and the shown tokens (keyed by chain and address)', async () => {
    const db = await openDB<WalletSchema>('migration-003', 3, {
      upgrade(upgrading, oldVersion, _new, transaction) {
        for (let version = oldVersion; version < 3; version++) migrations[version]?.(upgrading, transaction);
      },
    });
    expect(db.transaction('chains').store.keyPath).toBe('chainId');
    expect(db.transaction('tokens').store.keyPath).toEqual(['chainId', 'address']);
    db.close();
  });

  it('migration 4 adds the cached holdings, one record per network (keyed by chain id)', async () => {
    const db = await openDB<WalletSchema>('migration-004', 4, {
      upgrade(upgrading, oldVersion, _new, transaction) {
        for (let version = oldVersion; version < 4; version++) migrations[version]?.(upgrading, transaction);
      },
    });
    expect(db.transaction('holdings').store.keyPath).toBe('chainId');
    db.close();
  });

  it('migration 5 adds the sent transactions (keyed by hash), indexed by network and account and by status', async () => {
    const db = await openDB<WalletSchema>('migration-005', 5, {
      upgrade(upgrading, oldVersion, _new, transaction) {
        for (let version = oldVersion; version < 5; version++) migrations[version]?.(upgrading, transaction);
      },
    });
    const store = db.transaction('transactions').store;
    expect(store.keyPath).toBe('hash');
    expect([...store.indexNames].sort()).toEqual(['account', 'status']);
    expect(store.index('account').keyPath).toEqual(['chainId', 'from']);
    db.close();
  });

  it('migration 6 adds the EIP-5792 batches, keyed by the site\'s origin and the batch id', async () => {
    const db = await openDB<WalletSchema>('migration-006', 6, {
      upgrade(upgrading, oldVersion, _new, transaction) {
        for (let version = oldVersion; version < 6; version++) migrations[version]?.(upgrading, transaction);
      },
    });
    expect(db.transaction('callBatches').store.keyPath).toEqual(['origin', 'id']);
    db.close();
  });

  it('upgrades a version 5 database, keeping what it holds, to one with no batches yet', async () => {
    const v5 = await openDB<WalletSchema>('migration-upgrade-5', 5, {
      upgrade(upgrading, oldVersion, _new, transaction) {
        for (let version = oldVersion; version < 5; version++) migrations[version]?.(upgrading, transaction);
      },
    });
    await v5.put('meta', 15, 'autoLockMinutes');
    v5.close();
    const upgraded = await openWalletDatabase('migration-upgrade-5');
    expect(await upgraded.get('meta', 'autoLockMinutes')).toBe(15);
    expect(await upgraded.getAll('callBatches')).toEqual([]);
    upgraded.close();
  });

  it('migration 7 adds what each share token is to the register check (keyed by chain and address)', async () => {
    const db = await openDB<WalletSchema>('migration-007', 7, {
      upgrade(upgrading, oldVersion, _new, transaction) {
        for (let version = oldVersion; version < 7; version++) migrations[version]?.(upgrading, transaction);
      },
    });
    expect(db.transaction('registers').store.keyPath).toEqual(['chainId', 'address']);
    db.close();
  });

  it('upgrades a version 6 database with its tokens to one that has yet to probe them for a register', async () => {
    const v6 = await openDB<WalletSchema>('migration-upgrade-6', 6, {
      upgrade(upgrading, oldVersion, _new, transaction) {
        for (let version = oldVersion; version < 6; version++) migrations[version]?.(upgrading, transaction);
      },
    });
    const token = { chainId: '0x7a69', address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', name: 'Acme', symbol: 'ACME', decimals: 18, addedAt: 1 };
    await v6.put('tokens', token);
    v6.close();
    const upgraded = await openWalletDatabase('migration-upgrade-6');
    expect(await upgraded.getAll('tokens')).toEqual([token]);
    expect(await upgraded.getAll('registers')).toEqual([]);
    upgraded.close();
  });

  it('migration 8 adds the governors (keyed by chain and address) and their proposals (keyed by chain, governor and id, indexed by governor)', async () => {
    const db = await openDB<WalletSchema>('migration-008', 8, {
      upgrade(upgrading, oldVersion, _new, transaction) {
        for (let version = oldVersion; version < 8; version++) migrations[version]?.(upgrading, transaction);
      },
    });
    expect(db.transaction('governors').store.keyPath).toEqual(['chainId', 'address']);
    const proposals = db.transaction('proposals').store;
    expect(proposals.keyPath).toEqual(['chainId', 'governor', 'id']);
    expect(proposals.index('governor').keyPath).toEqual(['chainId', 'governor']);
    db.close();
  });

  it('upgrades a version 7 database with its networks to one that knows no governor yet', async () => {
    const v7 = await openDB<WalletSchema>('migration-upgrade-7', 7, {
      upgrade(upgrading, oldVersion, _new, transaction) {
        for (let version = oldVersion; version < 7; version++) migrations[version]?.(upgrading, transaction);
      },
    });
    const chain = { chainId: '0x7a69', name: 'Acme', rpcUrl: 'http://127.0.0.1:8545', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined, addedAt: 1 };
    await v7.put('chains', chain);
    v7.close();
    const upgraded = await openWalletDatabase('migration-upgrade-7');
    expect(await upgraded.getAll('chains')).toEqual([chain]);
    expect(await upgraded.getAll('governors')).toEqual([]);
    expect(await upgraded.getAll('proposals')).toEqual([]);
    upgraded.close();
  });

  it('upgrades a version 3 database with its networks and tokens to one with an empty holdings cache', async () => {
    const v3 = await openDB<WalletSchema>('migration-upgrade-3', 3, {
      upgrade(upgrading, oldVersion, _new, transaction) {
        for (let version = oldVersion; version < 3; version++) migrations[version]?.(upgrading, transaction);
      },
    });
    const token = { chainId: '0x7a69', address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', name: 'Acme', symbol: 'ACME', decimals: 18, addedAt: 1 };
    await v3.put('tokens', token);
    v3.close();
    const upgraded = await openWalletDatabase('migration-upgrade-3');
    expect(await upgraded.getAll('tokens')).toEqual([token]);
    expect(await upgraded.getAll('holdings')).toEqual([]);
    upgraded.close();
  });

  it('upgrades a version 1 database to the current version, keeping its wallet', async () => {
    const v1 = await openDB<WalletSchema>('migration-upgrade', 1, {
      upgrade(upgrading, _old, _new, transaction) { migrations[0]?.(upgrading, transaction); },
    });
    await v1.put('accounts', { index: 0, name: 'Main', address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' });
    v1.close();
    const upgraded = await openWalletDatabase('migration-upgrade');
    expect(await upgraded.getAll('accounts')).toEqual([{ index: 0, name: 'Main', address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' }]);
    expect(upgraded.objectStoreNames.contains('permissions')).toBe(true);
    upgraded.close();
  });

  it('opens an existing database at its version without losing records', async () => {
    const first = await openWalletDatabase('migration-reopen');
    await first.put('meta', 5, 'autoLockMinutes');
    first.close();
    const again = await openWalletDatabase('migration-reopen');
    expect(await again.get('meta', 'autoLockMinutes')).toBe(5);
    expect(again.version).toBe(DATABASE_VERSION);
    again.close();
  });
});
