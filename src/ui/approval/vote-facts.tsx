// The proposal a vote request names, as the approval window draws it (issue 14 item 4). It is asked for once
// the window is drawn ('governance.voteFacts') and never holds up a decision: until it arrives, and when it
// could not be read, the request's own sentence (with the proposal id) stays; once found, the sentence names
// the proposal, the company, the votes and the deadline, and warnings follow for a vote that cannot count.
import { useEffect, useState } from 'preact/hooks';
import type { ActionView, ApprovalRequest } from '../../protocol/approvals';
import type { VoteFactsView } from '../../protocol/governance';
import type { CallView } from '../../protocol/transactions';
import { t } from '../i18n';
import type { PrivateCall } from '../lib/rpc';
import { Sentence } from './parts';
import { uncheckedVoteWords, voteFactsWords, type RequestedVote, type VoteFactsWords } from './vote-sentence';
import { WarningList } from './warning-list';

type CallVote = Extract<CallView['action'], { kind: 'vote' }>;
type BallotVote = Extract<ActionView, { kind: 'vote' }>;

export type VoteFactsState =
  | { name: 'checking' }
  | { name: 'done'; facts: (VoteFactsView | null)[] }
  /** The window's own ask failed: each vote is "could not read", which never blocks. */
  | { name: 'failed' };

/** What to draw for one vote of a request: still reading, its words, or nothing (no facts for it). */
export type VoteWordsState = 'checking' | VoteFactsWords | null;

/** A castVote* call: the account's own vote, or (castVoteBySig) another voter's signed vote it submits. */
export function requestedVoteOfCall(action: CallVote): RequestedVote {
  return { support: action.support, reason: action.reason, form: action.bySignature ? 'relayed' : 'cast' };
}

/** A Ballot / ExtendedBallot: a vote signed here, which the site submits. */
export function requestedVoteOfBallot(action: BallotVote): RequestedVote {
  return { support: action.support, reason: action.reason, form: 'signed' };
}

/** A castVote*, propose, queue or execute call: the background learns its governor when asked. */
function isGovernorCall(call: CallView): boolean {
  return ['vote', 'propose', 'queue', 'execute'].includes(call.action.kind);
}

/**
 * Whether the background is asked about `request`: a Governor call (a castVote* to read its proposal, any
 * of them for the wallet to learn the governor), or a Ballot tied to a chain (one with no chainId names no
 * network to read it on).
 */
export function asksVoteFacts(request: ApprovalRequest): boolean {
  switch (request.kind) {
    case 'transaction': return isGovernorCall(request.transaction.call);
    case 'calls': return request.batch.calls.some((call) => isGovernorCall(call.call));
    case 'typed_data': return request.action.kind === 'vote' && request.chainId !== undefined;
    default: return false;
  }
}

/** Asks the background once for the facts of approval `approvalId`'s votes (`wanted` false: nothing is asked). */
export function useVoteFacts(approvalId: string, call: PrivateCall, wanted: boolean): VoteFactsState {
  const [state, setState] = useState<VoteFactsState>(() => (wanted ? { name: 'checking' } : { name: 'done', facts: [] }));
  useEffect(() => {
    if (!wanted) return undefined;
    let current = true;
    setState({ name: 'checking' });
    call('governance.voteFacts', { approvalId }).then(
      (facts) => { if (current) setState({ name: 'done', facts }); },
      () => { if (current) setState({ name: 'failed' }); },
    );
    return () => { current = false; };
  }, [approvalId, call, wanted]);
  return state;
}

/** The reason shown when the window could not ask the background (its own failure, not the node's). */
const WALLET_FAILED = 'the wallet could not ask for the proposal';

/** The words for vote `index` of the request, cast as `vote`, at `now` (epoch ms). */
export function voteWordsAt(state: VoteFactsState, index: number, vote: RequestedVote, now: number): VoteWordsState {
  switch (state.name) {
    case 'checking': return 'checking';
    case 'failed': return { sentence: undefined, details: [], warnings: [], unchecked: uncheckedVoteWords(WALLET_FAILED) };
    case 'done': {
      const facts = state.facts[index] ?? null;
      return facts === null ? null : voteFactsWords(facts, vote, now);
    }
  }
}

/** The vote's notes under its sentence: "reading the proposal…", its warnings, or "could not read" and why. */
export function VoteFactsNotes({ words }: { words: VoteWordsState }) {
  if (words === null) return null;
  if (words === 'checking') {
    return <section class="vote-facts" aria-busy="true" aria-label={t('voteFacts_title')}><p class="hint">{t('voteFacts_checking')}</p></section>;
  }
  const { warnings, unchecked } = words;
  if (warnings.length === 0 && unchecked === undefined) return null;
  return (
    <section class="vote-facts" aria-label={t('voteFacts_title')}>
      <WarningList warnings={warnings} />
      {unchecked !== undefined && (
        <>
          <p class="vote-facts-unchecked"><Sentence parts={unchecked.sentence} /></p>
          <p class="hint vote-facts-message"><Sentence parts={unchecked.message} /></p>
        </>
      )}
    </section>
  );
}
