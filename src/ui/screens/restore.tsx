// Restoring a wallet from its recovery phrase, word by word, with an optional BIP-39 passphrase and a
// new password. In the forgot-password path (`replace`), the existing wallet is removed only once the
// phrase has been checked, right before the restored one is written, so a slip in the form never leaves
// the user with no wallet at all. Once written, the wallet looks for the phrase's other used accounts
// (recovery discovery) before home opens.
import { useRef, useState } from 'preact/hooks';
import type { WordlistName } from '../../protocol/private';
import { useApp } from '../app-context';
import { call } from '../client';
import { Callout, ErrorText } from '../components/alerts';
import { ChoiceGroup } from '../components/choice-group';
import { Field } from '../components/field';
import { NewPasswordFields } from '../components/new-password';
import { Screen } from '../components/screen';
import { useAttempt } from '../components/use-attempt';
import { WordGrid } from '../components/word-grid';
import { WordlistChoice } from '../components/wordlist-choice';
import { mnemonicProblemMessage } from '../errors';
import { t } from '../i18n';
import { newPasswordProblem, type PasswordProblem } from '../lib/password-rules';
import { cleanWord, firstEmptyWord, guessWordlist, isPhraseLength, resizeWords, type PhraseLength } from '../lib/phrase-input';
import { discoverAfterRestore } from '../lib/restore-discovery';

const MAX_WORDS = 24;
const PHRASE_ERROR_ID = 'restore-phrase-error';
const WORD_FIELD_ID = 'restore-word';

interface PhraseError {
  message: string;
  position?: number;
}

function lengthLabel(length: PhraseLength): string {
  switch (length) {
    case 12: return t('option_words12');
    case 15: return t('option_words15');
    case 18: return t('option_words18');
    case 21: return t('option_words21');
    case 24: return t('option_words24');
  }
}

