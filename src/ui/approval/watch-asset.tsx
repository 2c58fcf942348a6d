// wallet_watchAsset (EIP-747): a share token the site asks the wallet to show. Its name, symbol and
// decimals are the ones the wallet read from the token contract, never the ones the site claimed; the
// contract address is shown in full.
import type { ApprovalRequest } from '../../protocol/approvals';
import { Callout } from '../components/alerts';
import { t } from '../i18n';
import { hasInvisible } from '../lib/visible-text';
import { DetailList, Sentence } from './parts';
import { watchAssetDetails, watchAssetSentence, watchAssetSourceNote } from './sentence';

type WatchAsset = Extract<ApprovalRequest, { kind: 'watch_asset' }>;

export function WatchAssetBody({ request, origin }: { request: WatchAsset; origin: string }) {
  const { token } = request;
  return (
    <>
      <p class="lead-sentence"><Sentence parts={watchAssetSentence(origin, token)} /></p>
      <Callout tone="info"><p><Sentence parts={watchAssetSourceNote(token)} /></p></Callout>
      <DetailList details={watchAssetDetails(token)} />
      {(hasInvisible(token.name) || hasInvisible(token.symbol)) && <p class="hint">{t('approval_hiddenChars')}</p>}
    </>
  );
}
