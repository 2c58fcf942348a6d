// A recovery phrase shown as numbered words. The list is an <ol>, so screen readers number the words
// themselves and the visible numbers are hidden from them.
import { t } from '../i18n';

export function PhraseWords({ words }: { words: readonly string[] }) {
  return (
    <ol class="phrase" aria-label={t('phrase_listLabel')}>
      {words.map((word, index) => (
        <li key={index}>
          <span class="phrase-n" aria-hidden="true">{index + 1}</span>
          <span class="word">{word}</span>
        </li>
      ))}
    </ol>
  );
}