export function RestoreScreen({ replace }: { replace: boolean }) {
  const app = useApp();
  const { busy, error, setError, attempt } = useAttempt();
  const [wordlist, setWordlist] = useState<WordlistName>('english');
  const [count, setCount] = useState<PhraseLength>(12);
  const [words, setWords] = useState<string[]>(() => resizeWords([], MAX_WORDS));
  const [show, setShow] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [phraseError, setPhraseError] = useState<PhraseError>();
  const [passwordProblem, setPasswordProblem] = useState<PasswordProblem>();
  const [discovering, setDiscovering] = useState(false);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  function focusField(index: number): void {
    inputs.current[index]?.focus();
  }

  function fail(problem: PhraseError): void {
    setPhraseError(problem);
    if (problem.position !== undefined) focusField(problem.position - 1);
  }

  function spread(incoming: string[], start: number): void {
    setPhraseError(undefined);
    if (start === 0 && incoming.length > 1) {
      // A whole phrase: its length decides the number of fields.
      if (!isPhraseLength(incoming.length)) {
        fail({ message: t('problem_wordCount', [incoming.length]) });
        return;
      }
      setCount(incoming.length);
      setWords(resizeWords(incoming, MAX_WORDS));
      const guessed = guessWordlist(incoming);
      if (guessed !== undefined) setWordlist(guessed);
      return;
    }
    const next = [...words];
    incoming.forEach((word, offset) => { if (start + offset < MAX_WORDS) next[start + offset] = word; });
    setWords(next);
    focusField(Math.min(start + incoming.length, count - 1));
  }

  function submit(): void {
    setError(undefined);
    const phraseWords = words.slice(0, count).map(cleanWord);
    const empty = firstEmptyWord(phraseWords);
    const problem = newPasswordProblem(password, repeat);
    setPasswordProblem(problem);
    if (empty !== undefined) {
      fail({ message: t('restore_emptyWord', [empty]), position: empty });
      return;
    }
    setPhraseError(undefined);
    if (problem !== undefined) return;
    attempt(async () => {
      const phrase = phraseWords.join(' ');
      const checked = await call('mnemonic.check', { phrase, wordlist });
      if (checked.problem !== null) {
        const position = checked.problem.kind === 'unknown-word' ? checked.problem.position : undefined;
        fail({ message: mnemonicProblemMessage(checked.problem), ...(position === undefined ? {} : { position }) });
        return;
      }
      // Removed only now, with a valid phrase in hand; the screen stays (it fits "no wallet" too).
      if (replace) app.show(await call('wallet.remove', {}), { name: 'restore', replace: true });
      const view = await call('wallet.create', { phrase, wordlist, password, ...(passphrase === '' ? {} : { passphrase }) });
      setDiscovering(true);
      await discoverAfterRestore(view, {
        discover: () => call('accounts.discover', {}),
        read: () => call('wallet.get', {}),
        show: (next, stopped) => { app.show(next, stopped === undefined ? undefined : { name: 'home', stopped }); },
        announce: (message) => { app.announce(message); },
        failure: (failure) => app.failure(failure),
      });
    });
  }

  const otherLength = count === 12 || count === 24 ? '' : String(count);
  return (
    <Screen
      title={t('restore_title')}
      busy={busy}
      onSubmit={submit}
      actions={
        <>
          <button type="button" class="btn" onClick={() => { app.go(replace ? { name: 'unlock' } : { name: 'welcome' }); }}>
            {t('common_back')}
          </button>
          <button type="submit" class="btn btn-primary" aria-disabled={busy}>{t('restore_submit')}</button>
        </>
      }
    >
      {replace && <Callout tone="danger">{t('restore_replaceNote')}</Callout>}
      <p>{t('restore_intro')}</p>
      <WordlistChoice value={wordlist} onChange={setWordlist} />
      <div class="count-row">
        <ChoiceGroup<PhraseLength>
          legend={t('restore_countLegend')}
          choices={[{ value: 12, label: lengthLabel(12) }, { value: 24, label: lengthLabel(24) }]}
          value={count === 12 || count === 24 ? count : undefined}
          onChange={setCount}
        />
        <div class="field field-inline">
          <label for="restore-other-count">{t('restore_otherCount')}</label>
          <select
            id="restore-other-count"
            value={otherLength}
            onChange={(event) => {
              const value = Number(event.currentTarget.value);
              if (isPhraseLength(value)) setCount(value);
            }}
          >
            <option value="" disabled>{t('restore_otherNone')}</option>
            {([15, 18, 21] as const).map((length) => <option key={length} value={String(length)}>{lengthLabel(length)}</option>)}
          </select>
        </div>
      </div>
      <label class="check">
        <input type="checkbox" checked={show} onChange={(event) => { setShow(event.currentTarget.checked); }} />
        <span>{t('restore_showWords')}</span>
      </label>
      <WordGrid
        id={WORD_FIELD_ID}
        words={words}
        count={count}
        show={show}
        invalidPosition={phraseError?.position}
        errorId={phraseError === undefined ? undefined : PHRASE_ERROR_ID}
        onWord={(index, word) => {
          const next = [...words];
          next[index] = word;
          setWords(next);
          if (phraseError?.position === index + 1) setPhraseError(undefined);
        }}
        onWords={spread}
        inputRef={(index) => (element: HTMLInputElement | null) => { inputs.current[index] = element; }}
        focusField={focusField}
      />
      {phraseError !== undefined && <ErrorText id={PHRASE_ERROR_ID}>{phraseError.message}</ErrorText>}
      <details class="advanced">
        <summary>{t('restore_advanced')}</summary>
        <Field
          label={t('field_passphrase')}
          type="password"
          autoComplete="off"
          value={passphrase}
          onValue={setPassphrase}
          hint={t('restore_passphraseHint')}
        />
      </details>
      <NewPasswordFields
        label="new-password"
        password={password}
        repeat={repeat}
        onPassword={setPassword}
        onRepeat={setRepeat}
        problem={passwordProblem}
      />
      {busy && <p class="hint" role="status">{discovering ? t('restore_discovering') : t('common_working')}</p>}
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </Screen>
  );
}
