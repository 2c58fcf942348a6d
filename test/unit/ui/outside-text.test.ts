// Names a contract or a site chose, capped and revealed before the screen draws them.
import { describe, expect, it } from 'vitest';
import { capText, cappedString, NAME_CAP } from '../../../src/ui/lib/outside-text';
import { revealedString } from '../../../src/ui/lib/visible-text';

describe('capping a name from outside the wallet', () => {
  it('keeps a name within the cap whole', () => {
    expect(capText('Acme Holdings Shares', NAME_CAP)).toEqual({ pieces: [{ kind: 'text', text: 'Acme Holdings Shares' }], cut: false });
    expect(cappedString('Acme Holdings Shares', NAME_CAP)).toBe('Acme Holdings Shares');
  });

  it('cuts a long name at the cap and says it was cut', () => {
    const long = `Acme ${'Very '.repeat(100)}Long Holdings`;
    const { pieces, cut } = capText(long, NAME_CAP);
    expect(cut).toBe(true);
    expect(pieces.map((piece) => piece.kind === 'text' ? piece.text : piece.code).join('')).toHaveLength(NAME_CAP);
    expect(cappedString(long, NAME_CAP)).toBe(`${long.slice(0, NAME_CAP)}…`);
  });

  it('shows a bidi override as its code and counts the code against the cap', () => {
    expect(capText('Acme Holdings \u202Eserahs', NAME_CAP)).toEqual({
      pieces: [{ kind: 'text', text: 'Acme Holdings ' }, { kind: 'hidden', code: 'U+202E' }, { kind: 'text', text: 'serahs' }],
      cut: false,
    });
    expect(cappedString('Acme Holdings \u202Eserahs', NAME_CAP)).toBe('Acme Holdings [U+202E]serahs');
    const { pieces, cut } = capText('\u200B'.repeat(100), NAME_CAP);
    expect(cut).toBe(true);
    expect(pieces).toHaveLength(Math.floor(NAME_CAP / 'U+200B'.length));
  });

  it('never splits a character made of two UTF-16 units', () => {
    expect(cappedString('\u{1F600}\u{1F600}\u{1F600}', 2)).toBe('\u{1F600}\u{1F600}…');
  });

  it('caps a letter that carries a flood of combining marks', () => {
    expect(capText(`a${'\u0301'.repeat(100)}`, NAME_CAP).cut).toBe(true);
  });

  it('refuses a cap that is not a positive whole number', () => {
    expect(() => capText('x', 0)).toThrow(RangeError);
    expect(() => capText('x', 1.5)).toThrow(RangeError);
  });

  it('writes the whole text with its hidden characters as codes, for the tooltip', () => {
    expect(revealedString('Acme Holdings \u202Eserahs')).toBe('Acme Holdings [U+202E]serahs');
  });
});
