// What the Send screen draws, from the state send.tsx keeps: the company (its contract's words framed), the
// sending account, the recipient with its problem or the look-alike warning and its confirmation, the
// amount, the share register's verdict on the transfer (a "no" with its deliberate tick), and what became of the last attempt (a calm note for the user's own rejection). No hooks, so a
// test can read what it returns.
import { formatUnits, shortAddress } from '../../core/format';
import type { TokenView } from '../../protocol/approvals';
import type { RegisterCheckView } from '../../protocol/register';
import type { LookalikeView } from '../../protocol/transactions';
import { Sentence } from '../approval/parts';
import { RegisterVerdict } from '../approval/register-verdict';
import { fill, mark } from '../approval/sentence';
import { Callout, ErrorText } from '../components/alerts';
import { accountName } from '../components/account-name';
import { Field } from '../components/field';
import { OutsideText } from '../components/outside-text';
import { Screen } from '../components/screen';
import { t } from '../i18n';
import { NAME_CAP, SYMBOL_CAP } from '../lib/outside-text';
import type { Sender } from '../lib/send-form';
import type { ProposalOutcome } from '../lib/send-text';

export const SEND_FROM_ID = 'send-from';

export interface SendFormProps {
  token: TokenView;
  chainName: string;
  senders: readonly Sender[];
  /** The sending account's address. */
  from: string;
  recipient: string;
  amount: string;
  recipientError: string | undefined;
  amountError: string | undefined;
  lookalike: LookalikeView | undefined;
  lookalikeChecked: boolean;
  lookalikeError: string | undefined;
  /** The register's verdict on the transfer as typed: null when nothing is asked (a plain token, an incomplete form). */
  register: RegisterCheckView | 'checking' | null;
  /** The user's deliberate "send it anyway" for a transfer the register refuses. */
  registerAccepted: boolean;
  registerError: string | undefined;
  outcome: ProposalOutcome | undefined;
  busy: boolean;
  onFrom: (address: string) => void;
  onRecipient: (text: string) => void;
  onAmount: (text: string) => void;
  onLookalikeChecked: (checked: boolean) => void;
  onRegisterAccepted: (accepted: boolean) => void;
  onSubmit: () => void;
  onBack: () => void;
}

function senderLabel(sender: Sender, decimals: number): string {
  return t('send_fromOption', [accountName(sender.account), shortAddress(sender.account.address), formatUnits(sender.balance, decimals)]);
}

export function SendForm(props: SendFormProps) {
  const { token, senders, busy, outcome, lookalike } = props;
  const selected = senders.find((sender) => sender.account.address === props.from);
  return (
    <Screen
      title={t('send_title')}
      busy={busy}
      onSubmit={props.onSubmit}
      actions={
        <>
          <button type="button" class="btn" onClick={props.onBack}>{t('common_back')}</button>
          <button type="submit" class="btn btn-primary" aria-disabled={busy}>{t('send_submit')}</button>
        </>
      }
    >
      <p class="send-company">
        <span class="mono" title={token.address}>{shortAddress(token.address)}</span>{' '}
        <OutsideText text={token.name} source="contract" cap={NAME_CAP} />{' '}
        <OutsideText text={token.symbol} source="contract" cap={SYMBOL_CAP} />
      </p>
      <p class="hint"><OutsideText text={props.chainName} source="site" cap={NAME_CAP} /></p>
      <div class="field">
        <label for={SEND_FROM_ID}>{t('field_sendFrom')}</label>
        <select id={SEND_FROM_ID} value={props.from} disabled={busy} onChange={(event) => { props.onFrom(event.currentTarget.value); }}>
          {senders.map((sender) => (
            <option key={sender.account.address} value={sender.account.address}>{senderLabel(sender, token.decimals)}</option>
          ))}
        </select>
      </div>
      <Field
        label={t('field_recipient')}
        autoComplete="off"
        value={props.recipient}
        onValue={props.onRecipient}
        hint={t('send_recipientHint')}
        error={props.recipientError}
        maxLength={100}
        disabled={busy}
      />
      {lookalike !== undefined && (
        <div class="send-lookalike">
          <div role="alert">
            <Callout tone="danger">
              <p><Sentence parts={fill(t('tx_lookalike', [mark(0), mark(1)]), [{ kind: 'address', address: lookalike.recipient }, { kind: 'address', address: lookalike.imitates }])} /></p>
            </Callout>
          </div>
          <label class="check">
            <input type="checkbox" checked={props.lookalikeChecked} disabled={busy} onChange={(event) => { props.onLookalikeChecked(event.currentTarget.checked); }} />
            <span>{t('send_lookalikeConfirm')}</span>
          </label>
          {props.lookalikeError !== undefined && <ErrorText>{props.lookalikeError}</ErrorText>}
        </div>
      )}
      <Field
        label={t('field_amount')}
        autoComplete="off"
        value={props.amount}
        onValue={props.onAmount}
        hint={selected === undefined ? undefined : t('send_amountHint', [formatUnits(selected.balance, token.decimals)])}
        error={props.amountError}
        maxLength={100}
        disabled={busy}
      />
      <RegisterVerdict check={props.register} token={{ address: token.address, chainId: token.chainId, known: token }} />
      {props.register !== null && props.register !== 'checking' && props.register.kind === 'refused' && (
        <div class="send-register">
          <label class="check">
            <input type="checkbox" checked={props.registerAccepted} disabled={busy} onChange={(event) => { props.onRegisterAccepted(event.currentTarget.checked); }} />
            <span>{t('register_sendAnyway')}</span>
          </label>
          {props.registerError !== undefined && <ErrorText>{props.registerError}</ErrorText>}
        </div>
      )}
      <div class="send-progress" role="status">
        {busy && <p class="hint">{t('send_waiting')}</p>}
        {!busy && outcome?.kind === 'rejected' && <Callout tone="info"><p>{t('send_rejected')}</p></Callout>}
      </div>
      {outcome?.kind === 'failed' && <ErrorText>{t('send_notSent', [outcome.reason])}</ErrorText>}
    </Screen>
  );
}
