// Send: one company's shares from one of the wallet's accounts to an address. The form checks what it can
// before the wallet is asked (the recipient's EIP-55 checksum, a look-alike of an address the user knows,
// the amount against the account's balance), and shows the share register's verdict on the transfer as
// typed ('register.checkTransfer'; a definite "no" needs a deliberate tick, "could not check" never
// blocks); then the transfer goes through 'transactions.propose', which
// shows it in the approval window with its preview and fee. Sent: Activity, where it shows as pending.
// Rejected or refused: said here, with everything typed kept.
import { useEffect, useState } from 'preact/hooks';
import type { TokenHoldingsView } from '../../protocol/holdings';
import type { RegisterCheckView } from '../../protocol/register';
import { WALLET_FAILED } from '../approval/register-verdict';
import { useApp } from '../app-context';
import { call } from '../client';
import { ErrorText } from '../components/alerts';
import { Screen } from '../components/screen';
import { useBusy } from '../components/use-busy';
import { errorCode } from '../errors';
import { t } from '../i18n';
import { findToken } from '../lib/holdings';
import { checkSend, knownAddresses, registerQuery, sendersOf, transferProposal } from '../lib/send-form';
import { amountProblemText, proposalOutcome, recipientProblemText, type ProposalOutcome } from '../lib/send-text';
import { SendForm } from './send-form';

/** How long the typing rests before the register is asked about the transfer as typed. */
const REGISTER_ASK_DELAY_MS = 300;

export function SendScreen({ chainId, token: tokenAddress }: { chainId: string; token: string }) {
  const app = useApp();
  const { accounts } = app.view;
  const [busy, run] = useBusy();
  /** Undefined while reading; null when the wallet no longer shows this token. */
  const [holdings, setHoldings] = useState<TokenHoldingsView | null>();
  const [readError, setReadError] = useState<string>();
  const [known, setKnown] = useState<readonly string[]>(() => accounts.map((account) => account.address));
  const [from, setFrom] = useState<string>();
  const [recipient, setRecipient] = useState('');
  const [amount, setAmount] = useState('');
  const [lookalikeChecked, setLookalikeChecked] = useState(false);
  /** Problems are shown once the user has pressed Send, then follow the typing. */
  const [submitted, setSubmitted] = useState(false);
  const [outcome, setOutcome] = useState<ProposalOutcome>();
  /** The register's verdict on the transfer typed (`key`), 'checking' while asked. */
  const [register, setRegister] = useState<{ key: string; check: RegisterCheckView | 'checking' }>();
  const [registerAccepted, setRegisterAccepted] = useState(false);

  useEffect(() => {
    void (async () => {
      try {
        setHoldings(findToken(await call('holdings.get', {}), chainId, tokenAddress) ?? null);
      } catch (failure) {
        setReadError(app.failure(failure));
      }
      // Past recipients only sharpen the look-alike check (the approval window checks them too).
      const sent = await call('transactions.list', {}).catch(() => []);
      setKnown(knownAddresses(accounts, sent));
    })();
  }, []);

  const token = holdings?.token;
  const senders = holdings === undefined || holdings === null ? [] : sendersOf(holdings, accounts);
  const chosen = from ?? senders[0]?.account.address ?? '';
  const check = checkSend({ senders, from: chosen, recipient, amount, decimals: token?.decimals ?? 0, known, lookalikeChecked });
  const query = token === undefined || check.transfer === undefined ? undefined : registerQuery(token, check.transfer);
  const queryKey = query === undefined ? '' : JSON.stringify(query);
  const verdict = register !== undefined && register.key === queryKey ? register.check : null;
  const registerRefused = verdict !== null && verdict !== 'checking' && verdict.kind === 'refused';

  useEffect(() => {
    setRegisterAccepted(false);
    if (query === undefined) return undefined;
    let current = true;
    setRegister({ key: queryKey, check: 'checking' });
    const timer = setTimeout(() => {
      call('register.checkTransfer', query).then(
        (answer) => { if (current) setRegister({ key: queryKey, check: answer }); },
        () => { if (current) setRegister({ key: queryKey, check: WALLET_FAILED }); },
      );
    }, REGISTER_ASK_DELAY_MS);
    return () => { current = false; clearTimeout(timer); };
  }, [queryKey]);

  const back = () => { app.go({ name: 'home' }); };
  if (holdings === undefined || holdings === null || token === undefined) {
    return (
      <Screen title={t('send_title')} actions={<button type="button" class="btn" onClick={back}>{t('common_back')}</button>}>
        {holdings === undefined && readError === undefined && <p class="lead" role="status">{t('common_loading')}</p>}
        {holdings === null && <p class="lead">{t('send_tokenGone')}</p>}
        {readError !== undefined && <ErrorText>{readError}</ErrorText>}
      </Screen>
    );
  }

  const edited = <T,>(set: (value: T) => void) => (value: T) => { set(value); setOutcome(undefined); };

  const submit = (): void => {
    setSubmitted(true);
    setOutcome(undefined);
    const { transfer } = check;
    if (transfer === undefined || (registerRefused && !registerAccepted)) return;
    run(async () => {
      try {
        await call('transactions.propose', transferProposal(token, transfer));
        app.announce(t('send_sent'));
        app.go({ name: 'activity', from: 'home' });
      } catch (failure) {
        // A lock meanwhile: the app reads the wallet again (and shows the unlock screen).
        if (errorCode(failure) === 'wrong-state') app.failure(failure);
        setOutcome(proposalOutcome(failure));
      }
    });
  };

  if (senders.length === 0) {
    return (
      <Screen title={t('send_title')} actions={<button type="button" class="btn" onClick={back}>{t('common_back')}</button>}>
        <p class="lead">{t('send_noShares')}</p>
      </Screen>
    );
  }
  return (
    <SendForm
      token={token}
      chainName={holdings.chainName}
      senders={senders}
      from={chosen}
      recipient={recipient}
      amount={amount}
      recipientError={submitted && check.recipient.kind === 'problem' ? recipientProblemText(check.recipient.problem) : undefined}
      amountError={submitted && check.amount?.kind === 'problem' && check.sender !== undefined
        ? amountProblemText(check.amount.problem, token.decimals, check.sender.balance)
        : undefined}
      lookalike={check.recipient.kind === 'ok' && check.recipient.imitates !== undefined
        ? { recipient: check.recipient.address, imitates: check.recipient.imitates }
        : undefined}
      lookalikeChecked={lookalikeChecked}
      lookalikeError={submitted && check.lookalikeUnconfirmed ? t('send_lookalikeUnconfirmed') : undefined}
      register={verdict}
      registerAccepted={registerAccepted}
      registerError={submitted && registerRefused && !registerAccepted ? t('send_registerUnconfirmed') : undefined}
      onRegisterAccepted={edited(setRegisterAccepted)}
      outcome={outcome}
      busy={busy}
      onFrom={edited(setFrom)}
      onRecipient={edited((text: string) => { setRecipient(text); setLookalikeChecked(false); })}
      onAmount={edited(setAmount)}
      onLookalikeChecked={edited(setLookalikeChecked)}
      onSubmit={submit}
      onBack={back}
    />
  );
}
