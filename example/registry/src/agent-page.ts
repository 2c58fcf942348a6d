// Nordwind Bank's agent section: each button asks the registry's server (POST /api/agent) to send the
// agent's transaction, then reads the restricted cap table again. The outcome is in #agent-result:
// data-state pending → done | error (data-revert with T-REX's reason), data-action the action asked.
import { AGENT_ACTIONS, type AgentAction, type RestrictedCompanyInfo } from './api-types';
import { agentOutcome, agentRequestOf } from './agent-request';
import { el } from './elements';
import { agentAction, RegistryApiError } from './registry-api';
import { setResult } from './ui';

export interface AgentPageDeps {
  requireRestricted(output: HTMLElement): { company: RestrictedCompanyInfo } | undefined;
  refreshRestrictedCapTable(): Promise<void>;
  inputError(output: HTMLElement, error: unknown): void;
  log(text: string): void;
}

function isAgentAction(value: string | undefined): value is AgentAction {
  return value !== undefined && (AGENT_ACTIONS as readonly string[]).includes(value);
}

export function wireAgentPage(deps: AgentPageDeps): void {
  const output = el.agentResult;

  async function act(action: AgentAction): Promise<void> {
    const ready = deps.requireRestricted(output);
    if (ready === undefined) return;
    const { token } = ready.company;
    output.dataset.action = action;
    try {
      const request = agentRequestOf(action, { holder: el.agentHolder.value, shares: el.agentShares.value }, token.decimals);
      setResult(output, 'pending', 'The agent\'s transaction is on its way…');
      const text = agentOutcome(request, await agentAction(request), token);
      await deps.refreshRestrictedCapTable();
      setResult(output, 'done', text);
      deps.log(`Agent: ${text}.`);
    } catch (error) {
      deps.inputError(output, error);
      if (error instanceof RegistryApiError && error.revert !== undefined) output.dataset.revert = error.revert;
    }
  }

  for (const button of el.agentForm.querySelectorAll<HTMLButtonElement>('button[data-agent-action]')) {
    const action = button.dataset.agentAction;
    if (!isAgentAction(action)) throw new Error(`#agent-form has a button for an unknown action ${String(action)}`);
    button.addEventListener('click', () => { void act(action); });
  }
  el.agentForm.addEventListener('submit', (event) => { event.preventDefault(); });
}
