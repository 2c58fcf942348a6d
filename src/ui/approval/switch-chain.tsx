// wallet_switchEthereumChain (EIP-3326), or an add-network request for a network the wallet already has
// with the same server, from a site that did not add it: the user lets the site use that network, whose
// RPC server is shown in full.
import type { ApprovalRequest } from '../../protocol/approvals';
import { Callout } from '../components/alerts';
import { t } from '../i18n';
import { DetailList, Sentence } from './parts';
import { addChainDetails, switchChainSentence } from './sentence';
import { hasInvisible } from '../lib/visible-text';

type SwitchChain = Extract<ApprovalRequest, { kind: 'switch_chain' }>;

export function SwitchChainBody({ request, origin }: { request: SwitchChain; origin: string }) {
  const { chain } = request;
  return (
    <>
      <p class="lead-sentence"><Sentence parts={switchChainSentence(origin, chain)} /></p>
      <DetailList details={addChainDetails(chain)} />
      <Callout tone="warning"><p>{t('switchChain_note')}</p></Callout>
      {(hasInvisible(chain.name) || hasInvisible(chain.rpcUrl)) && <p class="hint">{t('approval_hiddenChars')}</p>}
    </>
  );
}
