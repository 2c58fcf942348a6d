// The word-list radio group shared by create and restore. The labels are the languages' own names.
import type { WordlistName } from '../../protocol/private';
import { t } from '../i18n';
import { ChoiceGroup } from './choice-group';

export function WordlistChoice({ value, onChange }: { value: WordlistName; onChange: (value: WordlistName) => void }) {
  return (
    <ChoiceGroup<WordlistName>
      legend={t('wordlist_legend')}
      choices={[
        { value: 'english', label: t('wordlist_english') },
        { value: 'chinese_simplified', label: t('wordlist_chinese') },
      ]}
      value={value}
      onChange={onChange}
      hint={value === 'chinese_simplified' ? t('wordlist_chineseHint') : undefined}
    />
  );
}
