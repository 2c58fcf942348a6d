import { describe, expect, it } from 'vitest';
import { decodeSignedTransaction } from '../../../../src/core';
import { FeeChoiceError, TransactionRequestError } from '../../../../src/background/services/transaction-errors';
import { ALICE, draft, pipelineFixture } from './pipeline-fixture';

describe('sending an approved transaction', () => {
  it('records it with what the approval showed, signed by the sender, before the node hears of it', async () => {
    const { db, node, pipeline, signed } = await pipelineFixture();
    const prepared = await pipeline.preparation.prepare(draft());
    const stored = await pipeline.sending.send(prepared, undefined, { kind: 'site', origin: 'https://registry.example' });
    expect(signed).toEqual([ALICE]);
    expect(await db.get('transactions', stored.hash)).toEqual({
      schema: 1, raw: node.sent[0], hash: stored.hash, chainId: prepared.account.chainId, from: ALICE, nonce: '0',
      call: prepared.call, nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: prepared.gas.toString(), fees: prepared.view.fees.proposed,
      origin: { kind: 'site', origin: 'https://registry.example' }, status: 'pending', blockNumber: undefined, failure: undefined,
      replacedBy: undefined, sentAt: 1_800_000_000_000,
    });
    expect(decodeSignedTransaction(node.sent[0] ?? '').hash).toBe(stored.hash);
  });

  it('refuses to use another nonce than the one the site named, when another transaction took it meanwhile', async () => {
    const { node, pipeline } = await pipelineFixture();
    const first = await pipeline.preparation.prepare(draft({ nonce: 0n }));
    const second = await pipeline.preparation.prepare(draft({ nonce: 0n }));
    await pipeline.sending.send(first, undefined, { kind: 'popup' });
    await expect(pipeline.sending.send(second, undefined, { kind: 'popup' })).rejects.toThrow(TransactionRequestError);
    expect(node.sent).toHaveLength(1);
  });

  it('refuses fees chosen in the window with the tip above the max fee, before anything is signed', async () => {
    const { pipeline, signed } = await pipelineFixture();
    const prepared = await pipeline.preparation.prepare(draft());
    await expect(pipeline.sending.send(prepared, { fees: { type: 'eip1559', maxFeePerGas: '10', maxPriorityFeePerGas: '11' } }, { kind: 'popup' }))
      .rejects.toThrow(FeeChoiceError);
    expect(signed).toEqual([]);
  });

  it('answers the hash even when the receipt watcher\'s hook throws', async () => {
    const { pipeline } = await pipelineFixture({ onSent: () => { throw new Error('the watcher is broken'); } });
    const prepared = await pipeline.preparation.prepare(draft());
    await expect(pipeline.sending.send(prepared, undefined, { kind: 'popup' })).resolves.toMatchObject({ status: 'pending' });
  });
});
