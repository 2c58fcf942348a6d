// Showing the recovery phrase again: the password first, then the words. The phrase is kept in this
// component's state only and is dropped when the user leaves the screen (or the wallet locks).
import { useRef, useState } from 'preact/hooks';
import { useApp } from '../../app-context';
import { call } from '../../client';
import { Callout } from '../../components/alerts';
import { Field } from '../../components/field';
import { PhraseWords } from '../../components/phrase-words';
import { Screen } from '../../components/screen';
import { useBusy } from '../../components/use-busy';
import { useRetryCountdown } from '../../components/use-retry-countdown';
import { errorCode, retryAtOf } from '../../errors';
import { t } from '../../i18n';

export function RevealPhraseScreen() {
  const app = useApp();
  const [phrase, setPhrase] = useState<string>();
  const back = () => { app.go({ name: 'settings' }); };
  if (phrase === undefined) return <RevealForm onRevealed={setPhrase} onBack={back} />;
  return <RevealedPhrase phrase={phrase} onBack={back} />;
}

function RevealForm({ onRevealed, onBack }: { onRevealed: (phrase: string) => void; onBack: () => void }) {
  const app = useApp();
  const [busy, run] = useBusy();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const field = useRef<HTMLInputElement>(null);
  const { secondsLeft: wait, setRetryAt } = useRetryCountdown();

  return (
    <Screen
      title={t('reveal_title')}
      busy={busy}
      onSubmit={() => {
        if (wait > 0) return;
        run(async () => {
          setError(undefined);
          try {
            onRevealed((await call('wallet.revealPhrase', { password })).phrase);
          } catch (failure) {
            setError(errorCode(failure) === 'wrong-password' ? t('error_wrongPassword') : app.failure(failure));
            setRetryAt(retryAtOf(failure));
            setPassword('');
            field.current?.focus();
          }
        });
      }}
      actions={
        <>
          <button type="button" class="btn" onClick={onBack}>{t('common_back')}</button>
          <button type="submit" class="btn btn-primary" disabled={wait > 0} aria-disabled={busy}>{t('settings_reveal')}</button>
        </>
      }
    >
      <p>{t('reveal_intro')}</p>
      <Field
        label={t('field_password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onValue={setPassword}
        inputRef={field}
        error={error}
        hint={wait > 0 ? t('unlock_retryIn', [wait]) : undefined}
      />
    </Screen>
  );
}

/**
 * The revealed words, with no way to copy them: a shareholder writes them down. A copied phrase would reach
 * clipboard managers, clipboard sync and other apps, and only the popup could clear it, while it stays open.
 */
export function RevealedPhrase({ phrase, onBack }: { phrase: string; onBack: () => void }) {
  return (
    <Screen
      title={t('reveal_title')}
      actions={<button type="button" class="btn" onClick={onBack}>{t('common_back')}</button>}
    >
      <Callout tone="warning">
        <ul class="plain-list">
          <li>{t('phrase_warnPaper')}</li>
          <li>{t('phrase_warnShare')}</li>
          <li>{t('reveal_noCopy')}</li>
        </ul>
      </Callout>
      <PhraseWords words={phrase.split(/[\s\u3000]+/u)} />
    </Screen>
  );
}
