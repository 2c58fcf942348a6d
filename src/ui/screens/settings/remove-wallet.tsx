// Removing the wallet from this browser, after a warning and a typed confirmation word.
import { useState } from 'preact/hooks';
import { useApp } from '../../app-context';
import { call } from '../../client';
import { Callout, ErrorText } from '../../components/alerts';
import { Field } from '../../components/field';
import { Screen } from '../../components/screen';
import { useAttempt } from '../../components/use-attempt';
import { t } from '../../i18n';
import { matchesTypedConfirmation } from '../../lib/password-rules';

export function RemoveWalletScreen() {
  const app = useApp();
  const { busy, error, setError, attempt } = useAttempt();
  const word = t('confirm_word');
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string>();

  return (
    <Screen
      title={t('remove_title')}
      busy={busy}
      onSubmit={() => {
        setError(undefined);
        if (!matchesTypedConfirmation(typed, word)) {
          setTypedError(t('typed_mismatch', [word]));
          return;
        }
        attempt(async () => {
          app.show(await call('wallet.remove', {}));
          app.announce(t('remove_done'));
        });
      }}
      actions={
        <>
          <button type="button" class="btn" onClick={() => { app.go({ name: 'settings' }); }}>{t('common_back')}</button>
          <button type="submit" class="btn btn-danger" aria-disabled={busy}>{t('settings_remove')}</button>
        </>
      }
    >
      <Callout tone="danger">
        <p>{t('remove_warnDeletes')}</p>
        <p>{t('remove_warnPhrase')}</p>
      </Callout>
      <Field
        label={t('field_typeToConfirm', [word])}
        autoComplete="off"
        value={typed}
        onValue={(value) => { setTyped(value); setTypedError(undefined); }}
        error={typedError}
      />
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </Screen>
  );
}
