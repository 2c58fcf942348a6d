// The preview of a transaction in words and figures: amounts in the asset's units, the change with its
// sign, the fee, and where the figures come from, in the user's language.
import { formatUnits } from '../../core/format';
import type { PreviewSource, PreviewUnavailableReason } from '../../protocol/transactions';
import { t } from '../i18n';

/** U+2212 MINUS SIGN: a hyphen reads as a dash next to digits. */
const MINUS = '\u2212';

/** `raw` (decimal string of base units) in the asset's units, grouped: "1,500", or raw digits without decimals. */
export function previewAmount(raw: string, decimals: number | undefined): string {
  return formatUnits(BigInt(raw), decimals ?? 0);
}

/** Whether a balance goes up, down, or stays: the difference's colour. */
export type ChangeTone = 'gain' | 'loss' | 'none';

/** after − before with its sign ("+100", "−0.0003", "0") and its tone. */
export function signedChange(before: string, after: string, decimals: number | undefined): { text: string; tone: ChangeTone } {
  const difference = BigInt(after) - BigInt(before);
  if (difference === 0n) return { text: '0', tone: 'none' };
  const magnitude = formatUnits(difference < 0n ? -difference : difference, decimals ?? 0);
  return difference < 0n ? { text: `${MINUS}${magnitude}`, tone: 'loss' } : { text: `+${magnitude}`, tone: 'gain' };
}

/** Where the figures come from, with the block they were read at. */
export function previewSourceText(source: PreviewSource, blockNumber: string): string {
  switch (source) {
    case 'simulation': return t('preview_sourceSimulation', [blockNumber]);
    case 'balance-reads': return t('preview_sourceBalanceReads', [blockNumber]);
  }
}

/** "Could not preview: <reason>", in plain words. */
export function unavailableText(reason: PreviewUnavailableReason): string {
  switch (reason) {
    case 'no-network': return t('preview_unavailable', [t('preview_reasonNoNetwork')]);
    case 'node-unreachable': return t('preview_unavailable', [t('preview_reasonNodeUnreachable')]);
    case 'node-refused': return t('preview_unavailable', [t('preview_reasonNodeRefused')]);
    case 'call-not-understood': return t('preview_unavailable', [t('preview_reasonCallNotUnderstood')]);
    case 'not-pending': return t('preview_unavailable', [t('preview_reasonNotPending')]);
  }
}

/** "Network fee: about 0.00025 ETH, at most 0.0006 ETH" (amounts in wei, decimal strings). */
export function feeText(fee: { likely: string; max: string }, native: { symbol: string; decimals: number }): string {
  return t('preview_fee', [previewAmount(fee.likely, native.decimals), previewAmount(fee.max, native.decimals), native.symbol]);
}
