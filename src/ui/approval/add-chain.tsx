// wallet_addEthereumChain (EIP-3085): the network the site names, with its RPC server in full, its currency
// and explorer as the site gave them. The wallet asks the server for its chain id only after the user
// approved. A network the wallet already has with another server is worded as a replacement (old and new
// server, and who uses the network now); a server on this computer or the local network is a danger the
// user must acknowledge with a checkbox before Approve is enabled.
import type { ApprovalRequest } from '../../protocol/approvals';
import { Callout } from '../components/alerts';
import { t } from '../i18n';
import { hasInvisible } from '../lib/visible-text';
import { DetailList, Sentence } from './parts';
import {
  addChainCheckedNote, addChainDetails, addChainSentence, localRpcWarning, replaceChainDetails, replaceChainSentence, replaceChainUsers,
} from './sentence';

type AddChain = Extract<ApprovalRequest, { kind: 'add_chain' }>;

interface AddChainProps {
  request: AddChain;
  origin: string;
  /** Whether the user ticked "I run this node myself" (only asked for a local RPC server). */
  localAccepted: boolean;
  onLocalAccepted: (accepted: boolean) => void;
}

function LocalRpcChoice({ rpcUrl, accepted, onAccepted }: { rpcUrl: string; accepted: boolean; onAccepted: (accepted: boolean) => void }) {
  return (
    <>
      <Callout tone="danger"><p role="alert"><Sentence parts={localRpcWarning(rpcUrl)} /></p></Callout>
      <label class="check">
        <input type="checkbox" checked={accepted} onChange={(event) => { onAccepted(event.currentTarget.checked); }} />
        <span>{t('addChain_localConsent')}</span>
      </label>
    </>
  );
}

export function AddChainBody({ request, origin, localAccepted, onLocalAccepted }: AddChainProps) {
  const { chain, replaces } = request;
  const siteText = [chain.name, chain.rpcUrl, chain.nativeCurrency.name, chain.nativeCurrency.symbol, chain.explorerUrl ?? ''];
  return (
    <>
      {replaces === undefined
        ? <p class="lead-sentence"><Sentence parts={addChainSentence(origin, chain)} /></p>
        : (
          <>
            <p class="lead-sentence"><Sentence parts={replaceChainSentence(origin, replaces)} /></p>
            <DetailList details={replaceChainDetails(chain, replaces)} />
            <p>{t('replaceChain_usedByLabel')}</p>
            <ul class="replace-users">
              {replaceChainUsers(replaces).map((parts, index) => <li key={index}><Sentence parts={parts} /></li>)}
            </ul>
            <Callout tone="danger"><p role="alert">{t('replaceChain_warning')}</p></Callout>
          </>
        )}
      {request.localRpc && <LocalRpcChoice rpcUrl={chain.rpcUrl} accepted={localAccepted} onAccepted={onLocalAccepted} />}
      <DetailList details={addChainDetails(chain)} />
      <Callout tone="info"><p><Sentence parts={addChainCheckedNote(chain)} /></p></Callout>
      <Callout tone="warning"><p>{t('addChain_caution')}</p></Callout>
      {siteText.some(hasInvisible) && <p class="hint">{t('approval_hiddenChars')}</p>}
      <p class="hint">{t('approval_pageTextHint')}</p>
    </>
  );
}
