// The register check's real service over a real node (fake-indexeddb for its memory, Node's fetch behind a
// counter of HTTP requests), and what the chain itself does when a transfer is attempted: the two are
// compared, a refusal must be a revert and an acceptance must mine.
import 'fake-indexeddb/auto';
import { BaseError, type Address, type Hex } from 'viem';
import { expect } from 'vitest';
import type { RegisterCheck } from '../../../src/core';
import { createJsonRpcClient } from '../../../src/background/platform/json-rpc';
import { createRegisterFacts } from '../../../src/background/services/register-facts';
import { openWalletDatabase } from '../../../src/background/storage/database';
import { anvilAccount, registryPublicClient, walletOf } from '../../../example/registry/chain/deploy';

let databases = 0;

/** The wallet's register check for the anvil node at `rpcUrl` (chain 31337), with its HTTP requests counted. */
export async function registerUnderTest(rpcUrl: string) {
  databases += 1;
  const db = await openWalletDatabase(`register-integration-${process.pid}-${databases}`);
  const counter = { requests: 0 };
  const rpc = createJsonRpcClient((url, init) => { counter.requests += 1; return fetch(url, init); });
  const register = createRegisterFacts({ db, rpc, now: () => Date.now() });
  return { db, counter, register, network: { chainId: '0x7a69', rpcUrl } };
}

export type ChainOutcome = { outcome: 'reverted'; reason: string } | { outcome: 'mined' };

/**
 * What the chain does with `data` sent to `to` by anvil account `fromAccount`: 'reverted' (with the node's
 * words) when the call reverts at the latest block; otherwise the transaction is sent, and 'mined' once it
 * succeeded in a block.
 * @throws Error when a call that did not revert fails once mined.
 */
export async function attempt(rpcUrl: string, fromAccount: number, to: Address, data: Hex): Promise<ChainOutcome> {
  const client = await registryPublicClient(rpcUrl);
  try {
    await client.call({ account: anvilAccount(fromAccount).address, to, data });
  } catch (error) {
    return { outcome: 'reverted', reason: error instanceof BaseError ? error.details || error.shortMessage : String(error) };
  }
  const wallet = await walletOf(rpcUrl, fromAccount);
  const receipt = await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to, data }) });
  if (receipt.status !== 'success') throw new Error(`the transaction from account ${fromAccount} was mined but failed`);
  return { outcome: 'mined' };
}

/** The node's words for a revert; empty when the transfer mined. */
export function revertReason(chain: ChainOutcome): string {
  return chain.outcome === 'reverted' ? chain.reason : '';
}

/** The register's verdict and the chain agree: refused ⇔ reverted, accepted ⇒ mined. */
export function expectChainAgrees(check: RegisterCheck, chain: ChainOutcome): void {
  if (check.kind === 'refused') expect(chain.outcome, JSON.stringify(check.refusal, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).toBe('reverted');
  else if (check.kind === 'accepted') expect(chain, 'the register accepted it, so the chain must mine it').toEqual({ outcome: 'mined' });
  else throw new Error(`the check gave no verdict to compare: ${check.kind}`);
}
