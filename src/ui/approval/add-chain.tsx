// wallet_addEthereumChain (EIP-3085): the network the site names, with its RPC server in full, its currency
// and explorer as the site gave them, after the wallet checked that the server answers with that chain id.
// Adding it lets the site's server see the wallet's addresses and balances, which the screen says.
import type { ApprovalRequest } from '../../protocol/approvals';
import { Callout } from '../components/alerts';
import { t } from '../i18n';
import { hasInvisible } from '../lib/visible-text';
import { DetailList, Sentence } from './parts';
import { addChainCheckedNote, addChainDetails, addChainSentence } from './sentence';

type AddChain = Extract<ApprovalRequest, { kind: 'add_chain' }>;

export function AddChainBody({ request, origin }: { request: AddChain; origin: string }) {
  const { chain } = request;
  const siteText = [chain.name, chain.rpcUrl, chain.nativeCurrency.name, chain.nativeCurrency.symbol, chain.explorerUrl ?? ''];
  return (
    <>
      <p class="lead-sentence"><Sentence parts={addChainSentence(origin, chain)} /></p>
      <DetailList details={addChainDetails(chain)} />
      <Callout tone="info"><p><Sentence parts={addChainCheckedNote(chain)} /></p></Callout>
      <Callout tone="warning"><p>{t('addChain_caution')}</p></Callout>
      {siteText.some(hasInvisible) && <p class="hint">{t('approval_hiddenChars')}</p>}
      <p class="hint">{t('approval_pageTextHint')}</p>
    </>
  );
}
