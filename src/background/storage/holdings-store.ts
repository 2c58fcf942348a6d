// Reads and writes of the cached holdings. A write keeps only rows of tokens and accounts that still
// exist when it lands (checked in the same transaction), so a refresh that finishes after a token was
// removed or the wallet was removed does not bring their figures back.
//
// The records are also kept in the background's memory once read: the popup asks for them on every open,
// and reading and decoding a thousand rows from IndexedDB was most of that answer's time. Every write to
// the store goes through holdingsWrite (this module's writers, and removeWallet's clear), which drops the
// copy as it starts and again as it ends. A read that overlaps a write is ordered against it by
// IndexedDB (transactions on the same store run in the order they were created), so what it keeps is
// either the state before the write, dropped when the write ends, or the state after it.
import type { WalletDatabase } from './database';
import type { StoredChainHoldings, StoredHoldingRow } from './schema';

const inMemory = new WeakMap<WalletDatabase, readonly StoredChainHoldings[]>();

/** Runs `write`, which changes the 'holdings' store, keeping the in-memory copy honest whatever it does. */
export async function holdingsWrite<T>(db: WalletDatabase, write: () => Promise<T>): Promise<T> {
  inMemory.delete(db);
  try {
    return await write();
  } finally {
    inMemory.delete(db);
  }
}

/** What one successful refresh of a network read. */
export interface ChainReading {
  asOf: { blockNumber: string; blockTime: number; fetchedAt: number };
  rows: StoredHoldingRow[];
  votesTokens: string[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function emptyRecord(chainId: string): StoredChainHoldings {
  return { schema: 1, chainId, rows: [], votesTokens: [] };
}

/** Every network's cached record; shared with later reads, so callers must not change it. */
export async function readAllHoldings(db: WalletDatabase): Promise<readonly StoredChainHoldings[]> {
  const kept = inMemory.get(db);
  if (kept !== undefined) return kept;
  const records = await db.getAll('holdings');
  inMemory.set(db, records);
  return records;
}

/** Replaces a network's cached figures with a successful reading, and clears its problem. */
export function writeReading(db: WalletDatabase, chainId: string, reading: ChainReading): Promise<void> {
  return holdingsWrite(db, async () => {
    const tx = db.transaction(['holdings', 'tokens', 'accounts'], 'readwrite');
    const tokens = (await tx.objectStore('tokens').getAll()).filter((token) => token.chainId === chainId).map((token) => token.address);
    const accounts = (await tx.objectStore('accounts').getAll()).map((account) => account.address);
    const kept = (address: string, among: string[]) => among.some((candidate) => same(candidate, address));
    await tx.objectStore('holdings').put({
      schema: 1, chainId, asOf: reading.asOf,
      rows: reading.rows.filter((row) => kept(row.token, tokens) && kept(row.account, accounts)),
      votesTokens: reading.votesTokens.filter((token) => kept(token, tokens)),
    });
    await tx.done;
  });
}

/** Records why a network's refresh failed, keeping its cached figures. */
export function writeProblem(db: WalletDatabase, chainId: string, problem: { message: string; at: number }): Promise<void> {
  return holdingsWrite(db, async () => {
    const tx = db.transaction('holdings', 'readwrite');
    const record = (await tx.store.get(chainId)) ?? emptyRecord(chainId);
    await tx.store.put({ ...record, problem });
    await tx.done;
  });
}

/** Forgets a token and its cached rows, in one transaction. */
export function removeTokenAndRows(db: WalletDatabase, chainId: string, address: string): Promise<void> {
  return holdingsWrite(db, async () => {
    const tx = db.transaction(['tokens', 'holdings'], 'readwrite');
    const tokens = tx.objectStore('tokens');
    for (const token of await tokens.getAll()) {
      if (token.chainId === chainId && same(token.address, address)) await tokens.delete([token.chainId, token.address]);
    }
    const holdings = tx.objectStore('holdings');
    const record = await holdings.get(chainId);
    if (record !== undefined) {
      await holdings.put({
        ...record,
        rows: record.rows.filter((row) => !same(row.token, address)),
        votesTokens: record.votesTokens.filter((token) => !same(token, address)),
      });
    }
    await tx.done;
  });
}
