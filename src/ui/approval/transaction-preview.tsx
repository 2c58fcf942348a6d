// What a waiting transaction would change, shown before Approve: per account and asset the balance before
// and after, the fee (at the fees the user has chosen), and where the figures come from. It is asked for
// once when drawn; while it waits, and whatever it answers, Approve and Reject are the screen's and stay
// as they are: the preview never blocks a decision, and a failed one still shows the fee.
import { useEffect, useState } from 'preact/hooks';
import { shortAddress } from '../../core/format';
import type { BalanceChangeView, FeesView, PreviewView, TransactionRequestView } from '../../protocol/transactions';
import { OutsideText } from '../components/outside-text';
import { t } from '../i18n';
import { SYMBOL_CAP } from '../lib/outside-text';
import { feeText, previewAmount, previewSourceText, signedChange, unavailableText } from '../lib/preview-text';
import type { PrivateCall } from '../lib/rpc';
import { repricedPreview } from './preview-repricing';

function AssetName({ row }: { row: BalanceChangeView }) {
  const { asset } = row;
  if (asset.kind === 'native') return <strong>{asset.symbol}</strong>;
  if (asset.known === 'wallet' && asset.symbol !== undefined) return <strong>{asset.symbol}</strong>;
  if (asset.known === 'contract' && asset.symbol !== undefined) return <OutsideText text={asset.symbol} source="contract" cap={SYMBOL_CAP} />;
  return <span class="addr mono" title={asset.address}>{t('preview_unknownToken', [shortAddress(asset.address)])}</span>;
}

function ChangeRow({ row }: { row: BalanceChangeView }) {
  const decimals = row.asset.decimals;
  const change = signedChange(row.before, row.after, decimals);
  return (
    <tr>
      <td class="addr mono" title={row.account}>{row.sender ? t('preview_yourAccount', [shortAddress(row.account)]) : shortAddress(row.account)}</td>
      <td><AssetName row={row} /></td>
      <td class="mono">
        {previewAmount(row.before, decimals)} → {previewAmount(row.after, decimals)}{' '}
        <span class={`preview-change preview-${change.tone}`}>({change.text})</span>
        {row.fee !== undefined && <span class="hint"> {t('preview_includesFee')}</span>}
      </td>
    </tr>
  );
}

export type PreviewState = { name: 'checking' } | { name: 'done'; preview: PreviewView } | { name: 'failed' };

/** Asks the background once for the preview of approval `approvalId`; the fee editor reads its gas too. */
export function usePreview(approvalId: string, call: PrivateCall): PreviewState {
  const [state, setState] = useState<PreviewState>({ name: 'checking' });
  useEffect(() => {
    let current = true;
    setState({ name: 'checking' });
    call('transactions.preview', { approvalId }).then(
      (preview) => { if (current) setState({ name: 'done', preview }); },
      () => { if (current) setState({ name: 'failed' }); },
    );
    return () => { current = false; };
  }, [approvalId, call]);
  return state;
}

/** The gas the simulation used, when the preview has it. */
export function previewGasUsed(state: PreviewState): string | undefined {
  return state.name === 'done' ? state.preview.fee?.gasUsed : undefined;
}

interface TransactionPreviewProps {
  state: PreviewState;
  view: TransactionRequestView;
  /** The fees the user has chosen so far (the proposal until they change it): the fee shown follows them. */
  fees: FeesView;
}

/** The preview of the transaction `view`, as `usePreview` got it. */
export function TransactionPreview({ state, view, fees }: TransactionPreviewProps) {
  const { nativeCurrency } = view;
  if (state.name === 'checking') return <section class="preview" aria-busy="true"><p class="hint">{t('preview_checking')}</p></section>;
  if (state.name === 'failed') return <section class="preview"><p class="preview-source">{t('preview_unavailable', [t('preview_reasonWallet')])}</p></section>;
  const preview = repricedPreview(state.preview, view, fees);
  if (preview.status === 'unavailable') {
    return (
      <section class="preview">
        <h2 class="preview-title">{t('preview_title')}</h2>
        <p class="preview-source">{unavailableText(preview.reason)}</p>
        {preview.fee !== undefined && <p class="preview-fee">{feeText(preview.fee, nativeCurrency)}</p>}
      </section>
    );
  }
  return (
    <section class="preview">
      <h2 class="preview-title">{t('preview_title')}</h2>
      {preview.reverted !== undefined && <p class="preview-reverted" role="alert">{t('preview_reverted')}</p>}
      <table class="preview-table">
        <thead><tr><th scope="col">{t('preview_account')}</th><th scope="col">{t('preview_asset')}</th><th scope="col">{t('preview_beforeAfter')}</th></tr></thead>
        <tbody>{preview.changes.map((row) => <ChangeRow key={`${row.account}/${row.asset.kind === 'native' ? 'native' : row.asset.address}`} row={row} />)}</tbody>
      </table>
      <p class="preview-fee">{feeText(preview.fee, nativeCurrency)}</p>
      <p class="preview-source">{previewSourceText(preview.source, preview.blockNumber)}</p>
    </section>
  );
}
