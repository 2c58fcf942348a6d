// Create, step 2: the new phrase, numbered, with plain warnings.
import { Callout } from '../../components/alerts';
import { PhraseWords } from '../../components/phrase-words';
import { Screen } from '../../components/screen';
import { t } from '../../i18n';

export function ShowPhraseStep({ words, onBack, onContinue }: { words: readonly string[]; onBack: () => void; onContinue: () => void }) {
  return (
    <Screen
      title={t('phrase_title')}
      actions={
        <>
          <button type="button" class="btn" onClick={onBack}>{t('common_back')}</button>
          <button type="button" class="btn btn-primary" onClick={onContinue}>{t('common_continue')}</button>
        </>
      }
    >
      <Callout tone="warning">
        <ul class="plain-list">
          <li>{t('phrase_warnPaper')}</li>
          <li>{t('phrase_warnShare')}</li>
          <li>{t('phrase_warnRecover')}</li>
        </ul>
      </Callout>
      <PhraseWords words={words} />
    </Screen>
  );
}
