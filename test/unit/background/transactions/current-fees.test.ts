import { describe, expect, it } from 'vitest';
import { proposeEip1559Fees } from '../../../../src/core/transactions/fees';
import { currentFeesOn } from '../../../../src/background/services/fee-quote';
import { freshDatabase } from '../../../helpers/background-fakes';
import { createFakeNode } from './fake-node';
import { addChain, CHAIN_ID, RPC } from './pipeline-fixture';

describe('the fees a speed-up or cancel pays at least', () => {
  it('are the EIP-1559 fees the wallet would propose now for a new transaction on that network', async () => {
    const db = await freshDatabase();
    await addChain(db);
    const node = createFakeNode(RPC);
    node.baseFee = 40_000_000_000n;
    const proposed = proposeEip1559Fees(40_000_000_000n, node.rewards);
    expect(await currentFeesOn(db, node.client, CHAIN_ID)).toEqual({
      type: 'eip1559', maxFeePerGas: proposed.maxFeePerGas.toString(), maxPriorityFeePerGas: proposed.maxPriorityFeePerGas.toString(),
    });
  });

  it('are the node\'s gas price on a network without a base fee', async () => {
    const db = await freshDatabase();
    await addChain(db);
    const node = createFakeNode(RPC);
    node.baseFee = undefined;
    expect(await currentFeesOn(db, node.client, CHAIN_ID)).toEqual({ type: 'legacy', gasPrice: node.gasPrice.toString() });
  });

  it('are unknown for a network the wallet does not know, and the node is not asked', async () => {
    const node = createFakeNode(RPC);
    expect(await currentFeesOn(await freshDatabase(), node.client, '0x1')).toBeUndefined();
    expect(node.calls).toEqual([]);
  });
});
