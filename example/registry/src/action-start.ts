// How every wallet action of the register starts: clear the last error, then take the connected account,
// the registry's deployment and the form's values, each refused in plain words in the action's own output.
import type { Address } from 'viem';
import type { DeploymentInfo } from './api-types';
import type { PageContext } from './onchain';
import { sharesToUnits } from './typed-data';

type Starter = Pick<PageContext, 'clearError' | 'requireAccount' | 'requireDeployment' | 'inputError'>;

export type StartedAction<T> =
  & NonNullable<ReturnType<PageContext['requireAccount']>>
  & NonNullable<ReturnType<PageContext['requireDeployment']>>
  & { input: T };

/** The account, deployment and form values of an action, or undefined once the refusal is in `output`. */
export function startAction<T>(page: Starter, output: HTMLElement, readForm: (deployment: DeploymentInfo) => T): StartedAction<T> | undefined {
  page.clearError();
  const signer = page.requireAccount(output);
  const ready = page.requireDeployment(output);
  if (signer === undefined || ready === undefined) return undefined;
  try {
    return { ...signer, ...ready, input: readForm(ready.deployment) };
  } catch (error) {
    page.inputError(output, error);
    return undefined;
  }
}

/** The Acme transfer form as a recipient and an amount in the token's smallest units. */
export function acmeTransferInput(page: Pick<PageContext, 'transferForm'>, deployment: DeploymentInfo): { to: Address; value: bigint } {
  const form = page.transferForm();
  return { to: form.to, value: sharesToUnits(form.shares, deployment.token.decimals) };
}
