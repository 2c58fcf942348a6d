// Reads and writes of the cached holdings. A write keeps only rows of tokens and accounts that still
// exist when it lands (checked in the same transaction), so a refresh that finishes after a token was
// removed or the wallet was removed does not bring their figures back.
//
// The records are also kept in the background's memory once read: the popup asks for them on every open,
// and reading and decoding a thousand rows from IndexedDB was most of that answer's time. Every write to
// the store goes through holdingsWrite (this module's writers, and removeWallet's clear). A write drops
// the copy while it runs; when it commits, the copy it started from (if no other write was under way
// then) gets the record it wrote, since a refresh at every popup open must not cost the next open a disk
// read. Otherwise the copy stays dropped until the next read. A read that overlaps a write is ordered against
// it by IndexedDB (transactions on one store run in the order they were created), so what it keeps is
// the state before the write, which the write's end replaces or drops, or the state after it.
import type { WalletDatabase } from './database';
import type { StoredChainHoldings, StoredHoldingRow, StoredRegisterToken } from './schema';

interface Memory {
  records: readonly StoredChainHoldings[] | undefined;
  /** Writes begun and not yet ended. */
  writing: number;
}

const memories = new WeakMap<WalletDatabase, Memory>();

function memoryOf(db: WalletDatabase): Memory {
  let memory = memories.get(db);
  if (memory === undefined) {
    memory = { records: undefined, writing: 0 };
    memories.set(db, memory);
  }
  return memory;
}

/**
 * Runs `write`, which changes the 'holdings' store in one transaction and resolves, once that committed,
 * with the network's record as it now stands (undefined when it cannot say, e.g. after clearing the store).
 */
export async function holdingsWrite(db: WalletDatabase, write: () => Promise<StoredChainHoldings | undefined>): Promise<void> {
  const memory = memoryOf(db);
  // With another write under way, the copy may be about to go stale (or be a read from before it), so it
  // is no base to build on.
  const before = memory.writing === 0 ? memory.records : undefined;
  memory.writing++;
  memory.records = undefined;
  let written: StoredChainHoldings | undefined;
  try {
    written = await write();
  } finally {
    memory.writing--;
    memory.records = before !== undefined && written !== undefined
      ? [...before.filter((record) => record.chainId !== written?.chainId), written]
      : undefined;
  }
}

/** What one successful refresh of a network read. */
export interface ChainReading {
  asOf: { blockNumber: string; blockTime: number; fetchedAt: number };
  rows: StoredHoldingRow[];
  votesTokens: string[];
  supplies: Record<string, string>;
  /** The restricted tokens among them; their rows carry the register's facts. */
  registerTokens: StoredRegisterToken[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function emptyRecord(chainId: string): StoredChainHoldings {
  return { schema: 1, chainId, rows: [], votesTokens: [] };
}

/** Every network's cached record; shared with later reads, so callers must not change it. */
export async function readAllHoldings(db: WalletDatabase): Promise<readonly StoredChainHoldings[]> {
  const memory = memoryOf(db);
  if (memory.records !== undefined) return memory.records;
  const records = await db.getAll('holdings');
  memory.records = records;
  return records;
}

/** Replaces a network's cached figures with a successful reading, and clears its problem. */
export function writeReading(db: WalletDatabase, chainId: string, reading: ChainReading): Promise<void> {
  return holdingsWrite(db, async () => {
    const tx = db.transaction(['holdings', 'tokens', 'accounts'], 'readwrite');
    const tokens = (await tx.objectStore('tokens').getAll()).filter((token) => token.chainId === chainId).map((token) => token.address);
    const accounts = (await tx.objectStore('accounts').getAll()).map((account) => account.address);
    const kept = (address: string, among: string[]) => among.some((candidate) => same(candidate, address));
    const record: StoredChainHoldings = {
      schema: 1, chainId, asOf: reading.asOf,
      rows: reading.rows.filter((row) => kept(row.token, tokens) && kept(row.account, accounts)),
      votesTokens: reading.votesTokens.filter((token) => kept(token, tokens)),
      supplies: Object.fromEntries(Object.entries(reading.supplies).filter(([token]) => kept(token, tokens))),
      registerTokens: reading.registerTokens.filter((register) => kept(register.token, tokens)),
    };
    await tx.objectStore('holdings').put(record);
    await tx.done;
    return record;
  });
}

/** Records why a network's refresh failed, keeping its cached figures. */
export function writeProblem(db: WalletDatabase, chainId: string, problem: { message: string; at: number }): Promise<void> {
  return holdingsWrite(db, async () => {
    const tx = db.transaction('holdings', 'readwrite');
    const record = { ...((await tx.store.get(chainId)) ?? emptyRecord(chainId)), problem };
    await tx.store.put(record);
    await tx.done;
    return record;
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
    const stored = await holdings.get(chainId);
    const record = stored === undefined ? undefined : {
      ...stored,
      rows: stored.rows.filter((row) => !same(row.token, address)),
      votesTokens: stored.votesTokens.filter((token) => !same(token, address)),
      supplies: Object.fromEntries(Object.entries(stored.supplies ?? {}).filter(([token]) => !same(token, address))),
      ...(stored.registerTokens === undefined ? {} : { registerTokens: stored.registerTokens.filter((register) => !same(register.token, address)) }),
    };
    if (record !== undefined) await holdings.put(record);
    await tx.done;
    return record;
  });
}
