// The facts a waiting vote request is put in words with (issue 14 item 4): for each transaction, batch call
// or signature of the approval that casts a Governor vote (a castVote* call, a signed Ballot or
// ExtendedBallot), the proposal's title, company, deadline and the voter's weight, read through the voting
// centre. A site's vote or other Governor call (propose, queue, execute) also teaches the wallet its governor
// (item 1). Like the register check it is asked
// for by the window once drawn, computed once per approval and kept while it waits, so it never holds the
// window up; a node's failure is an 'unchecked' entry, never an error.
import type { ApprovalRequest } from '../../protocol/approvals';
import type { GovernorRef, VoteFactsView } from '../../protocol/governance';
import type { TransactionRequestView } from '../../protocol/transactions';
import type { ApprovalService } from './approvals';
import type { GovernanceService, VoteFactsService } from './governance-service';

export interface VoteFactsDeps {
  approvals: Pick<ApprovalService, 'pending'>;
  governance: Pick<GovernanceService, 'learn' | 'voteFacts' | 'view'>;
  /**
   * The extension's own origin (its base URL without the slash): the popup's own votes are asked under it,
   * and a governor the user votes on from the Votes screen is known already, so nothing is learned from them.
   */
  ownOrigin: string;
}

/** One vote of a request: where it is counted, on which proposal, and whose votes it casts. */
interface VoteQuery {
  kind: 'vote';
  ref: GovernorRef;
  proposalId: bigint;
  voter: string;
}

/** A Governor call that is no vote: its governor is learned, and there are no vote facts to give. */
interface GovernorCall {
  kind: 'governor-call';
  ref: GovernorRef;
}

/**
 * A castVote* transaction (or batch call): the governor is the contract called; the voter the sender or the
 * BySig signer. A propose, queue or execute names a governor too.
 */
function transactionVote(tx: TransactionRequestView): VoteQuery | GovernorCall | undefined {
  const { action } = tx.call;
  switch (action.kind) {
    case 'vote':
      return { kind: 'vote', ref: { chainId: tx.chainId, address: action.governor }, proposalId: BigInt(action.proposalId), voter: action.voter };
    case 'propose':
    case 'queue':
    case 'execute':
      return { kind: 'governor-call', ref: { chainId: tx.chainId, address: action.governor } };
    default:
      return undefined;
  }
}

/**
 * A signed Ballot / ExtendedBallot: the governor is the domain's verifyingContract on the domain's chain;
 * the voter is the Ballot's, else the signing account. A domain without chainId names no network the
 * wallet could read the proposal on, so none is asked.
 */
function typedDataVote(request: Extract<ApprovalRequest, { kind: 'typed_data' }>): VoteQuery | undefined {
  const { action, chainId } = request;
  if (action.kind !== 'vote' || chainId === undefined) return undefined;
  return { kind: 'vote', ref: { chainId, address: action.governor }, proposalId: BigInt(action.proposalId), voter: action.voter ?? request.account };
}

function votesOf(request: ApprovalRequest | undefined): (VoteQuery | GovernorCall | undefined)[] {
  switch (request?.kind) {
    case 'transaction': return [transactionVote(request.transaction)];
    case 'calls': return request.batch.calls.map(transactionVote);
    case 'typed_data': return [typedDataVote(request)];
    default: return [];
  }
}

const governorKey = (ref: GovernorRef) => `${BigInt(ref.chainId).toString()}:${ref.address.toLowerCase()}`;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createVoteFactsService(deps: VoteFactsDeps): VoteFactsService {
  const { approvals, governance, ownOrigin } = deps;
  const computed = new Map<string, Promise<(VoteFactsView | null)[]>>();

  /**
   * When a vote gives nothing (0 votes at the snapshot), whether the voter's shares were never delegated:
   * their balance from the voting centre's cache, so the warning can say why. Undefined when the cache
   * does not have the voter (not one of the wallet's accounts) or its shares are delegated.
   */
  async function undelegatedShares(ref: GovernorRef, voter: string): Promise<string | undefined> {
    const { companies } = await governance.view();
    const company = companies.find(({ governor }) => governorKey(governor) === governorKey(ref));
    const row = company?.delegation.find(({ account }) => account.toLowerCase() === voter.toLowerCase());
    return row !== undefined && row.delegate === null && BigInt(row.balance) > 0n ? row.balance : undefined;
  }

  async function factsOf(query: VoteQuery, learned: Promise<void>): Promise<VoteFactsView> {
    await learned;
    const { ref, proposalId, voter } = query;
    let facts: VoteFactsView;
    try {
      facts = await governance.voteFacts(ref, proposalId, voter);
    } catch (error) {
      // The voting centre promises not to throw for a node's failure; anything else is still no reason to
      // withhold the request's own words: it is "could not check".
      return { kind: 'unchecked', chainId: ref.chainId, governor: ref.address, proposalId: proposalId.toString(), message: errorMessage(error) };
    }
    if (facts.kind !== 'found' || BigInt(facts.weight) !== 0n) return facts;
    const balance = await undelegatedShares(ref, facts.voter).catch(() => undefined);
    return balance === undefined ? facts : { ...facts, undelegatedShares: balance };
  }

  function compute(approvalId: string): Promise<(VoteFactsView | null)[]> {
    const pending = approvals.pending(approvalId);
    const learning = new Map<string, Promise<void>>();
    // A site's vote names a governor the wallet may not know yet; it learns each one once, before asking it.
    const learn = (ref: GovernorRef): Promise<void> => {
      if (pending === undefined || pending.origin === ownOrigin) return Promise.resolve();
      const key = governorKey(ref);
      const known = learning.get(key) ?? governance.learn(ref, pending.origin).catch(() => undefined);
      learning.set(key, known);
      return known;
    };
    return Promise.all(votesOf(pending?.request).map((query) => {
      if (query === undefined) return Promise.resolve(null);
      return query.kind === 'vote' ? factsOf(query, learn(query.ref)) : learn(query.ref).then(() => null);
    }));
  }

  return {
    /**
     * The facts of each vote of the waiting approval `approvalId` (null where an entry is no vote; empty
     * when it is not waiting), computed on the first ask and kept while it waits. Never rejects.
     */
    forApproval(approvalId: string): Promise<(VoteFactsView | null)[]> {
      for (const id of computed.keys()) if (approvals.pending(id) === undefined) computed.delete(id);
      if (approvals.pending(approvalId) === undefined) return Promise.resolve([]);
      const cached = computed.get(approvalId);
      if (cached !== undefined) return cached;
      const facts = compute(approvalId);
      computed.set(approvalId, facts);
      return facts;
    },
  };
}
