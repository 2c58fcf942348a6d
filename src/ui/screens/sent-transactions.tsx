// Activity's transactions: each one the wallet sent, newest first, with its call in words, network, sender,
// nonce, status and time; a pending one offers Speed up and Cancel, each after a confirm step that shows
// what the replacement may cost. While any is pending the list is read again every couple of seconds.
import { useEffect, useState } from 'preact/hooks';
import type { SentTransactionView } from '../../protocol/transactions';
import { callSentence } from '../approval/call-sentence';
import { Sentence } from '../approval/parts';
import { chainIdDecimal, fill, mark } from '../approval/sentence';
import { formatTime } from '../approval/time';
import { call } from '../client';
import { ErrorText } from '../components/alerts';
import { useAttempt } from '../components/use-attempt';
import { errorMessage } from '../errors';
import { t } from '../i18n';
import { isPending, originLine, replacementNote, statusLabel, type Replacement } from './transaction-status';

/** How often a list with a pending transaction is read again while the screen is open. */
const PENDING_POLL_MS = 2_000;

function badgeClass(transaction: SentTransactionView): string {
  if (transaction.status === 'confirmed') return 'badge badge-approved';
  if (transaction.status === 'failed') return 'badge badge-failed';
  return 'badge';
}

interface Confirming {
  hash: string;
  kind: Replacement;
}

export function SentTransactions() {
  const { busy, error, attempt } = useAttempt();
  const [list, setList] = useState<SentTransactionView[]>();
  const [readError, setReadError] = useState<string>();
  const [confirming, setConfirming] = useState<Confirming>();

  const read = async () => {
    try {
      setList(await call('transactions.list', {}));
      setReadError(undefined);
    } catch (failure) {
      setReadError(errorMessage(failure));
    }
  };

  useEffect(() => { void read(); }, []);

  const anyPending = list?.some(isPending) === true;
  useEffect(() => {
    if (!anyPending) return undefined;
    const timer = setInterval(() => { void read(); }, PENDING_POLL_MS);
    return () => { clearInterval(timer); };
  }, [anyPending]);

  const replace = (target: Confirming) => {
    attempt(async () => {
      await call(target.kind === 'speed-up' ? 'transactions.speedUp' : 'transactions.cancel', { hash: target.hash });
      setConfirming(undefined);
      await read();
    });
  };

  return (
    <section class="sent-transactions" aria-labelledby="transactions-heading">
      <h2 id="transactions-heading" class="section-title">{t('activity_transactions')}</h2>
      {list === undefined && readError === undefined && <p class="hint" role="status">{t('common_loading')}</p>}
      {list?.length === 0 && <p class="hint">{t('activity_noTransactions')}</p>}
      {list !== undefined && list.length > 0 && (
        <ul class="item-list">
          {list.map((transaction) => (
            <li key={transaction.hash} class="item" data-hash={transaction.hash}>
              <div class="item-head">
                <time class="hint" dateTime={new Date(transaction.sentAt).toISOString()}>{formatTime(transaction.sentAt)}</time>
                <span class={badgeClass(transaction)}><Sentence parts={statusLabel(transaction, list)} short /></span>
              </div>
              <p class="item-text"><Sentence parts={callSentence(transaction.call, transaction.nativeCurrency)} short /></p>
              <p class="hint">
                <Sentence
                  parts={fill(t('activity_transactionMeta', [mark(0), mark(1), mark(2)]),
                    [{ kind: 'number', text: chainIdDecimal(transaction.chainId) }, { kind: 'address', address: transaction.from }, { kind: 'number', text: transaction.nonce }])}
                  short
                />
              </p>
              <p class="hint"><Sentence parts={originLine(transaction)} short /></p>
              {isPending(transaction) && confirming?.hash !== transaction.hash && (
                <div class="actions-inline">
                  <button type="button" class="btn" disabled={busy} onClick={() => { setConfirming({ hash: transaction.hash, kind: 'speed-up' }); }}>
                    {t('activity_speedUp')}
                  </button>
                  <button type="button" class="btn" disabled={busy} onClick={() => { setConfirming({ hash: transaction.hash, kind: 'cancel' }); }}>
                    {t('activity_cancelTransaction')}
                  </button>
                </div>
              )}
              {isPending(transaction) && confirming?.hash === transaction.hash && (
                <div class="confirm-step">
                  <p><Sentence parts={replacementNote(transaction, confirming.kind)} /></p>
                  <div class="actions-inline">
                    <button type="button" class="btn" disabled={busy} onClick={() => { setConfirming(undefined); }}>{t('activity_keepTransaction')}</button>
                    <button type="button" class="btn btn-primary" disabled={busy} onClick={() => { replace(confirming); }}>
                      {confirming.kind === 'speed-up' ? t('activity_confirmSpeedUp') : t('activity_confirmCancel')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {readError !== undefined && <ErrorText>{readError}</ErrorText>}
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </section>
  );
}
