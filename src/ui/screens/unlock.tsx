// The wallet is locked: its password opens it. After wrong passwords the background makes the user wait
// (the delay grows and survives closing the popup); the button stays disabled and counts down meanwhile.
// A damaged vault cannot be opened at all: the screen says so and offers the restore path instead.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { call } from '../client';
import { Callout } from '../components/alerts';
import { Field } from '../components/field';
import { Screen } from '../components/screen';
import { useBusy } from '../components/use-busy';
import { useRetryCountdown } from '../components/use-retry-countdown';
import { errorCode, retryAtOf } from '../errors';
import { t } from '../i18n';

export function UnlockScreen() {
  const app = useApp();
  // Damaged in its shape (the wallet's view says so): a restore may write over it, and the background
  // keeps the damaged record aside. Damaged inside (found only on opening it): the record must be
  // removed before a restore, like a forgotten password.
  const [damagedInside, setDamagedInside] = useState(false);
  if (app.view.vaultDamaged === true) return <DamagedVault replace={false} />;
  if (damagedInside) return <DamagedVault replace />;
  return <UnlockForm onDamaged={() => { setDamagedInside(true); }} />;
}

function DamagedVault({ replace }: { replace: boolean }) {
  const app = useApp();
  return (
    <Screen
      title={t('damaged_title')}
      actions={
        <button type="button" class="btn btn-primary" onClick={() => { app.go({ name: 'restore', replace }); }}>
          {t('welcome_restore')}
        </button>
      }
    >
      <Callout tone="danger">{t('damaged_text')}</Callout>
      <p>{replace ? t('damaged_restore') : t('damaged_kept')}</p>
    </Screen>
  );
}

function UnlockForm({ onDamaged }: { onDamaged: () => void }) {
  const app = useApp();
  const [busy, run] = useBusy();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const { secondsLeft: blockedFor, blocked, setRetryAt } = useRetryCountdown(app.view.unlockBlockedUntil);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => { field.current?.focus(); }, []);

  return (
    <Screen
      title={t('unlock_title')}
      before={<img class="hero-mark" src="/icons/icon-96.png" width={56} height={56} alt="" />}
      focus="none"
      busy={busy}
      onSubmit={() => {
        if (blocked) return;
        run(async () => {
          setError(undefined);
          try {
            app.show(await call('wallet.unlock', { password }));
          } catch (failure) {
            const code = errorCode(failure);
            if (code === 'vault-damaged') {
              onDamaged();
              return;
            }
            setError(code === 'wrong-password' ? t('error_wrongPassword') : app.failure(failure));
            setRetryAt(retryAtOf(failure));
            if (code === 'wrong-password') setPassword('');
            field.current?.focus();
          }
        });
      }}
      actions={
        <button type="submit" class="btn btn-primary btn-wide" disabled={blocked} aria-disabled={busy}>
          {t('unlock_submit')}
        </button>
      }
    >
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
      <div class="aside">
        <p>{t('unlock_forgot')}</p>
        <button type="button" class="btn btn-link" onClick={() => { app.go({ name: 'forgot' }); }}>
          {t('welcome_restore')}
        </button>
      </div>
    </Screen>
  );
}
