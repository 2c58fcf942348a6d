// TEMPORARY while issue 14's background is built in parallel branches: every voting-centre message is
// refused as not available yet. Replaced by the real services before this lands.
import { WalletError } from '../errors';
import type { GovernanceService, VoteFactsService } from './governance-service';

function unbuilt(): Promise<never> {
  return Promise.reject(new WalletError('wrong-state', 'the voting centre is not available yet'));
}

export const unbuiltGovernance: GovernanceService = {
  view: unbuilt, refresh: unbuilt, add: unbuilt, remove: unbuilt, setReminders: unbuilt, learn: () => Promise.resolve(), voteFacts: unbuilt,
};

export const unbuiltVoteFacts: VoteFactsService = { forApproval: unbuilt };
