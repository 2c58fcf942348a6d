// Under an account's figures for an ERC20Votes company: "Your N shares carry no votes" with "Activate my
// votes" (a delegate(self) transaction through 'transactions.propose', shown in the approval window), or who
// casts the votes of shares delegated to another address. Sent: Activity, where it shows as pending; the
// wallet reads the holdings again once it is confirmed. Rejected: a calm note here.
import { useState } from 'preact/hooks';
import type { TokenView } from '../../protocol/approvals';
import { Sentence } from '../approval/parts';
import { fill, markers, type Part } from '../approval/sentence';
import { useApp, type ActivityReturn } from '../app-context';
import { call } from '../client';
import { errorCode } from '../errors';
import { t } from '../i18n';
import { votesNote, type HoldingRow, type VotesNote as Note } from '../lib/holdings';
import { activationProposal } from '../lib/send-form';
import { proposalOutcome, type ProposalOutcome } from '../lib/send-text';
import { accountName } from './account-name';
import { Callout, ErrorText } from './alerts';
import { useBusy } from './use-busy';

/** "The votes of these N shares are cast by <whom>": an account's name, or the full address. */
export function heldByParts(note: Extract<Note, { kind: 'held-by' }>, balance: string): Part[] {
  const { delegate } = note;
  const whom: Part = delegate.kind === 'account' ? { kind: 'strong', text: accountName(delegate.account) } : { kind: 'address', address: delegate.address };
  return fill(t('votes_heldBy', markers(2)), [{ kind: 'strong', text: balance }, whom]);
}

/** `after`: the screen Activity's Back returns to once the activation was sent (home unless said). */
export function VotesNote({ token, row, after = 'home' }: { token: TokenView; row: HoldingRow; after?: ActivityReturn }) {
  const note = votesNote(row);
  if (note === undefined) return null;
  if (note.kind === 'held-by') return <p class="hint votes-note"><Sentence parts={heldByParts(note, row.balance)} /></p>;
  return <ActivateVotes token={token} holder={row.address} balance={row.balance} after={after} />;
}

function ActivateVotes({ token, holder, balance, after }: { token: TokenView; holder: string; balance: string; after: ActivityReturn }) {
  const app = useApp();
  const [busy, run] = useBusy();
  const [outcome, setOutcome] = useState<ProposalOutcome>();
  return (
    <ActivationView
      balance={balance}
      busy={busy}
      outcome={outcome}
      onActivate={() => {
        setOutcome(undefined);
        run(async () => {
          try {
            await call('transactions.propose', activationProposal(token, holder));
            app.announce(t('votes_sent'));
            app.go({ name: 'activity', from: after });
          } catch (failure) {
            if (errorCode(failure) === 'wrong-state') app.failure(failure);
            setOutcome(proposalOutcome(failure));
          }
        });
      }}
    />
  );
}

/** The inactive votes' note and button, without state (a test reads what it returns). */
export function ActivationView({ balance, busy, outcome, onActivate }: { balance: string; busy: boolean; outcome: ProposalOutcome | undefined; onActivate: () => void }) {
  return (
    <div class="votes-note">
      <p>{t('votes_inactive', [balance])}</p>
      <button type="button" class="btn btn-small" aria-disabled={busy} onClick={() => { if (!busy) onActivate(); }}>{t('votes_activate')}</button>
      <div role="status">
        {busy && <p class="hint">{t('send_waiting')}</p>}
        {!busy && outcome?.kind === 'rejected' && <Callout tone="info"><p>{t('votes_rejected')}</p></Callout>}
      </div>
      {outcome?.kind === 'failed' && <ErrorText>{t('votes_notActivated', [outcome.reason])}</ErrorText>}
    </div>
  );
}
