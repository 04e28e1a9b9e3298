import { describe, expect, it } from 'vitest';
import { countHidden, revealHiddenCharacters } from './visible-characters.js';

const escapes = (text: string) =>
  revealHiddenCharacters(text)
    .map((segment) => (segment.kind === 'text' ? segment.text : `[${segment.escape}]`))
    .join('');

describe('revealHiddenCharacters', () => {
  it('shows bidirectional overrides, zero-width and control characters as escapes', () => {
    expect(escapes('rm -rf ./build\u202E/ txt.')).toBe('rm -rf ./build[\\u202E]/ txt.');
    expect(escapes('ad\u200Bmin\uFEFF')).toBe('ad[\\u200B]min[\\uFEFF]');
    expect(escapes('a\u0000b\u007Fc\u009Bd')).toBe('a[\\u0000]b[\\u007F]c[\\u009B]d');
    expect(escapes('x\u2066y\u2069\u200F')).toBe('x[\\u2066]y[\\u2069][\\u200F]');
    expect(escapes('line\u2028sep')).toBe('line[\\u2028]sep');
  });

  it('shows invisible tag characters (ASCII smuggling) and lookalike spaces', () => {
    expect(escapes('ok\u{E0049}\u{E0067}')).toBe('ok[\\u{E0049}][\\u{E0067}]');
    expect(escapes('a\u00A0b\u3164c')).toBe('a[\\u00A0]b[\\u3164]c');
    expect(escapes('lone \uD800 surrogate')).toBe('lone [\\uD800] surrogate');
  });

  it('leaves ordinary text, newlines, tabs and emoji sequences alone', () => {
    const text = 'Grüße, 東京, שלום\n\tfamily 👨‍👩‍👧 heart ❤️ keycap 1️⃣ flag 🇫🇷';
    expect(escapes(text)).toBe(text);
    expect(countHidden(revealHiddenCharacters(text))).toBe(0);
  });

  it('treats emoji glue outside emoji as hidden', () => {
    expect(escapes('a\u200Db a\uFE0F')).toBe('a[\\u200D]b a[\\uFE0F]');
  });

  it('names each hidden character and counts them', () => {
    const segments = revealHiddenCharacters('\u202Ea\u200B');
    expect(segments).toEqual([
      { kind: 'hidden', char: '\u202E', escape: '\\u202E', name: 'bidirectional text control' },
      { kind: 'text', text: 'a' },
      { kind: 'hidden', char: '\u200B', escape: '\\u200B', name: 'zero-width character' },
    ]);
    expect(countHidden(segments)).toBe(2);
  });
});
