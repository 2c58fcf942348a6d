import { describe, expect, it } from 'vitest';
import { codePointLabel, hasInvisible, revealInvisible } from '../../../src/ui/lib/visible-text';

describe('showing hidden characters in text from a page', () => {
  it('leaves ordinary text, Chinese, emoji and line breaks as they are', () => {
    const text = 'Sign in to registry.example\n\t股东钱包 ✅ 😀\r\n';
    expect(revealInvisible(text)).toEqual([{ kind: 'text', text }]);
    expect(hasInvisible(text)).toBe(false);
  });

  it('names a right-to-left override by its code point, so it cannot reorder what the user reads', () => {
    expect(revealInvisible('pay 0x12\u202E34ab')).toEqual([
      { kind: 'text', text: 'pay 0x12' },
      { kind: 'hidden', code: 'U+202E' },
      { kind: 'text', text: '34ab' },
    ]);
  });

  it('reveals zero-width, byte-order-mark, soft-hyphen and control characters', () => {
    const hidden = ['\u200B', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u0000', '\u001B', '\u007F', '\u0085', '\u2028', '\u2066'];
    for (const char of hidden) {
      expect(revealInvisible(`a${char}b`), codePointLabel(char)).toEqual([
        { kind: 'text', text: 'a' }, { kind: 'hidden', code: codePointLabel(char) }, { kind: 'text', text: 'b' },
      ]);
    }
  });

  it('reveals tag characters and supplementary variation selectors, which can smuggle invisible text', () => {
    expect(revealInvisible('ok\u{E0041}\u{E0042}')).toEqual([
      { kind: 'text', text: 'ok' }, { kind: 'hidden', code: 'U+E0041' }, { kind: 'hidden', code: 'U+E0042' },
    ]);
    expect(hasInvisible('\u{1F600}\u{E0100}')).toBe(true);
  });

  it('reveals Hangul fillers that draw as blank space', () => {
    for (const char of ['\u115F', '\u1160', '\u3164', '\uFFA0']) expect(hasInvisible(`x${char}`)).toBe(true);
  });

  it('pads short code points to four hex digits', () => {
    expect(codePointLabel('\u0007')).toBe('U+0007');
    expect(codePointLabel('\u{E007F}')).toBe('U+E007F');
  });
});
