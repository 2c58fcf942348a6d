// The register's verdict on a share transfer, as the approval window and the popup's Send draw it: a plain
// section under the request's sentence. It is asked for once the window is drawn ('register.check') and
// never holds up a decision: while it is checked, and when it could not be, Approve stays as it is; only a
// definite "no" asks for the deliberate tick (registerRefuses).
import { useEffect, useState } from 'preact/hooks';
import type { ApprovalRequest } from '../../protocol/approvals';
import type { RegisterCheckView, RegisterChecksView } from '../../protocol/register';
import type { CallView } from '../../protocol/transactions';
import { Callout } from '../components/alerts';
import { t } from '../i18n';
import type { PrivateCall } from '../lib/rpc';
import { Sentence } from './parts';
import { registerVerdictWords } from './register-sentence';
import type { TokenView } from './sentence';

/** The token whose shares a call moves (transfer, transferFrom, batchTransfer, a relayed ERC-3009), else undefined. */
export function sharesMovedBy(call: CallView): TokenView | undefined {
  const { action } = call;
  switch (action.kind) {
    case 'token-transfer':
    case 'token-transfer-from':
    case 'token-batch-transfer':
    case 'authorized-transfer':
      return action.token;
    default:
      return undefined;
  }
}

/**
 * Whether the register is asked about `request`: a transaction or a batch call that moves shares, or an
 * ERC-3009 signature tied to a chain (one with no chainId is valid on any chain: no register to ask).
 */
export function asksRegister(request: ApprovalRequest): boolean {
  switch (request.kind) {
    case 'transaction': return sharesMovedBy(request.transaction.call) !== undefined;
    case 'calls': return request.batch.calls.some((call) => sharesMovedBy(call.call) !== undefined);
    case 'typed_data': return request.action.kind === 'transfer' && request.chainId !== undefined;
    default: return false;
  }
}

export type RegisterChecksState = { name: 'checking' } | { name: 'done'; checks: RegisterChecksView };

/**
 * Asks the background once for the register's verdicts on approval `approvalId` (`wanted` false: a request
 * that moves no shares, nothing is asked). A failed ask is "could not check" for each transfer.
 */
export function useRegisterChecks(approvalId: string, call: PrivateCall, wanted: boolean): RegisterChecksState {
  const [state, setState] = useState<RegisterChecksState>(() => (wanted ? { name: 'checking' } : { name: 'done', checks: [] }));
  useEffect(() => {
    if (!wanted) return undefined;
    let current = true;
    setState({ name: 'checking' });
    call('register.check', { approvalId }).then(
      (checks) => { if (current) setState({ name: 'done', checks }); },
      () => { if (current) setState({ name: 'done', checks: [WALLET_FAILED] }); },
    );
    return () => { current = false; };
  }, [approvalId, call, wanted]);
  return state;
}

/** The check when the wallet's own request failed: "could not check", which never blocks. */
export const WALLET_FAILED: RegisterCheckView = { kind: 'unchecked', standard: undefined, cause: 'node', message: 'the wallet could not ask the network' };

/** The check of entry `index` of `state`: 'checking', the verdict, or null (nothing to show). */
export function checkAt(state: RegisterChecksState, index: number): RegisterCheckView | 'checking' | null {
  return state.name === 'checking' ? 'checking' : state.checks[index] ?? null;
}

/** The checks, once they are in (for the deliberate step). */
export function doneChecks(state: RegisterChecksState): RegisterChecksView | undefined {
  return state.name === 'done' ? state.checks : undefined;
}

/** The verdict on a transfer of `token`: checking, accepted, which rule refuses it, or could not check. */
export function RegisterVerdict({ check, token }: { check: RegisterCheckView | 'checking' | null; token: TokenView }) {
  if (check === null) return null;
  if (check === 'checking') {
    return <section class="register-verdict" aria-busy="true" aria-label={t('register_title')}><p class="hint">{t('register_checking')}</p></section>;
  }
  const words = registerVerdictWords(check, token);
  if (words === undefined) return null;
  return (
    <section class={`register-verdict register-${words.tone}`} aria-label={t('register_title')}>
      <h2 class="label">{t('register_title')}</h2>
      {words.tone === 'refused'
        ? (
          <div role="alert">
            <Callout tone="danger">
              <p><Sentence parts={words.sentence} /></p>
              {words.detail !== undefined && <p><Sentence parts={words.detail} /></p>}
            </Callout>
          </div>
        )
        : <p class="register-sentence"><Sentence parts={words.sentence} /></p>}
      {words.message !== undefined && (
        <p class="hint register-message"><Sentence parts={words.message} /></p>
      )}
    </section>
  );
}
