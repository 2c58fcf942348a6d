// Create, step 1: how many words, and which word list.
import type { WordlistName } from '../../../protocol/private';
import { ErrorText } from '../../components/alerts';
import { ChoiceGroup } from '../../components/choice-group';
import { Screen } from '../../components/screen';
import { useAttempt } from '../../components/use-attempt';
import { WordlistChoice } from '../../components/wordlist-choice';
import { t } from '../../i18n';

interface CreateOptionsProps {
  strength: 128 | 256;
  wordlist: WordlistName;
  onStrength: (strength: 128 | 256) => void;
  onWordlist: (wordlist: WordlistName) => void;
  onBack: () => void;
  /** Generates the phrase; a failure is shown here. */
  onContinue: () => Promise<void>;
}

export function CreateOptionsStep({ strength, wordlist, onStrength, onWordlist, onBack, onContinue }: CreateOptionsProps) {
  const { busy, error, attempt } = useAttempt();
  return (
    <Screen
      title={t('create_title')}
      busy={busy}
      onSubmit={() => { attempt(onContinue); }}
      actions={
        <>
          <button type="button" class="btn" onClick={onBack}>{t('common_back')}</button>
          <button type="submit" class="btn btn-primary" aria-disabled={busy}>{t('common_continue')}</button>
        </>
      }
    >
      <ChoiceGroup<128 | 256>
        legend={t('create_lengthLegend')}
        choices={[{ value: 128, label: t('option_words12') }, { value: 256, label: t('option_words24') }]}
        value={strength}
        onChange={onStrength}
        hint={t('create_lengthHint')}
      />
      <WordlistChoice value={wordlist} onChange={onWordlist} />
      {error !== undefined && <ErrorText>{error}</ErrorText>}
    </Screen>
  );
}
