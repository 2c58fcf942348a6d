import { describe, expect, it } from 'vitest';
import { decodeSignedTransaction } from '../../../../src/core';
import { TransactionRefusedError } from '../../../../src/background/services/transaction-errors';
import { draft, pipelineFixture } from './pipeline-fixture';

const nonceOf = (raw: string) => decodeSignedTransaction(raw).transaction.nonce;

describe('nonces of the wallet\'s transactions', () => {
  it('start at the chain\'s pending count', async () => {
    const { node, pipeline } = await pipelineFixture();
    node.pendingCounts.set(draft().from.toLowerCase(), 7n);
    const prepared = await pipeline.preparation.prepare(draft());
    expect(prepared.view.nonce).toBe('7');
    await pipeline.sending.send(prepared, undefined, { kind: 'popup' });
    expect(node.sent.map(nonceOf)).toEqual([7n]);
  });

  it('are consecutive for ten requests sent at once, each recorded as pending before it is sent', async () => {
    const { db, node, pipeline } = await pipelineFixture();
    const prepared = await Promise.all(Array.from({ length: 10 }, (_, i) => pipeline.preparation.prepare(draft({ value: BigInt(i + 1) }))));
    // All ten were shown with the same next nonce: the real one is taken only after approval.
    expect(new Set(prepared.map((each) => each.view.nonce))).toEqual(new Set(['0']));
    const stored = await Promise.all(prepared.map((each) => pipeline.sending.send(each, undefined, { kind: 'popup' })));
    expect(node.sent.map(nonceOf).sort((a, b) => Number(a - b))).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i)));
    expect(new Set(stored.map((record) => record.nonce)).size).toBe(10);
    expect((await db.getAll('transactions')).every((record) => record.status === 'pending')).toBe(true);
  });

  it('continue after the recorded pending ones when a fresh background opens the same database, even if the node forgot them', async () => {
    const first = await pipelineFixture();
    for (let i = 0; i < 3; i++) await first.pipeline.sending.send(await first.pipeline.preparation.prepare(draft()), undefined, { kind: 'popup' });
    // The node's pending count stays 0 (a node that dropped them); the wallet's records are what count.
    const restarted = await pipelineFixture({ db: first.db, node: first.node });
    const prepared = await restarted.pipeline.preparation.prepare(draft());
    expect(prepared.view.nonce).toBe('3');
    await restarted.pipeline.sending.send(prepared, undefined, { kind: 'popup' });
    expect(first.node.sent.map(nonceOf)).toEqual([0n, 1n, 2n, 3n]);
  });

  it('free the nonce of a transaction the node refused: it is recorded as failed with the node\'s words and the next one reuses it', async () => {
    const { db, node, pipeline, sent } = await pipelineFixture();
    node.send = 'refuse';
    const error: unknown = await pipeline.sending.send(await pipeline.preparation.prepare(draft()), undefined, { kind: 'popup' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransactionRefusedError);
    const [refused] = await db.getAll('transactions');
    expect(refused).toMatchObject({ status: 'failed', nonce: '0', refusal: 'insufficient funds for gas * price + value' });
    expect(sent).toEqual([]);
    node.send = 'accept';
    await pipeline.sending.send(await pipeline.preparation.prepare(draft()), undefined, { kind: 'popup' });
    expect(node.sent.map(nonceOf)).toEqual([0n]);
  });

  it('keep a transaction pending when the node did not answer the send: it may have taken it, so its nonce is not given again', async () => {
    const { db, node, pipeline, sent } = await pipelineFixture();
    node.send = 'unreachable';
    const stored = await pipeline.sending.send(await pipeline.preparation.prepare(draft()), undefined, { kind: 'popup' });
    expect((await db.get('transactions', stored.hash))?.status).toBe('pending');
    expect(sent.map((record) => record.hash)).toEqual([stored.hash]);
    expect((await pipeline.preparation.prepare(draft())).view.nonce).toBe('1');
  });
});
