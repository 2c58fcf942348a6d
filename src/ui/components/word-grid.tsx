// The recovery-phrase inputs of the restore screen, one per word. Each is a password-type field without
// autocomplete, autocapitalisation or spell check, so neither the browser's form memory nor its session
// restore nor a spelling service ever gets the words. Pasting a whole phrase into any field fills all.
// "Show words" never turns a field into a text field: browsers save text fields' values in their session
// restore data on disk (issue 11), so the words are shown as plain text under the fields instead.
import type { Ref } from 'preact';
import { t } from '../i18n';
import { splitPhrase } from '../lib/phrase-input';

interface WordGridProps {
  /** Prefix of the fields' ids; one grid per page. */
  id: string;
  words: readonly string[];
  count: number;
  show: boolean;
  /** 1-based position of the word the phrase error is about, if any. */
  invalidPosition: number | undefined;
  /** Id of the phrase error, for aria-describedby. */
  errorId: string | undefined;
  onWord: (index: number, word: string) => void;
  /** Several words arrived at once (paste, or typed with spaces), starting at field `index`. */
  onWords: (words: string[], index: number) => void;
  inputRef: (index: number) => Ref<HTMLInputElement>;
  focusField: (index: number) => void;
}

export function WordGrid({ id, words, count, show, invalidPosition, errorId, onWord, onWords, inputRef, focusField }: WordGridProps) {
  return (
    <div class="word-grid" role="group" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} class="group-label">{t('phrase_listLabel')}</p>
      <div class="word-cells">
        {Array.from({ length: count }, (_, index) => {
          const position = index + 1;
          const invalid = invalidPosition === position;
          return (
            <div key={index} class="word-cell">
              <label for={`${id}-${index}`} class="word-n">
                <span aria-hidden="true">{position}</span>
                <span class="sr-only">{t('field_word', [position])}</span>
              </label>
              <input
                type="password"
                id={`${id}-${index}`}
                ref={inputRef(index)}
                value={words[index] ?? ''}
                autocomplete="off"
                autocapitalize="off"
                autocorrect="off"
                spellcheck={false}
                aria-invalid={invalid ? true : undefined}
                aria-describedby={errorId}
                onPaste={(event) => {
                  const pasted = splitPhrase(event.clipboardData?.getData('text/plain') ?? '');
                  if (pasted.length < 2) return; // one word: an ordinary paste
                  event.preventDefault();
                  onWords(pasted, 0);
                }}
                onInput={(event) => {
                  const value = event.currentTarget.value;
                  if (!/\s/u.test(value)) {
                    onWord(index, value);
                    return;
                  }
                  // A space ends the word: move on to the next field. Several words: spread them out.
                  const typed = splitPhrase(value);
                  if (typed.length > 1) {
                    onWords(typed, index);
                    return;
                  }
                  // Set the field too: when the word itself did not change, no re-render would drop the space.
                  event.currentTarget.value = typed[0] ?? '';
                  onWord(index, typed[0] ?? '');
                  if (typed.length === 1 && index + 1 < count) focusField(index + 1);
                }}
              />
              {show && <span class="word-shown">{words[index] ?? ''}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
