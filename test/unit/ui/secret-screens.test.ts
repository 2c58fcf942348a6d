// Screens that hold the recovery phrase (issue 11): the restore fields stay password fields when "Show
// words" is on, and the revealed phrase is never offered for copying.
import { describe, expect, it, vi } from 'vitest';
import { WordGrid } from '../../../src/ui/components/word-grid';
import { RevealedPhrase } from '../../../src/ui/screens/settings/reveal-phrase';
import { tagsIn, textOf } from '../../helpers/vnode-tree';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const WORDS = ['legal', 'winner', 'thank', 'year', 'wave', 'sausage', 'worth', 'useful', 'legal', 'winner', 'thank', 'yellow'];

function grid(show: boolean) {
  const ignore = () => undefined;
  return WordGrid({
    id: 'restore-word', words: WORDS, count: 12, show, invalidPosition: undefined, errorId: undefined,
    onWord: ignore, onWords: ignore, inputRef: () => null, focusField: ignore,
  });
}

describe('the restore screen\'s word fields', () => {
  it('stay password fields when the words are shown, and show the words as text beside them instead', () => {
    const inputs = tagsIn(grid(true), 'input');
    expect(inputs).toHaveLength(12);
    expect(inputs.map((input) => input.props.type)).toEqual(Array<string>(12).fill('password'));
    expect(inputs.map((input) => input.props.autocomplete)).toEqual(Array<string>(12).fill('off'));
    expect(tagsIn(grid(true), 'span').filter((span) => span.props.class === 'word-shown').map(textOf)).toEqual(WORDS);
  });

  it('show no word as text while "Show words" is off', () => {
    const text = textOf(tagsIn(grid(false), 'div'));
    for (const word of ['sausage', 'useful', 'yellow']) expect(text).not.toContain(word);
    expect(tagsIn(grid(false), 'input').map((input) => input.props.type)).toEqual(Array<string>(12).fill('password'));
  });
});

describe('the revealed recovery phrase', () => {
  it('offers no copy button: Back is its only action', () => {
    const screen = RevealedPhrase({ phrase: WORDS.join(' '), onBack: () => undefined });
    expect(tagsIn(screen, 'button').map(textOf)).toEqual(['Back']);
    expect(textOf(tagsIn(screen, 'li'))).toContain('does not offer to copy');
  });
});
