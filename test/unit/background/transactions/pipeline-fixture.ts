// The transaction pipeline over a fake node and fake-indexeddb, signing with anvil's first test key (public,
// never for real shares) the way the wallet service does, for the unit tests of nonces, preparation and sending.
import { encodeFunctionData, erc20Abi } from 'viem';
import { signTransaction } from '../../../../src/core';
import { hexToBytes } from '../../../../src/core/bytes';
import type { TransactionDraft } from '../../../../src/background/services/transaction-preparation';
import { createTransactionPipeline } from '../../../../src/background/services/transaction-pipeline';
import type { WalletDatabase } from '../../../../src/background/storage/database';
import type { StoredTransaction } from '../../../../src/background/storage/schema';
import { freshDatabase } from '../../../helpers/background-fakes';
import { createFakeNode, type FakeNode } from './fake-node';

export const KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
export const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const CHAIN_ID = '0x7a69';
export const RPC = 'http://127.0.0.1:8545';

export function draft(fields: Partial<TransactionDraft> = {}): TransactionDraft {
  return {
    chainId: CHAIN_ID, from: ALICE, to: BOB, value: 1000n, data: '0x', gas: undefined, nonce: undefined, type: undefined, suggestedFees: undefined,
    ...fields,
  };
}

export function tokenTransfer(to: string, amount: bigint): `0x${string}` {
  return encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to as `0x${string}`, amount] });
}

export async function addChain(db: WalletDatabase): Promise<void> {
  await db.put('chains', {
    chainId: CHAIN_ID, name: 'Acme Registry Chain', rpcUrl: RPC, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined, addedAt: 0,
  });
}

/** A pipeline over `db` (a fresh one unless given, to play a background restart over the same data). */
export async function pipelineFixture(opts: { db?: WalletDatabase; node?: FakeNode; onSent?: (stored: StoredTransaction) => void } = {}) {
  const db = opts.db ?? await freshDatabase();
  if (opts.db === undefined) await addChain(db);
  const node = opts.node ?? createFakeNode(RPC);
  const sent: StoredTransaction[] = [];
  const signed: string[] = [];
  const pipeline = createTransactionPipeline({
    db, rpc: node.client,
    chains: { get: (chainId) => db.get('chains', chainId) },
    tokens: {
      lookup: () => Promise.resolve((_chainId, address) => (address.toLowerCase() === TOKEN.toLowerCase()
        ? { name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18, totalSupply: undefined } : undefined)),
    },
    wallet: {
      accounts: () => Promise.resolve([{ address: ALICE }]),
      signTransaction: (address, transaction) => {
        signed.push(address);
        return Promise.resolve(signTransaction(hexToBytes(KEY), transaction));
      },
    },
    onSent: opts.onSent ?? ((stored) => { sent.push(stored); }),
    now: () => 1_800_000_000_000,
  });
  return { db, node, pipeline, sent, signed };
}
