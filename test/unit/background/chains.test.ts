import { describe, expect, it } from 'vitest';
import { JsonRpcError, type JsonRpcClient } from '../../../src/background/platform/json-rpc';
import { ChainNotConfirmedError, createChainService } from '../../../src/background/services/chains';
import type { ChainView } from '../../../src/protocol/approvals';
import { createClock, freshDatabase } from '../../helpers/background-fakes';

const CHAIN: ChainView = {
  chainId: '0x7a69', name: 'Acme', rpcUrl: 'http://127.0.0.1:8545/', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined,
};

/** A chain service whose node answers eth_chainId with `answer` (or throws it). */
async function serviceAnswering(answer: () => unknown) {
  const rpc: JsonRpcClient = {
    request: () => new Promise((resolve) => { resolve(answer()); }),
    batch: () => Promise.reject(new Error('not used')),
  };
  return createChainService({ db: await freshDatabase(), rpc, now: createClock().now });
}

describe('checking a network\'s chain id', () => {
  it('accepts a node that answers the claimed chain id', async () => {
    await expect((await serviceAnswering(() => '0x7a69')).verify(CHAIN)).resolves.toBeUndefined();
  });

  it('refuses with a domain error whose message holds no node words, keeping them as detail for the user', async () => {
    const secret = 'node-secret-91';
    for (const answer of [() => secret, () => { throw new JsonRpcError(-32000, `HTTP 403 ${secret}`); }]) {
      const error = await (await serviceAnswering(answer)).verify(CHAIN).then(() => undefined, (reason: unknown) => reason);
      expect(error).toBeInstanceOf(ChainNotConfirmedError);
      expect((error as ChainNotConfirmedError).message).toBe('the RPC did not confirm chain id 0x7a69');
      expect((error as ChainNotConfirmedError).detail).toContain(secret);
    }
  });

  it('refuses a chain id answer of a million hex digits without computing it, and cuts it in the detail', async () => {
    const error = await (await serviceAnswering(() => `0x${'f'.repeat(1_000_000)}`)).verify(CHAIN).then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(ChainNotConfirmedError);
    expect((error as ChainNotConfirmedError).detail.length).toBeLessThan(200);
  });
});
