// A request arrived while the wallet is locked: the password opens it here, then the request shows.
// The same rules as the popup's unlock: wrong passwords make the background refuse for a growing time,
// and the button stays disabled and counts down meanwhile. Reject needs no password.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PendingApproval } from '../../protocol/approvals';
import type { WalletView } from '../../protocol/private';
import { Field } from '../components/field';
import { Screen } from '../components/screen';
import { useBusy } from '../components/use-busy';
import { useRetryCountdown } from '../components/use-retry-countdown';
import { errorCode, errorMessage, retryAtOf } from '../errors';
import { t } from '../i18n';
import type { PrivateCall } from '../lib/rpc';
import { SiteCard } from './site';

interface UnlockProps {
  pending: PendingApproval;
  wallet: WalletView;
  call: PrivateCall;
  /** The wallet's view after unlocking (or after it changed meanwhile). */
  onWallet: (view: WalletView) => void;
  onReject: () => void;
  /** A decision is under way (Reject was pressed). */
  deciding: boolean;
}

export function UnlockScreen({ pending, wallet, call, onWallet, onReject, deciding }: UnlockProps) {
  const [busy, run] = useBusy();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const { secondsLeft: blockedFor, blocked, setRetryAt } = useRetryCountdown(wallet.unlockBlockedUntil);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => { field.current?.focus(); }, []);

  return (
    <Screen
      title={t('approval_unlockTitle')}
      focus="none"
      busy={busy || deciding}
      onSubmit={() => {
        if (blocked) return;
        run(async () => {
          setError(undefined);
          try {
            onWallet(await call('wallet.unlock', { password }));
          } catch (failure) {
            const code = errorCode(failure);
            if (code === 'wrong-state') {
              // Unlocked (or removed) elsewhere meanwhile: show what the wallet is now.
              onWallet(await call('wallet.get', {}));
              return;
            }
            setError(code === 'wrong-password' ? t('error_wrongPassword') : errorMessage(failure));
            setRetryAt(retryAtOf(failure));
            if (code === 'wrong-password') setPassword('');
            field.current?.focus();
          }
        });
      }}
      actions={
        <>
          <button type="button" class="btn" disabled={deciding} onClick={onReject}>{t('approval_reject')}</button>
          <button type="submit" class="btn btn-primary" disabled={blocked || busy}>{t('unlock_submit')}</button>
        </>
      }
    >
      <SiteCard origin={pending.origin} topOrigin={pending.topOrigin} topOriginUnknown={pending.topOriginUnknown} />
      <p>{t('approval_unlockText')}</p>
      <Field
        label={t('field_password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onValue={setPassword}
        inputRef={field}
        error={error}
        hint={blocked ? t('unlock_retryIn', [blockedFor]) : undefined}
      />
    </Screen>
  );
}
