// Changing the password: the current one, then the new one twice. The background re-encrypts the vault
// in one transaction.
import { useState } from 'preact/hooks';
import { useApp } from '../../app-context';
import { call } from '../../client';
import { ErrorText } from '../../components/alerts';
import { Field } from '../../components/field';
import { NewPasswordFields } from '../../components/new-password';
import { Screen } from '../../components/screen';
import { useBusy } from '../../components/use-busy';
import { useRetryCountdown } from '../../components/use-retry-countdown';
import { errorCode, retryAtOf } from '../../errors';
import { t } from '../../i18n';
import { newPasswordProblem, type PasswordProblem } from '../../lib/password-rules';

export function ChangePasswordScreen() {
  const app = useApp();
  const [busy, run] = useBusy();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<PasswordProblem>();
  const [currentError, setCurrentError] = useState<string>();
  const [error, setError] = useState<string>();
  const { secondsLeft: wait, setRetryAt } = useRetryCountdown();

  return (
    <Screen
      title={t('change_title')}
      busy={busy}
      onSubmit={() => {
        const found = newPasswordProblem(password, repeat);
        setProblem(found);
        setError(undefined);
        setCurrentError(undefined);
        if (found !== undefined || wait > 0) return;
        run(async () => {
          try {
            app.show(await call('wallet.changePassword', { oldPassword: current, newPassword: password }), { name: 'settings' });
            app.announce(t('change_done'));
          } catch (failure) {
            const code = errorCode(failure);
            if (code === 'wrong-password' || code === 'unlock-blocked') {
              setCurrentError(code === 'wrong-password' ? t('error_wrongPassword') : t('error_unlockBlocked'));
              setRetryAt(retryAtOf(failure));
              setCurrent('');
            } else {
              setError(app.failure(failure));
            }
          }
        });
      }}
      actions={
        <>
          <button type="button" class="btn" onClick={() => { app.go({ name: 'settings' }); }}>{t('common_back')}</button>
          <button type="submit" class="btn btn-primary" disabled={wait > 0} aria-disabled={busy}>{t('settings_changePassword')}</button>
        </>
      }
    >
      <Field
        label={t('field_currentPassword')}
        type="password"
        autoComplete="current-password"
        value={current}
        onValue={setCurrent}
        error={currentError}
        hint={wait > 0 ? t('unlock_retryIn', [wait]) : undefined}
      />
      <NewPasswordFields
        label="new-password"
        password={password}
        repeat={repeat}
        onPassword={setPassword}
        onRepeat={setRepeat}
        problem={problem}
      />
      {busy && <p class="hint" role="status">{t('common_working')}</p>}
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </Screen>
  );
}
