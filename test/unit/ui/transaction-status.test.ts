// Activity's words for the transactions the wallet sent: status, origin, and what a replacement may cost.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localeState } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';
import type { SentTransactionView } from '../../../src/protocol/transactions';
import { isPending, originLine, replacementNote, statusLabel } from '../../../src/ui/screens/transaction-status';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const ALICE = '0x8617E340B3D01FA5F11F306F4090FD50E238070D';
const HASH = `0x${'11'.repeat(32)}`;
const OTHER = `0x${'22'.repeat(32)}`;

function sent(extra: Partial<SentTransactionView> = {}): SentTransactionView {
  return {
    hash: HASH, chainId: '0x7a69', from: ALICE, nonce: '4', nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: '50000',
    call: { chainId: '31337', to: ALICE, value: '0', action: { kind: 'native-transfer', to: ALICE }, trailingData: undefined, warnings: [] },
    fees: { type: 'eip1559', maxFeePerGas: '1000000000', maxPriorityFeePerGas: '100000000' },
    origin: { kind: 'site', origin: 'https://registry.example' }, status: 'pending', blockNumber: undefined, failure: undefined, replacedBy: undefined,
    sentAt: 1_700_000_000_000, ...extra,
  };
}
const status = (transaction: SentTransactionView, all: SentTransactionView[] = [transaction]) => shown(statusLabel(transaction, all));

beforeEach(() => { localeState.locale = 'en'; });

describe('the status of a sent transaction', () => {
  it('says pending while there is no receipt, and offers replacing only then', () => {
    expect(status(sent())).toBe('Pending');
    expect(isPending(sent())).toBe(true);
    expect(isPending(sent({ status: 'confirmed' }))).toBe(false);
  });

  it('says the block a confirmed transaction is in', () => {
    expect(status(sent({ status: 'confirmed', blockNumber: '1234' }))).toBe('Confirmed in block #1234');
    expect(status(sent({ status: 'confirmed' }))).toBe('Confirmed');
  });

  it('says why a transaction failed when the wallet could read it', () => {
    expect(status(sent({ status: 'failed', failure: { revert: { kind: 'error', reason: 'Compliance not followed' }, nodeMessage: undefined } })))
      .toBe('Failed: the register\'s compliance rules refuse this transfer (the contract says {contract:Compliance not followed})');
    expect(status(sent({ status: 'failed' }))).toBe('Failed');
  });

  it('tells a speed-up, a cancel and another transaction apart as what replaced it', () => {
    const replaced = sent({ status: 'replaced', replacedBy: OTHER });
    expect(status(replaced, [replaced, sent({ hash: OTHER, origin: { kind: 'speed-up', of: HASH } })])).toBe('Replaced by your speed-up');
    expect(status(replaced, [replaced, sent({ hash: OTHER, origin: { kind: 'cancel', of: HASH } })])).toBe('Cancelled by your cancellation');
    expect(status(replaced)).toBe('Replaced by another transaction with the same nonce');
  });

  it('words every status in Chinese', () => {
    localeState.locale = 'zh_CN';
    expect(status(sent())).toBe('待确认');
    expect(status(sent({ status: 'confirmed', blockNumber: '7' }))).toBe('已在区块 #7 中确认');
    expect(status(sent({ status: 'failed' }))).toBe('失败');
    expect(status(sent({ status: 'replaced' }))).toBe('已被另一笔相同序号的交易取代');
  });
});

describe('where a sent transaction came from', () => {
  it('names the site, the wallet, or the transaction a speed-up or cancel replaces', () => {
    expect(shown(originLine(sent()))).toBe('Asked by *https://registry.example*');
    expect(shown(originLine(sent({ origin: { kind: 'popup' } })))).toBe('Sent from the wallet');
    expect(shown(originLine(sent({ origin: { kind: 'speed-up', of: OTHER } })))).toBe(`Speed-up of #${OTHER}`);
    expect(shown(originLine(sent({ origin: { kind: 'cancel', of: OTHER } })))).toBe(`Cancellation of #${OTHER}`);
  });
});

describe('the confirm step of a speed-up or cancel', () => {
  it('shows a speed-up\'s most with both fees raised by 10%, against the current most', () => {
    expect(shown(replacementNote(sent(), 'speed-up'))).toBe(
      'The same transaction is sent again with each fee raised by at least 10%: it can cost up to *0.000055* {site:ETH} or more, '
      + 'instead of up to *0.00005* {site:ETH}. Whichever is mined first counts; the other is dropped.');
  });

  it('shows a cancel\'s most as a plain transfer\'s 21,000 gas at the raised fee', () => {
    expect(shown(replacementNote(sent(), 'cancel'))).toContain('it can cost up to *0.0000231* {site:ETH} or more');
  });
});
