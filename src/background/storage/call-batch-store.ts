// Reads and writes of the 'callBatches' store (migration 6): the EIP-5792 batches sites sent, by origin and id.
import type { WalletDatabase } from './database';
import type { StoredCallBatch } from './schema';

export function readCallBatch(db: WalletDatabase, origin: string, id: string): Promise<StoredCallBatch | undefined> {
  return db.get('callBatches', [origin, id]);
}

export async function putCallBatch(db: WalletDatabase, batch: StoredCallBatch): Promise<void> {
  await db.put('callBatches', batch);
}
