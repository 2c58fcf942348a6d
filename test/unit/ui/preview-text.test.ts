// The transaction preview's words and figures, read with the real English and Chinese messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localeState } from '../../helpers/locale-messages';
import { feeText, previewAmount, previewSourceText, signedChange, unavailableText } from '../../../src/ui/lib/preview-text';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const SHARES = 10n ** 18n;

beforeEach(() => { localeState.locale = 'en'; });

describe('preview figures', () => {
  it('shows amounts in the asset\'s units with grouping, and raw digits when the decimals are unknown', () => {
    expect(previewAmount((1500n * SHARES).toString(), 18)).toBe('1,500');
    expect(previewAmount('300000000000000', 18)).toBe('0.0003');
    expect(previewAmount('1500', undefined)).toBe('1,500');
  });

  it('signs the change with a real minus sign and colours a loss, a gain and no change apart', () => {
    expect(signedChange((1500n * SHARES).toString(), (1400n * SHARES).toString(), 18)).toEqual({ text: '\u2212100', tone: 'loss' });
    expect(signedChange('800', '900', 0)).toEqual({ text: '+100', tone: 'gain' });
    expect(signedChange('5', '5', 0)).toEqual({ text: '0', tone: 'none' });
  });

  it('states the fee as likely and at most, in the native currency', () => {
    expect(feeText({ likely: '250000000000000', max: '600000000000000' }, { symbol: 'ETH', decimals: 18 })).toBe('Network fee: about 0.00025 ETH, at most 0.0006 ETH');
    localeState.locale = 'zh_CN';
    expect(feeText({ likely: '250000000000000', max: '600000000000000' }, { symbol: 'ETH', decimals: 18 })).toBe('网络手续费：约 0.00025 ETH，最多 0.0006 ETH');
  });
});

describe('where the preview comes from', () => {
  it('names the node\'s simulation, and says plainly that the fallback is not one', () => {
    expect(previewSourceText('simulation', '42')).toBe('Simulated by the network\'s node (eth_simulateV1) on top of block 42.');
    expect(previewSourceText('balance-reads', '42')).toMatch(/^Not simulated: .* balances at block 42 and the amounts the call names\./);
    localeState.locale = 'zh_CN';
    expect(previewSourceText('simulation', '42')).toBe('由网络节点模拟（eth_simulateV1），基于区块 42。');
    expect(previewSourceText('balance-reads', '42')).toMatch(/^未经模拟：/);
  });

  it('words every reason it could not preview in both languages, saying approval is still possible', () => {
    const reasons = ['no-network', 'node-unreachable', 'node-refused', 'call-not-understood', 'not-pending'] as const;
    expect(unavailableText('node-unreachable')).toBe('Could not preview: the network\'s node could not be reached. You can still approve or reject the transaction.');
    const english = reasons.map(unavailableText);
    localeState.locale = 'zh_CN';
    const chinese = reasons.map(unavailableText);
    for (const text of [...english, ...chinese]) expect(text).not.toMatch(/preview_|\$/);
    expect(new Set(english).size).toBe(reasons.length);
    expect(chinese[1]).toBe('无法预览：无法连接网络节点。您仍可批准或拒绝这笔交易。');
  });
});
