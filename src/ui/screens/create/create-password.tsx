// Create, step 4: the password that encrypts the wallet in this browser.
import { useState } from 'preact/hooks';
import { ErrorText } from '../../components/alerts';
import { NewPasswordFields } from '../../components/new-password';
import { Screen } from '../../components/screen';
import { useAttempt } from '../../components/use-attempt';
import { t } from '../../i18n';
import { newPasswordProblem, type PasswordProblem } from '../../lib/password-rules';

export function CreatePasswordStep({ onBack, onCreate }: { onBack: () => void; onCreate: (password: string) => Promise<void> }) {
  const { busy, error, setError, attempt } = useAttempt();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<PasswordProblem>();

  return (
    <Screen
      title={t('password_title')}
      busy={busy}
      onSubmit={() => {
        const found = newPasswordProblem(password, repeat);
        setProblem(found);
        setError(undefined);
        if (found !== undefined) return;
        attempt(() => onCreate(password));
      }}
      actions={
        <>
          <button type="button" class="btn" onClick={onBack}>{t('common_back')}</button>
          <button type="submit" class="btn btn-primary" aria-disabled={busy}>{t('create_submit')}</button>
        </>
      }
    >
      <p>{t('password_intro')}</p>
      <NewPasswordFields
        label="password"
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
