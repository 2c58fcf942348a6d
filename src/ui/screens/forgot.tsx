// Forgot password: the password encrypts the vault, so it cannot be reset. The only way back in is to
// remove the wallet from this browser and restore it from the recovery phrase. The user confirms by
// typing a word; the removal itself happens on the restore screen, once the phrase checks out.
import { useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { Callout } from '../components/alerts';
import { Field } from '../components/field';
import { Screen } from '../components/screen';
import { t } from '../i18n';
import { matchesTypedConfirmation } from '../lib/password-rules';

export function ForgotScreen() {
  const app = useApp();
  const word = t('confirm_word');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  return (
    <Screen
      title={t('forgot_title')}
      onSubmit={() => {
        if (!matchesTypedConfirmation(typed, word)) {
          setError(t('typed_mismatch', [word]));
          return;
        }
        app.go({ name: 'restore', replace: true });
      }}
      actions={
        <>
          <button type="button" class="btn" onClick={() => { app.go({ name: 'unlock' }); }}>{t('common_back')}</button>
          <button type="submit" class="btn btn-primary">{t('common_continue')}</button>
        </>
      }
    >
      <p>{t('forgot_cannotReset')}</p>
      <p>{t('forgot_howTo')}</p>
      <Callout tone="danger">{t('forgot_noPhrase')}</Callout>
      <Field
        label={t('field_typeToConfirm', [word])}
        autoComplete="off"
        value={typed}
        onValue={(value) => { setTyped(value); setError(undefined); }}
        error={error}
      />
    </Screen>
  );
}
