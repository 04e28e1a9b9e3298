/** A run of ordinary text, or one character that would not show (or would reorder text) made visible as an escape. */
export type VisibleSegment = { kind: 'text'; text: string } | { kind: 'hidden'; char: string; escape: string; name: string };

const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const zeroWidth = /[\u200B-\u200D\u2060\uFEFF]/u;
const tags = /[\u{E0000}-\u{E007F}]/u;
const variationSelectors = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
// Controls, formatting characters, line/paragraph separators, blank lookalikes and lone surrogates.
const hidden =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u00A0\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2000-\u200A\u202F\u205F\u2800\u3000\u3164\uFFA0\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const emoji = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]/u;

function nameOf(char: string): string {
  if (bidiControls.test(char)) return 'bidirectional text control';
  if (zeroWidth.test(char)) return 'zero-width character';
  if (tags.test(char)) return 'invisible tag character';
  if (variationSelectors.test(char)) return 'variation selector';
  if (/\p{Cc}/u.test(char)) return 'control character';
  if (/\p{Cs}/u.test(char)) return 'lone surrogate';
  if (/[\p{Zs}\u2800\u3164\u115F\u1160\uFFA0]/u.test(char)) return 'lookalike space';
  return 'invisible formatting character';
}

function escapeOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Emoji glue (a joiner between two emoji, a presentation selector after one) is what makes 👨‍👩‍👧 and ❤️ look
 * as they should; anywhere else the same characters hide text.
 */
function isEmojiGlue(chars: readonly string[], index: number): boolean {
  const char = chars[index]!;
  const previous = chars[index - 1] ?? '';
  const next = chars[index + 1] ?? '';
  if (char === '\uFE0F' || char === '\uFE0E') return emoji.test(previous) || /^[0-9#*]$/.test(previous);
  if (char === '\u200D') return (emoji.test(previous) || previous === '\uFE0F') && emoji.test(next);
  return false;
}

/** Tab and newline show as themselves; every other hidden character is split out. */
function isHidden(chars: readonly string[], index: number): boolean {
  const char = chars[index]!;
  if (char === '\n' || char === '\t' || char === ' ') return false;
  return hidden.test(char) && !isEmojiGlue(chars, index);
}

/**
 * Splits text into plain runs and hidden characters (zero-width, bidirectional overrides, controls, tag
 * characters, lookalike spaces), each shown as its `\uXXXX` escape, so what is displayed is what will run.
 * @example
 * revealHiddenCharacters('a\u202Eb') // [{ kind: 'text', text: 'a' }, { kind: 'hidden', escape: '\\u202E', ... }, ...]
 */
export function revealHiddenCharacters(text: string): VisibleSegment[] {
  const chars = Array.from(text);
  const segments: VisibleSegment[] = [];
  let run = '';
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index]!;
    if (!isHidden(chars, index)) {
      run += char;
      continue;
    }
    if (run) segments.push({ kind: 'text', text: run });
    run = '';
    segments.push({ kind: 'hidden', char, escape: escapeOf(char), name: nameOf(char) });
  }
  if (run) segments.push({ kind: 'text', text: run });
  return segments;
}

/** How many hidden characters the segments hold. */
export function countHidden(segments: readonly VisibleSegment[]): number {
  return segments.reduce((count, segment) => count + (segment.kind === 'hidden' ? 1 : 0), 0);
}
