// The holder's own transactions as the registry page asks its wallet for them: eth_sendTransaction with
// the call's data and no gas or fees (the wallet estimates them), only once the wallet's eth_chainId is
// the registry's; and how a mined (or replaced) transaction is reported.
import { describe, expect, it } from 'vitest';
import { decodeFunctionData, defineChain, erc20Abi, type Hash } from 'viem';
import { shareholderGovernorAbi } from '../../../example/registry/chain/abi';
import { describeError } from '../../../example/registry/src/errors';
import { castVoteOnChain, minedOutcome, sendSharesOnChain } from '../../../example/registry/src/own-transactions';
import { createRegistryClient } from '../../../example/registry/src/wallet';
import { GOVERNOR, TOKEN } from './registry-fixture';

const HOLDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const RECIPIENT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const HASH: Hash = `0x${'ab'.repeat(32)}`;
const OTHER_HASH: Hash = `0x${'cd'.repeat(32)}`;
const registryChain = defineChain({
  id: 31337, name: 'Registry', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: ['http://127.0.0.1:8545'] } },
});

class ProviderError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

/** A wallet on chain `chainId` that records what it is asked to send and answers with HASH (or refuses). */
function fakeWallet(chainId = 31337, refuse?: ProviderError) {
  const sent: Record<string, unknown>[] = [];
  const provider = {
    request: async ({ method, params }: { method: string; params?: unknown }): Promise<unknown> => {
      await Promise.resolve();
      if (method === 'eth_chainId') return `0x${chainId.toString(16)}`;
      if (method !== 'eth_sendTransaction') throw new ProviderError(4200, `${method} is not supported`);
      if (refuse !== undefined) throw refuse;
      sent.push((params as Record<string, unknown>[])[0] ?? {});
      return HASH;
    },
  };
  return { sent, sender: { client: createRegistryClient(provider), account: HOLDER, chain: registryChain } as const };
}

describe('the holder\'s own transactions', () => {
  it('sends ERC-20 transfer(to, value) to the share token from the holder, with no gas limit or fees, so the wallet estimates them', async () => {
    const { sent, sender } = fakeWallet();
    expect(await sendSharesOnChain(sender, TOKEN.address, RECIPIENT, 125n * 10n ** 17n)).toBe(HASH);
    expect(sent).toHaveLength(1);
    const [request = {}] = sent;
    expect(request).toMatchObject({ from: HOLDER, to: TOKEN.address });
    for (const key of ['gas', 'gasPrice', 'maxFeePerGas', 'maxPriorityFeePerGas', 'nonce', 'value']) expect(request, key).not.toHaveProperty(key);
    expect(decodeFunctionData({ abi: erc20Abi, data: request.data as Hash })).toEqual({ functionName: 'transfer', args: [RECIPIENT, 125n * 10n ** 17n] });
  });

  it('casts a vote with Governor castVote(proposalId, support), For being 1, Against 0 and Abstain 2', async () => {
    const { sent, sender } = fakeWallet();
    await castVoteOnChain(sender, GOVERNOR.address, 42n, 'For');
    await castVoteOnChain(sender, GOVERNOR.address, 42n, 'Against');
    await castVoteOnChain(sender, GOVERNOR.address, 2n ** 255n, 'Abstain');
    expect(sent.map((request) => request.to)).toEqual([GOVERNOR.address, GOVERNOR.address, GOVERNOR.address]);
    expect(sent.map((request) => decodeFunctionData({ abi: shareholderGovernorAbi, data: request.data as Hash }).args)).toEqual([
      [42n, 1], [42n, 0], [2n ** 255n, 2],
    ]);
  });

  it('sends nothing when the wallet is on another chain than the registry', async () => {
    const { sent, sender } = fakeWallet(1);
    await expect(sendSharesOnChain(sender, TOKEN.address, RECIPIENT, 1n)).rejects.toThrow(/chain/i);
    expect(sent).toEqual([]);
  });

  it('passes on the wallet\'s refusal with its EIP-1193 code and words', async () => {
    const { sender } = fakeWallet(31337, new ProviderError(4001, 'The user rejected the transaction.'));
    const error: unknown = await sendSharesOnChain(sender, TOKEN.address, RECIPIENT, 1n).catch((e: unknown) => e);
    expect(describeError(error)).toEqual({ code: 4001, message: 'The user rejected the transaction.' });
  });
});

describe('a mined transaction in words', () => {
  it('says the block of a transaction that succeeded', () => {
    expect(minedOutcome(HASH, { status: 'success', blockNumber: 12n, hash: HASH, replaced: undefined }))
      .toEqual({ state: 'mined', text: 'Mined in block 12' });
  });

  it('says a reverted transaction failed, with its block', () => {
    expect(minedOutcome(HASH, { status: 'reverted', blockNumber: 13n, hash: HASH, replaced: undefined }))
      .toEqual({ state: 'failed', text: 'Failed in block 13: the transaction reverted' });
  });

  it('counts a sped-up transaction as mined and names the transaction that was', () => {
    expect(minedOutcome(HASH, { status: 'success', blockNumber: 14n, hash: OTHER_HASH, replaced: 'repriced' }))
      .toEqual({ state: 'mined', text: `Mined in block 14 (sped up: ${OTHER_HASH})` });
  });

  it('says a cancelled or replaced transaction did not happen, even though its replacement succeeded', () => {
    expect(minedOutcome(HASH, { status: 'success', blockNumber: 15n, hash: OTHER_HASH, replaced: 'cancelled' }))
      .toEqual({ state: 'cancelled', text: `Cancelled: ${OTHER_HASH} took its place in block 15` });
    expect(minedOutcome(HASH, { status: 'success', blockNumber: 16n, hash: OTHER_HASH, replaced: 'replaced' }))
      .toEqual({ state: 'replaced', text: `Replaced: ${OTHER_HASH} took its place in block 16` });
  });
});
