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
