// The agent page's form read into a request for the registry's server (POST /api/agent), and the mined
// outcome in words: pure functions, so the rules are tested alone.
import type { Address } from 'viem';
import { AGENT_SHARE_ACTIONS, AGENT_TOKEN_ACTIONS, type AgentAction, type AgentRequest, type Relayed } from './api-types';
import { formatShares } from './cap-table-view';
import { parseRecipient } from './form-values';
import { sharesToUnits } from './typed-data';

/** What each button of the agent page does, in the agent's words. */
export const AGENT_ACTION_LABELS: Readonly<Record<AgentAction, string>> = {
  'freeze-shares': 'Freeze shares',
  'unfreeze-shares': 'Unfreeze shares',
  'freeze-account': 'Freeze account',
  'unfreeze-account': 'Unfreeze account',
  pause: 'Pause token',
  unpause: 'Unpause token',
  'revoke-verification': 'Revoke verification',
  'restore-verification': 'Restore verification',
};

export interface AgentForm {
  holder: string;
  shares: string;
}

/**
 * The request for `action` from the form: the holder unless the action is on the whole token, and the
 * shares in base units for freezing or unfreezing shares.
 * @throws RangeError naming the field that is wrong.
 */
export function agentRequestOf(action: AgentAction, form: AgentForm, decimals: number): AgentRequest {
  if (AGENT_TOKEN_ACTIONS.includes(action)) return { action };
  const holder = parseRecipient(form.holder, 'Holder');
  if (!AGENT_SHARE_ACTIONS.includes(action)) return { action, holder };
  return { action, holder, shares: sharesToUnits(form.shares, decimals).toString() };
}

const DONE: Readonly<Record<AgentAction, string>> = {
  'freeze-shares': 'Froze', 'unfreeze-shares': 'Unfroze', 'freeze-account': 'Froze the account', 'unfreeze-account': 'Unfroze the account',
  pause: 'Paused the token', unpause: 'Unpaused the token', 'revoke-verification': 'Revoked the verification of', 'restore-verification': 'Restored the verification of',
};

/** "Froze 100 NRDW of 0x… in block 12", and so on for each action. */
export function agentOutcome(request: AgentRequest, relayed: Relayed, token: { decimals: number; symbol: string }): string {
  const holder: Address | undefined = request.holder;
  const what = request.shares === undefined ? '' : ` ${formatShares(BigInt(request.shares), token.decimals, token.symbol)} of`;
  const whom = holder === undefined ? '' : ` ${holder}`;
  return `${DONE[request.action]}${what}${whom} in block ${relayed.blockNumber}`;
}
