// The approval window's fee arithmetic, words and editor checks, and the decision it sends back.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localeState } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';
import type { Eip1559Fees, FeeEstimateView, TransactionRequestView } from '../../../src/protocol/transactions';
import { belowBaseFeeNote, feeDetails, feeProblemMessage, suggestedFeesNote } from '../../../src/ui/approval/fee-sentence';
import { checkCustomFees, likelyFee, maxFee, parseGwei, presetFees, replacementFees, sameFees } from '../../../src/ui/approval/fees';
import { draftFees, initialDraft, transactionApproval, transactionReady } from '../../../src/ui/approval/transaction-draft';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const GWEI = 1_000_000_000n;
const BOB = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const PROPOSED: Eip1559Fees = { type: 'eip1559', maxFeePerGas: (3n * GWEI).toString(), maxPriorityFeePerGas: GWEI.toString() };
const ESTIMATE: FeeEstimateView = {
  proposed: PROPOSED,
  suggested: undefined, suggestedUsed: false, baseFeePerGas: (GWEI / 2n).toString(),
};
const VIEW: TransactionRequestView = {
  chainId: '0x7a69', networkName: 'Anvil', from: BOB, data: '0x', nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: '21000', nonce: '0', failure: undefined, lookalike: undefined,
  call: { chainId: '31337', to: BOB, value: '1', action: { kind: 'native-transfer', to: BOB }, trailingData: undefined, warnings: [] },
  fees: ESTIMATE,
};
const LEGACY: TransactionRequestView = { ...VIEW, fees: { ...ESTIMATE, proposed: { type: 'legacy', gasPrice: (2n * GWEI).toString() }, baseFeePerGas: undefined } };
const FAILING: TransactionRequestView = { ...VIEW, failure: { revert: { kind: 'empty' }, nodeMessage: undefined } };

const lines = (view: TransactionRequestView, gasUsed?: string) => feeDetails(view.gas, view.fees.proposed, view.fees, view.nativeCurrency, gasUsed)
  .map((detail) => `${detail.label}: ${shown(detail.parts)}`);

beforeEach(() => { localeState.locale = 'en'; });

describe('fee arithmetic', () => {
  it('charges at most gas × max fee, and likely gas × (base fee + priority fee)', () => {
    expect(maxFee('21000', ESTIMATE.proposed)).toBe(63_000n * GWEI);
    expect(likelyFee('21000', ESTIMATE.proposed, ESTIMATE.baseFeePerGas)).toBe(31_500n * GWEI);
  });

  it('caps the likely fee at the max fee when the base fee has risen above it', () => {
    expect(likelyFee('21000', ESTIMATE.proposed, (5n * GWEI).toString())).toBe(63_000n * GWEI);
  });

  it('takes a legacy gas price as both the most and the likely price', () => {
    expect(maxFee('21000', LEGACY.fees.proposed)).toBe(42_000n * GWEI);
    expect(likelyFee('21000', LEGACY.fees.proposed, undefined)).toBe(42_000n * GWEI);
  });

  it('shows the most and the likely cost in the native currency, with the fees per gas in gwei', () => {
    expect(lines(VIEW)).toEqual([
      'Most it can cost: *0.000063* {site:ETH}',
      'Likely cost: *0.0000315* {site:ETH}',
      'Per gas: max *3* gwei, of which a priority fee of *1* gwei',
      'Gas limit: *21,000*',
    ]);
    expect(lines(LEGACY)[2]).toBe('Per gas: *2* gwei');
    localeState.locale = 'zh_CN';
    expect(lines(VIEW)[0]).toBe('最高费用: *0.000063* 枚 {site:ETH}');
  });

  it('counts the likely cost on the gas the preview\'s simulation used once known, and the most on the whole gas limit', () => {
    const big: TransactionRequestView = { ...VIEW, gas: '30000000' };
    expect(lines(big, '21000').slice(0, 2)).toEqual(['Most it can cost: *0.09* {site:ETH}', 'Likely cost: *0.0000315* {site:ETH}']);
    expect(lines(big)[1]).toBe('Likely cost: *0.045* {site:ETH}');
  });

  it('moves the tip for Slow and Fast and keeps the room for the base fee', () => {
    expect(presetFees(ESTIMATE.proposed, 'slow')).toEqual({ type: 'eip1559', maxPriorityFeePerGas: (GWEI / 2n).toString(), maxFeePerGas: (25n * GWEI / 10n).toString() });
    expect(presetFees(ESTIMATE.proposed, 'normal')).toEqual(ESTIMATE.proposed);
    expect(presetFees(ESTIMATE.proposed, 'fast')).toEqual({ type: 'eip1559', maxPriorityFeePerGas: (2n * GWEI).toString(), maxFeePerGas: (4n * GWEI).toString() });
    expect(presetFees(LEGACY.fees.proposed, 'fast')).toEqual({ type: 'legacy', gasPrice: (26n * GWEI / 10n).toString() });
  });

  it('raises both fees of a replacement by 10%, rounded up', () => {
    expect(replacementFees({ type: 'eip1559', maxFeePerGas: '1001', maxPriorityFeePerGas: '10' })).toEqual({ type: 'eip1559', maxFeePerGas: '1102', maxPriorityFeePerGas: '11' });
    expect(replacementFees({ type: 'legacy', gasPrice: '100' })).toEqual({ type: 'legacy', gasPrice: '110' });
  });
});

