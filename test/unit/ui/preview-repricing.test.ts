import { describe, expect, it } from 'vitest';
import type { FeesView, PreviewView, TransactionRequestView } from '../../../src/protocol/transactions';
import { repricedPreview } from '../../../src/ui/approval/preview-repricing';

const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const GWEI = 1_000_000_000n;
const PROPOSED: FeesView = { type: 'eip1559', maxFeePerGas: (3n * GWEI).toString(), maxPriorityFeePerGas: GWEI.toString() };

const VIEW: TransactionRequestView = {
  chainId: '0x7a69', networkName: 'Anvil', from: ALICE, data: '0x', nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: '30000', nonce: '0',
  failure: undefined, lookalike: undefined,
  fees: { proposed: PROPOSED, suggested: undefined, suggestedUsed: false, baseFeePerGas: GWEI.toString() },
  call: { chainId: '31337', to: BOB, value: '1000', action: { kind: 'native-transfer', to: BOB }, trailingData: undefined, warnings: [] },
};

// 21,000 gas used at base 1 gwei + tip 1 gwei = 2 gwei: the proposal's likely fee.
const PROPOSED_FEE = 21_000n * 2n * GWEI;
const READY: PreviewView = {
  status: 'ready', source: 'simulation', reverted: undefined, blockNumber: '7',
  fee: { gasUsed: '21000', likely: PROPOSED_FEE.toString(), max: (30_000n * 3n * GWEI).toString() },
  changes: [
    {
      account: ALICE, sender: true, asset: { kind: 'native', symbol: 'ETH', decimals: 18 },
      before: (10n ** 18n).toString(), after: (10n ** 18n - 1000n - PROPOSED_FEE).toString(), fee: PROPOSED_FEE.toString(),
    },
    { account: BOB, sender: false, asset: { kind: 'native', symbol: 'ETH', decimals: 18 }, before: '0', after: '1000', fee: undefined },
  ],
};

describe('a preview at the fees the user chose', () => {
  it('is the preview itself at the proposed fees', () => {
    expect(repricedPreview(READY, VIEW, PROPOSED)).toEqual(READY);
  });

  it('charges the sender the fee at the chosen tip, and leaves the gas used and the other accounts as the chain said', () => {
    const faster: FeesView = { type: 'eip1559', maxFeePerGas: (10n * GWEI).toString(), maxPriorityFeePerGas: (4n * GWEI).toString() };
    const fee = 21_000n * 5n * GWEI;
    expect(repricedPreview(READY, VIEW, faster)).toEqual({
      ...READY,
      fee: { gasUsed: '21000', likely: fee.toString(), max: (30_000n * 10n * GWEI).toString() },
      changes: [{ ...READY.changes[0], after: (10n ** 18n - 1000n - fee).toString(), fee: fee.toString() }, READY.changes[1]],
    });
  });

  it('caps the price per gas at the chosen max fee when it is below the base fee and tip', () => {
    const capped: FeesView = { type: 'eip1559', maxFeePerGas: (15n * GWEI / 10n).toString(), maxPriorityFeePerGas: GWEI.toString() };
    const repriced = repricedPreview(READY, VIEW, capped);
    expect(repriced.fee?.likely).toBe((21_000n * 15n * GWEI / 10n).toString());
  });

  it('reprices the fee of a preview that could not be made, counting the whole gas limit', () => {
    const unavailable: PreviewView = { status: 'unavailable', reason: 'node-unreachable', fee: { gasUsed: undefined, likely: '1', max: '1' } };
    const legacyView: TransactionRequestView = { ...VIEW, fees: { ...VIEW.fees, proposed: { type: 'legacy', gasPrice: '7' }, baseFeePerGas: undefined } };
    expect(repricedPreview(unavailable, legacyView, { type: 'legacy', gasPrice: '9' })).toEqual({
      status: 'unavailable', reason: 'node-unreachable', fee: { gasUsed: undefined, likely: (30_000n * 9n).toString(), max: (30_000n * 9n).toString() },
    });
  });

  it('leaves an answer for a request no longer waiting, which has no fee, as it is', () => {
    const gone: PreviewView = { status: 'unavailable', reason: 'not-pending', fee: undefined };
    expect(repricedPreview(gone, VIEW, PROPOSED)).toBe(gone);
  });
});
