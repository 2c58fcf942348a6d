// One pending request: the site that asks, what it asks in plain words, and the two decisions. Approve
// is never focused by itself (Enter must not approve); focus starts on the heading, as on every screen.
import { useState } from 'preact/hooks';
import type { ApprovalDecision, PendingApproval } from '../../protocol/approvals';
import type { AccountView } from '../../protocol/private';
import { Screen } from '../components/screen';
import { t } from '../i18n';
import { AddChainBody } from './add-chain';
import { ConnectBody } from './connect';
import { PersonalSignBody } from './personal-sign';
import { requestTitle } from './sentence';
import { SiteCard } from './site';
import { SwitchChainBody } from './switch-chain';
import { TypedDataBody } from './typed-data';
import { WatchAssetBody } from './watch-asset';

interface RequestScreenProps {
  pending: PendingApproval;
  accounts: readonly AccountView[];
  busy: boolean;
  onDecide: (decision: ApprovalDecision) => void;
}

/** Requests whose Approve button is drawn as a dangerous action. */
function dangerous(pending: PendingApproval): boolean {
  const { request } = pending;
  if (request.kind === 'personal_sign') return request.signIn?.domainMismatch === true;
  if (request.kind === 'typed_data') return request.action.kind === 'permit' && request.action.unlimited;
  if (request.kind === 'add_chain') return request.localRpc || request.replaces !== undefined;
  return false;
}

export function RequestScreen({ pending, accounts, busy, onDecide }: RequestScreenProps) {
  const { id, request, origin } = pending;
  const [chosen, setChosen] = useState<string[]>(() => accounts.slice(0, 1).map((account) => account.address));
  const nothingChosen = request.kind === 'connect' && chosen.length === 0;
  // A server on this computer or the local network needs the user's deliberate tick first.
  const [localAccepted, setLocalAccepted] = useState(false);
  const localUnaccepted = request.kind === 'add_chain' && request.localRpc && !localAccepted;

  return (
    <Screen
      title={requestTitle(request)}
      busy={busy}
      actions={
        <>
          <button type="button" class="btn" aria-disabled={busy} onClick={() => { onDecide({ id, approve: false }); }}>
            {t('approval_reject')}
          </button>
          <button
            type="button"
            class={dangerous(pending) ? 'btn btn-danger' : 'btn btn-primary'}
            disabled={nothingChosen || localUnaccepted}
            aria-disabled={busy}
            onClick={() => { onDecide(request.kind === 'connect' ? { id, approve: true, accounts: chosen } : { id, approve: true }); }}
          >
            {t('approval_approve')}
          </button>
        </>
      }
    >
      <SiteCard origin={origin} topOrigin={pending.topOrigin} />
      {request.kind === 'connect' && <ConnectBody origin={origin} accounts={accounts} chosen={chosen} onChosen={setChosen} />}
      {request.kind === 'add_chain' && <AddChainBody request={request} origin={origin} localAccepted={localAccepted} onLocalAccepted={setLocalAccepted} />}
      {request.kind === 'switch_chain' && <SwitchChainBody request={request} origin={origin} />}
      {request.kind === 'watch_asset' && <WatchAssetBody request={request} origin={origin} />}
      {request.kind === 'personal_sign' && <PersonalSignBody request={request} origin={origin} accounts={accounts} />}
      {request.kind === 'typed_data' && <TypedDataBody request={request} accounts={accounts} />}
    </Screen>
  );
}