describe('the site\'s suggested fees and the base fee', () => {
  it('says the site\'s fees and whether the wallet uses them', () => {
    const suggested = { type: 'eip1559' as const, maxFeePerGas: '1500000000', maxPriorityFeePerGas: '100000000' };
    expect(suggestedFeesNote(ESTIMATE)).toBeUndefined();
    expect(shown(suggestedFeesNote({ ...ESTIMATE, suggested, suggestedUsed: true }) ?? []))
      .toBe('The site suggested max *1.5* gwei, of which a priority fee of *0.1* gwei per gas; the wallet uses it.');
    expect(shown(suggestedFeesNote({ ...ESTIMATE, suggested, suggestedUsed: false }) ?? [])).toContain('proposes its own fees');
  });

  it('warns when a max fee is below the current base fee', () => {
    const low = { type: 'eip1559' as const, maxFeePerGas: '100', maxPriorityFeePerGas: '1' };
    expect(shown(belowBaseFeeNote(low, ESTIMATE) ?? [])).toContain('below the network\'s current base fee (*0.5* gwei)');
    expect(belowBaseFeeNote(ESTIMATE.proposed, ESTIMATE)).toBeUndefined();
  });
});

describe('the fee editor\'s checks', () => {
  it('reads gwei with up to 9 decimals and nothing else', () => {
    expect(parseGwei('1.5')).toBe(1_500_000_000n);
    expect(parseGwei(' 20 ')).toBe(20n * GWEI);
    expect(parseGwei('0.000000001')).toBe(1n);
    for (const bad of ['', '1.', '.5', '1,5', '1e9', '-1', '0.0000000001', 'abc']) expect(parseGwei(bad), bad).toBeUndefined();
  });

  it('accepts positive fees with the priority fee no higher than the max fee', () => {
    expect(checkCustomFees('eip1559', '2', '2')).toEqual({ ok: true, fees: { type: 'eip1559', maxFeePerGas: '2000000000', maxPriorityFeePerGas: '2000000000' } });
    expect(checkCustomFees('legacy', '3', '')).toEqual({ ok: true, fees: { type: 'legacy', gasPrice: '3000000000' } });
  });

  it('refuses unreadable, zero, and a priority fee above the max fee, each with its message', () => {
    const problems = [
      [checkCustomFees('eip1559', 'x', '1'), 'Enter the max fee in gwei, for example 1.5 (at most 9 decimals).'],
      [checkCustomFees('eip1559', '1', 'x'), 'Enter the priority fee in gwei, for example 0.1 (at most 9 decimals).'],
      [checkCustomFees('eip1559', '0', '1'), 'The max fee must be more than 0.'],
      [checkCustomFees('eip1559', '1', '0'), 'The priority fee must be more than 0.'],
      [checkCustomFees('eip1559', '1', '1.1'), 'The priority fee cannot be higher than the max fee.'],
    ] as const;
    for (const [result, message] of problems) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(feeProblemMessage(result.problem)).toBe(message);
    }
    localeState.locale = 'zh_CN';
    expect(feeProblemMessage('priority-above-max')).toBe('优先费不能高于最高费用。');
  });
});

describe('the decision a transaction sends back', () => {
  it('prefills the custom fields from the proposal in editable gwei', () => {
    expect(initialDraft(VIEW)).toEqual({ fee: { speed: 'normal', maxText: '3', priorityText: '1' }, failureAccepted: false });
    expect(initialDraft(LEGACY).fee.maxText).toBe('2');
  });

  it('names no fees when the user kept the proposal, and the user\'s fees when changed', () => {
    const draft = initialDraft(VIEW);
    expect(transactionApproval('r1', VIEW, draft)).toEqual({ id: 'r1', approve: true });
    expect(transactionApproval('r1', VIEW, { ...draft, fee: { speed: 'custom', maxText: '3', priorityText: '1' } })).toEqual({ id: 'r1', approve: true });
    expect(transactionApproval('r1', VIEW, { ...draft, fee: { ...draft.fee, speed: 'fast' } }))
      .toEqual({ id: 'r1', approve: true, transaction: { fees: presetFees(ESTIMATE.proposed, 'fast') } });
    expect(transactionApproval('r1', VIEW, { ...draft, fee: { speed: 'custom', maxText: '10', priorityText: '0.5' } }))
      .toEqual({ id: 'r1', approve: true, transaction: { fees: { type: 'eip1559', maxFeePerGas: '10000000000', maxPriorityFeePerGas: '500000000' } } });
  });

  it('keeps Approve off while the user\'s fees are wrong', () => {
    const draft = initialDraft(VIEW);
    expect(transactionReady(VIEW, draft, false)).toBe(true);
    expect(transactionReady(VIEW, { ...draft, fee: { speed: 'custom', maxText: '1', priorityText: '2' } }, false)).toBe(false);
    expect(draftFees(VIEW, { speed: 'custom', maxText: '1', priorityText: '2' })).toEqual({ ok: false, problem: 'priority-above-max' });
  });

  it('keeps Approve off for a failing transaction until "send it anyway" is ticked', () => {
    const draft = initialDraft(FAILING);
    expect(transactionReady(FAILING, draft, false)).toBe(false);
    expect(transactionReady(FAILING, { ...draft, failureAccepted: true }, false)).toBe(true);
  });

  it('tells equal fees from changed ones', () => {
    expect(sameFees(ESTIMATE.proposed, { ...ESTIMATE.proposed })).toBe(true);
    expect(sameFees(ESTIMATE.proposed, { type: 'legacy', gasPrice: PROPOSED.maxFeePerGas })).toBe(false);
  });
});
