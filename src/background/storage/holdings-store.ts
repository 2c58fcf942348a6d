// Reads and writes of the cached holdings. A write keeps only rows of tokens and accounts that still
// exist when it lands (checked in the same transaction), so a refresh that finishes after a token was
// removed or the wallet was removed does not bring their figures back.
import type { WalletDatabase } from './database';
import type { StoredChainHoldings, StoredHoldingRow } from './schema';

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

export function readAllHoldings(db: WalletDatabase): Promise<StoredChainHoldings[]> {
  return db.getAll('holdings');
}

/** Replaces a network's cached figures with a successful reading, and clears its problem. */
export async function writeReading(db: WalletDatabase, chainId: string, reading: ChainReading): Promise<void> {
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
}

/** Records why a network's refresh failed, keeping its cached figures. */
export async function writeProblem(db: WalletDatabase, chainId: string, problem: { message: string; at: number }): Promise<void> {
  const tx = db.transaction('holdings', 'readwrite');
  const record = (await tx.store.get(chainId)) ?? emptyRecord(chainId);
  await tx.store.put({ ...record, problem });
  await tx.done;
}

/** Forgets a token and its cached rows, in one transaction. */
export async function removeTokenAndRows(db: WalletDatabase, chainId: string, address: string): Promise<void> {
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
}
