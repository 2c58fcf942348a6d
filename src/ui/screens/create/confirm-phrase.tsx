// Create, step 3: the user picks the word at a few random positions. A wrong answer asks new
// positions, so trying every option in turn does not get through.
import { useState } from 'preact/hooks';
import { ErrorText } from '../../components/alerts';
import { Screen } from '../../components/screen';
import { t } from '../../i18n';
import { allCorrect, type ConfirmQuestion } from '../../lib/confirm-words';

interface ConfirmPhraseProps {
  questions: readonly ConfirmQuestion[];
  /** Asks new positions after a wrong answer. */
  onRetry: () => void;
  onBack: () => void;
  onConfirmed: () => void;
}

export function ConfirmPhraseStep({ questions, onRetry, onBack, onConfirmed }: ConfirmPhraseProps) {
  const [picks, setPicks] = useState<ReadonlyMap<number, string>>(new Map());
  const [error, setError] = useState<'incomplete' | 'wrong'>();

  function pick(position: number, word: string): void {
    const next = new Map(picks);
    next.set(position, word);
    setPicks(next);
    if (error === 'incomplete') setError(undefined);
  }

  return (
    <Screen
      title={t('confirm_title')}
      onSubmit={() => {
        if (questions.some((question) => !picks.has(question.position))) {
          setError('incomplete');
        } else if (allCorrect(questions, picks)) {
          onConfirmed();
        } else {
          setError('wrong');
          setPicks(new Map());
          onRetry();
        }
      }}
      actions={
        <>
          <button type="button" class="btn" onClick={onBack}>{t('common_back')}</button>
          <button type="submit" class="btn btn-primary">{t('common_continue')}</button>
        </>
      }
    >
      <p>{t('confirm_intro')}</p>
      {questions.map((question) => (
        <div key={question.position} class="question" role="group" aria-labelledby={`confirm-q-${question.position}`}>
          <p id={`confirm-q-${question.position}`} class="question-label">{t('confirm_position', [question.position])}</p>
          <div class="options">
            {question.options.map((word) => (
              <button
                key={word}
                type="button"
                class="option"
                aria-pressed={picks.get(question.position) === word}
                onClick={() => { pick(question.position, word); }}
              >
                {word}
              </button>
            ))}
          </div>
        </div>
      ))}
      {error === 'incomplete' && <ErrorText>{t('confirm_incomplete')}</ErrorText>}
      {error === 'wrong' && <ErrorText>{t('confirm_wrong')}</ErrorText>}
    </Screen>
  );
}
