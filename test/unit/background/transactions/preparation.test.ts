import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { JsonRpcError } from '../../../../src/background/platform/json-rpc';
import { TransactionRequestError, UnknownChainError } from '../../../../src/background/services/transaction-errors';
import { ALICE, BOB, CHAIN_ID, draft, pipelineFixture, TOKEN, tokenTransfer } from './pipeline-fixture';

const GWEI = 1_000_000_000n;
/** ABI of Error(string) "Transfer not possible", as a node puts it in a revert's data. */
const TRANSFER_NOT_POSSIBLE = `0x08c379a0${'20'.padStart(64, '0')}${'15'.padStart(64, '0')}${Buffer.from('Transfer not possible').toString('hex').padEnd(64, '0')}`;

describe('a transaction prepared for the approval window', () => {
  it('shows the call in plain words, the native currency, the estimate with its margin, the EIP-1559 fees and the next nonce', async () => {
    const { pipeline, node } = await pipelineFixture();
    node.estimate = 50_000n;
    const prepared = await pipeline.preparation.prepare(draft({ to: TOKEN, value: 0n, data: tokenTransfer(BOB, 5n * 10n ** 18n) }));
    expect(prepared.view).toEqual({
      chainId: CHAIN_ID, networkName: 'Acme Registry Chain', from: ALICE,
      call: {
        chainId: '31337', to: TOKEN, value: '0', warnings: [],
        action: {
          kind: 'token-transfer', to: BOB, amount: '5000000000000000000',
          token: { address: TOKEN, chainId: '31337', known: { name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18 } },
        },
      },
      data: tokenTransfer(BOB, 5n * 10n ** 18n).toLowerCase(),
      nativeCurrency: { symbol: 'ETH', decimals: 18 },
      gas: '60000',
      fees: {
        proposed: { type: 'eip1559', maxFeePerGas: (4n * GWEI).toString(), maxPriorityFeePerGas: (2n * GWEI).toString() },
        suggested: undefined, suggestedUsed: false, baseFeePerGas: GWEI.toString(),
      },
      nonce: '0', failure: undefined, lookalike: undefined,
    });
  });

  it('proposes a legacy gas price from eth_gasPrice on a chain whose blocks have no base fee', async () => {
    const { pipeline, node } = await pipelineFixture();
    node.baseFee = undefined;
    const { view } = await pipeline.preparation.prepare(draft());
    expect(view.fees).toEqual({ proposed: { type: 'legacy', gasPrice: '5000000000' }, suggested: undefined, suggestedUsed: false, baseFeePerGas: undefined });
    expect(node.calls).not.toContain('eth_feeHistory');
  });

  it('refuses type 0x2 on a chain without a base fee, naming the field', async () => {
    const { pipeline, node } = await pipelineFixture();
    node.baseFee = undefined;
    await expect(pipeline.preparation.prepare(draft({ type: 'eip1559' }))).rejects.toThrow(TransactionRequestError);
  });

  it('signs legacy with eth_gasPrice on an EIP-1559 chain when the site asked for type 0x0', async () => {
    const { pipeline } = await pipelineFixture();
    expect((await pipeline.preparation.prepare(draft({ type: 'legacy' }))).view.fees.proposed).toEqual({ type: 'legacy', gasPrice: '5000000000' });
  });

  it('signs legacy with the site\'s gas price when it gave gasPrice without a type, on an EIP-1559 chain', async () => {
    const { pipeline } = await pipelineFixture();
    const { view } = await pipeline.preparation.prepare(draft({ suggestedFees: { type: 'legacy', gasPrice: 3_000_000_000n } }));
    expect(view.fees).toMatchObject({ proposed: { type: 'legacy', gasPrice: '3000000000' }, suggestedUsed: true });
  });

  it('proposes legacy fees on a chain without a base fee when the site suggested EIP-1559 ones without naming a type, and does not use them', async () => {
    const { pipeline, node } = await pipelineFixture();
    node.baseFee = undefined;
    const { view } = await pipeline.preparation.prepare(draft({ suggestedFees: { type: 'eip1559', maxFeePerGas: 9n * GWEI, maxPriorityFeePerGas: GWEI } }));
    expect(view.fees).toMatchObject({ proposed: { type: 'legacy', gasPrice: '5000000000' }, suggestedUsed: false });
  });

  it('uses the site\'s sane fees, filling a missing tip from the proposal, and shows them as suggested', async () => {
    const { pipeline } = await pipelineFixture();
    const { view } = await pipeline.preparation.prepare(draft({ suggestedFees: { type: 'eip1559', maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: undefined } }));
    const fees = { type: 'eip1559', maxFeePerGas: (10n * GWEI).toString(), maxPriorityFeePerGas: (2n * GWEI).toString() };
    expect(view.fees).toMatchObject({ proposed: fees, suggested: fees, suggestedUsed: true });
  });

  it('shows but does not use the site\'s fees when they are absurd', async () => {
    const { pipeline } = await pipelineFixture();
    const { view } = await pipeline.preparation.prepare(draft({ suggestedFees: { type: 'eip1559', maxFeePerGas: 1000n * GWEI, maxPriorityFeePerGas: GWEI } }));
    expect(view.fees).toMatchObject({ proposed: { maxFeePerGas: (4n * GWEI).toString() }, suggested: { maxFeePerGas: (1000n * GWEI).toString() }, suggestedUsed: false });
  });

  it('keeps the site\'s gas limit when it covers the estimate, and uses the estimate when it does not', async () => {
    const { pipeline, node } = await pipelineFixture();
    node.estimate = 300_000n;
    expect((await pipeline.preparation.prepare(draft({ gas: 400_000n }))).view.gas).toBe('400000');
    expect((await pipeline.preparation.prepare(draft({ gas: 100_000n }))).view.gas).toBe('360000');
  });

  it('refuses a gas limit above the block gas limit: it could never be mined', async () => {
    const { pipeline } = await pipelineFixture();
    await expect(pipeline.preparation.prepare(draft({ gas: 30_000_001n }))).rejects.toThrow('gas 0x1c9c381 is above the block gas limit 0x1c9c380: it could never be mined');
  });

  it('says a call would fail and why, with the revert decoded, and proposes the block gas limit so the user may still send', async () => {
    const { pipeline, node } = await pipelineFixture();
    node.estimate = new JsonRpcError(3, 'execution reverted: Transfer not possible', TRANSFER_NOT_POSSIBLE);
    const { view } = await pipeline.preparation.prepare(draft({ to: TOKEN, value: 0n, data: tokenTransfer(BOB, 1n) }));
    expect(view.failure).toEqual({ revert: { kind: 'error', reason: 'Transfer not possible' }, nodeMessage: undefined });
    expect(view.gas).toBe('30000000');
  });

  it('keeps the node\'s words, capped, when a failing call comes without revert data, and the site\'s gas when it gave one', async () => {
    const { pipeline, node } = await pipelineFixture();
    node.estimate = new JsonRpcError(-32003, `insufficient funds for transfer ${'x'.repeat(400)}`);
    const { view } = await pipeline.preparation.prepare(draft({ gas: 90_000n }));
    expect(view.failure?.revert).toEqual({ kind: 'empty' });
    expect(view.failure?.nodeMessage).toHaveLength(301);
    expect(view.gas).toBe('90000');
  });

  it('warns about a recipient that imitates one of the wallet\'s accounts (address poisoning)', async () => {
    const { pipeline } = await pipelineFixture();
    const lookalike = getAddress(`${ALICE.slice(0, 6)}${'0'.repeat(32)}${ALICE.slice(-4)}`.toLowerCase());
    const { view } = await pipeline.preparation.prepare(draft({ to: TOKEN, value: 0n, data: tokenTransfer(lookalike, 1n) }));
    expect(view.lookalike).toEqual({ recipient: lookalike, imitates: ALICE });
  });

  it('warns about a recipient that imitates a past recipient of the wallet\'s transactions', async () => {
    const { pipeline } = await pipelineFixture();
    await pipeline.sending.send(await pipeline.preparation.prepare(draft({ to: BOB })), undefined, { kind: 'popup' });
    const lookalike = getAddress(`${BOB.slice(0, 6)}${'1'.repeat(32)}${BOB.slice(-4)}`.toLowerCase());
    const { view } = await pipeline.preparation.prepare(draft({ to: lookalike }));
    expect(view.lookalike?.imitates).toBe(BOB);
  });

  it('shows a contract creation as such, flagged', async () => {
    const { pipeline } = await pipelineFixture();
    const { view } = await pipeline.preparation.prepare(draft({ to: null, value: 0n, data: '0x6080' }));
    expect(view.call).toMatchObject({ action: { kind: 'contract-creation', bytecode: '0x6080' }, warnings: ['contract-creation'] });
  });

  it('refuses a site\'s nonce other than the next one, explaining that the wallet assigns it', async () => {
    const { pipeline } = await pipelineFixture();
    await expect(pipeline.preparation.prepare(draft({ nonce: 5n }))).rejects.toThrow("nonce 0x5 is not the account's next nonce 0x0; leave nonce out and the wallet assigns it");
    expect((await pipeline.preparation.prepare(draft({ nonce: 0n }))).view.nonce).toBe('0');
  });

  it('refuses a network the wallet has no RPC for', async () => {
    const { pipeline } = await pipelineFixture();
    await expect(pipeline.preparation.prepare(draft({ chainId: '0x1' }))).rejects.toThrow(UnknownChainError);
  });
});
