// A proposal's title as the wallet shows it: OpenZeppelin Governor proposals carry only a free-text
// description, and registries (like Tally and the OpenZeppelin Wizard's front ends) write its first line as
// a Markdown heading ("# Approve the 2026 dividend"). The title is that first non-empty line without its
// heading marks; it is contract text and is framed as such where it is shown.

/** Longer first lines are cut here (with an ellipsis): a title is one line on a narrow popup. */
export const TITLE_MAX_CHARS = 120;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first non-empty line of `description` without leading `#` marks, trimmed and capped; '' when there is none. */
export function proposalTitle(description: string): string {
  for (const line of description.split(/\r\n|\r|\n/)) {
    const text = line.trim().replace(/^#+/, '').trim();
    if (text === '') continue;
    // Counted and cut by what a reader sees as one character, so a cut never splits an emoji or a letter and its accent.
    const chars = Array.from(graphemes.segment(text), (part) => part.segment);
    return chars.length <= TITLE_MAX_CHARS ? text : `${chars.slice(0, TITLE_MAX_CHARS - 1).join('')}…`;
  }
  return '';
}
