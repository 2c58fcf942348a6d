// An EIP-5792 batch in the approval window and in Activity, read with the real English and Chinese messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localeState } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';
import type { ApprovalRequest } from '../../../src/protocol/approvals';
import type { CallsRequestView, TransactionRequestView } from '../../../src/protocol/transactions';
import { callPosition, callsFeeDetails, callsReady, callsWouldFail } from '../../../src/ui/approval/calls-sentence';
import { requestSentence, requestTitle } from '../../../src/ui/approval/sentence';
import { isDangerous } from '../../../src/ui/approval/signature-warnings';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const GWEI = 1_000_000_000n;
const ALICE = '0x8617E340B3D01FA5F11F306F4090FD50E238070D';
const BOB = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const TOKEN = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const ACME = { address: TOKEN, chainId: '31337', known: { name: 'ACME Holdings', symbol: 'ACME', decimals: 18 } };

/** A share transfer as the preparation shows it: 50,000 gas at max 3 gwei (likely 1.5 gwei: base 0.5 + tip 1). */
function transfer(nonce: number, amount: string): TransactionRequestView {
  return {
    chainId: '0x7a69', networkName: 'Anvil', from: ALICE, data: '0xa9059cbb', nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: '50000', nonce: String(nonce),
    failure: undefined, lookalike: undefined,
    call: { chainId: '31337', to: TOKEN, value: '0', action: { kind: 'token-transfer', token: ACME, to: BOB, amount }, trailingData: undefined, warnings: [] },
    fees: {
      proposed: { type: 'eip1559', maxFeePerGas: (3n * GWEI).toString(), maxPriorityFeePerGas: GWEI.toString() },
      suggested: undefined, suggestedUsed: false, baseFeePerGas: (GWEI / 2n).toString(),
    },
  };
}

const BATCH: CallsRequestView = {
  chainId: '0x7a69', networkName: 'Anvil', from: ALICE, nativeCurrency: { symbol: 'ETH', decimals: 18 },
  calls: [transfer(4, '10000000000000000000'), transfer(5, '20000000000000000000')],
};
const FAILING: CallsRequestView = { ...BATCH, calls: [BATCH.calls[0] ?? transfer(4, '1'), { ...transfer(5, '1'), failure: { revert: { kind: 'empty' }, nodeMessage: undefined } }] };
const request: ApprovalRequest = { kind: 'calls', batch: BATCH };

beforeEach(() => { localeState.locale = 'en'; });

describe('a batch of calls in words', () => {
  it('is headed and listed by how many transactions it sends, one after another', () => {
    expect(requestTitle(request)).toBe('Send 2 transactions');
    expect(shown(requestSentence(request))).toBe('Sends *2* transactions from your account, one after another');
    expect(callPosition(1, BATCH)).toBe('Transaction 2 of 2');
    localeState.locale = 'zh_CN';
    expect(requestTitle(request)).toBe('发送 2 笔交易');
    expect(callPosition(0, BATCH)).toBe('第 1 笔,共 2 笔');
  });

  it('gives the network fee of all its transactions together: the most they can cost and the likely cost', () => {
    expect(callsFeeDetails(BATCH).map((detail) => `${detail.label}: ${shown(detail.parts)}`)).toEqual([
      'Most it can cost: *0.0003* {site:ETH}', 'Likely cost: *0.00015* {site:ETH}',
    ]);
  });
});

describe('approving a batch', () => {
  it('may be pressed at once when no call would fail', () => {
    expect(callsWouldFail(BATCH)).toBe(false);
    expect(callsReady(BATCH, false, false)).toBe(true);
  });

  it('waits for the deliberate "send it anyway" when any call would fail, and is then a dangerous action', () => {
    expect(callsWouldFail(FAILING)).toBe(true);
    expect(callsReady(FAILING, false, false)).toBe(false);
    expect(callsReady(FAILING, true, false)).toBe(true);
    expect(isDangerous({ kind: 'calls', batch: FAILING }, 'https://registry.example')).toBe(true);
    expect(isDangerous(request, 'https://registry.example')).toBe(false);
  });
});
