import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WalletDatabase } from '../../../src/background/storage/database';
import { readAllHoldings, removeTokenAndRows, writeProblem, writeReading, type ChainReading } from '../../../src/background/storage/holdings-store';
import type { StoredChainHoldings } from '../../../src/background/storage/schema';
import { removeWallet } from '../../../src/background/storage/wallet-store';
import { freshDatabase } from '../../helpers/background-fakes';

const CHAIN = '0x7a69';
const OTHER_CHAIN = '0x1';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

function reading(balance: string): ChainReading {
  return { asOf: { blockNumber: '7', blockTime: 1, fetchedAt: 2 }, rows: [{ token: TOKEN, account: ACCOUNT, balance }], votesTokens: [], supplies: {}, registerTokens: [] };
}

/** A record written straight to IndexedDB, past this module: only a read that goes to the disk sees it. */
function behindItsBack(db: WalletDatabase, note: string): Promise<string> {
  const record: StoredChainHoldings = { schema: 1, chainId: CHAIN, rows: [], votesTokens: [], problem: { message: note, at: 0 } };
  return db.put('holdings', record);
}

const problemOf = async (db: WalletDatabase) => (await readAllHoldings(db))[0]?.problem?.message;

describe('cached holdings kept in the background memory', () => {
  let db: WalletDatabase;

  beforeEach(async () => {
    db = await freshDatabase();
    await db.put('tokens', { chainId: CHAIN, address: TOKEN, name: 'Acme', symbol: 'ACME', decimals: 18, addedAt: 0 });
    await db.put('accounts', { index: 0, address: ACCOUNT, name: '' });
    await writeReading(db, CHAIN, reading('1500'));
  });

  it('answers later reads from memory once the records were read', async () => {
    expect((await readAllHoldings(db))[0]?.rows[0]?.balance).toBe('1500');
    await behindItsBack(db, 'written past the store');
    expect(await problemOf(db)).toBeUndefined();
  });

  it('keeps the copy current through a refresh\'s figures or problem, without reading the disk again', async () => {
    await readAllHoldings(db);
    await writeReading(db, CHAIN, reading('1400'));
    await writeProblem(db, CHAIN, { message: 'the node did not answer', at: 3 });
    await behindItsBack(db, 'written past the store');
    expect((await readAllHoldings(db))[0]?.rows[0]?.balance).toBe('1400');
    expect(await problemOf(db)).toBe('the node did not answer');
  });

  it('keeps the copy current when a token is removed, and drops it when the wallet is removed', async () => {
    await readAllHoldings(db);
    await removeTokenAndRows(db, CHAIN, TOKEN);
    expect((await readAllHoldings(db))[0]?.rows).toEqual([]);
    await removeWallet(db);
    expect(await readAllHoldings(db)).toEqual([]);
  });

  it('does not keep what a read got while a write was under way', async () => {
    const overlapping = readAllHoldings(db);
    const writing = writeReading(db, CHAIN, reading('900'));
    await Promise.all([overlapping, writing]);
    await behindItsBack(db, 'seen only if nothing was kept');
    expect(await problemOf(db)).toBe('seen only if nothing was kept');
  });

  it('does not build on a copy read before a write that was still under way', async () => {
    // A read from before the first write lands in memory while that write runs; a second write on
    // another network, begun then, must not take it as the state it changes.
    await db.put('tokens', { chainId: OTHER_CHAIN, address: TOKEN, name: 'Acme', symbol: 'ACME', decimals: 18, addedAt: 0 });
    await writeReading(db, OTHER_CHAIN, reading('5'));
    const before = readAllHoldings(db);
    const first = writeReading(db, CHAIN, reading('900'));
    await before;
    const second = writeReading(db, OTHER_CHAIN, reading('6'));
    await Promise.all([first, second]);
    const balances = (await readAllHoldings(db)).map((record) => `${record.chainId} ${record.rows[0]?.balance ?? ''}`).sort();
    expect(balances).toEqual([`${OTHER_CHAIN} 6`, `${CHAIN} 900`]);
  });

  it('is the only way the background writes the holdings store', () => {
    // Every file that opens a read-write transaction on 'holdings' must do it inside holdingsWrite, and
    // nothing may use the one-call write helpers on it, or the memory copy could go stale.
    const dir = path.resolve('src/background');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.includes('migrations'));
    const offenders = files.filter((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const writesHoldings = /'holdings'[^;]*'readwrite'/.test(text);
      return /db\.(put|add|delete|clear)\('holdings'/.test(text) || (writesHoldings && !text.includes('holdingsWrite('));
    });
    expect(offenders).toEqual([]);
  });
});
