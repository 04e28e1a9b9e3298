// The few pieces of CSS Syntax Level 3 tokenization that decide where a url, a string, a comment or a name begins
// and ends. Reading these exactly as the browser does keeps the sanitizer from losing its place in hostile CSS.

export const isCssWhitespace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n';
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
const isHexDigit = (char: string | undefined) => char !== undefined && /^[0-9a-fA-F]$/.test(char);
const isNameStart = (char: string | undefined) => char !== undefined && (/^[a-zA-Z_]$/.test(char) || char.charCodeAt(0) >= 0x80);
const isNameChar = (char: string | undefined) => isNameStart(char) || isDigit(char) || char === '-';
const isNonPrintable = (char: string) => /^[\u0000-\u0008\u000b\u000e-\u001f\u007f]$/.test(char);

/** The spec's input preprocessing: CR, CRLF and FF become LF, NUL becomes U+FFFD. */
export const preprocessCss = (css: string) => css.replace(/\r\n?|\f/g, '\n').replace(/\u0000/g, '\uFFFD');

export const isValidEscape = (css: string, at: number) => css[at] === '\\' && at + 1 < css.length && css[at + 1] !== '\n';

export interface Consumed {
  value: string;
  end: number;
}

/** Reads the escape whose backslash is at `at` (a valid one, or one at the end of input). */
export function consumeEscape(css: string, at: number): Consumed {
  let index = at + 1;
  if (index >= css.length) return { value: '\uFFFD', end: index };
  if (!isHexDigit(css[index])) {
    const codePoint = css.codePointAt(index)!;
    return { value: String.fromCodePoint(codePoint), end: index + (codePoint > 0xffff ? 2 : 1) };
  }
  let hex = '';
  while (hex.length < 6 && isHexDigit(css[index])) hex += css[index++];
  if (isCssWhitespace(css[index])) index += 1;
  const codePoint = Number.parseInt(hex, 16);
  const valid = codePoint !== 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
  return { value: valid ? String.fromCodePoint(codePoint) : '\uFFFD', end: index };
}

export function startsIdentifier(css: string, at: number): boolean {
  if (css[at] === '-') return isNameStart(css[at + 1]) || css[at + 1] === '-' || isValidEscape(css, at + 1);
  return isNameStart(css[at]) || isValidEscape(css, at);
}

export function startsNumber(css: string, at: number): boolean {
  const next = css[at] === '+' || css[at] === '-' ? at + 1 : at;
  return isDigit(css[next]) || (css[next] === '.' && isDigit(css[next + 1]));
}

export function consumeName(css: string, at: number): Consumed {
  let value = '';
  let index = at;
  for (;;) {
    if (isNameChar(css[index])) value += css[index++];
    else if (isValidEscape(css, index)) {
      const escape = consumeEscape(css, index);
      value += escape.value;
      index = escape.end;
    } else return { value, end: index };
  }
}

/** A number with its unit or percent sign, as one token, so `2url(` is a dimension and not a url. */
export function consumeNumeric(css: string, at: number): number {
  let index = at;
  if (css[index] === '+' || css[index] === '-') index += 1;
  while (isDigit(css[index])) index += 1;
  if (css[index] === '.' && isDigit(css[index + 1])) for (index += 1; isDigit(css[index]); ) index += 1;
  const sign = css[index + 1] === '+' || css[index + 1] === '-' ? 1 : 0;
  if ((css[index] === 'e' || css[index] === 'E') && isDigit(css[index + 1 + sign])) for (index += 2 + sign; isDigit(css[index]); ) index += 1;
  if (startsIdentifier(css, index)) return consumeName(css, index).end;
  return css[index] === '%' ? index + 1 : index;
}

/** A string from its opening quote at `at`; one broken by a newline ends before it, as the spec says. */
export function consumeString(css: string, at: number): Consumed {
  const quote = css[at];
  let value = '';
  let index = at + 1;
  while (index < css.length) {
    const char = css[index]!;
    if (char === quote) return { value, end: index + 1 };
    if (char === '\n') return { value, end: index };
    if (char === '\\') {
      if (index + 1 >= css.length) return { value, end: index + 1 };
      if (css[index + 1] === '\n') index += 2;
      else {
        const escape = consumeEscape(css, index);
        value += escape.value;
        index = escape.end;
      }
    } else {
      value += char;
      index += 1;
    }
  }
  return { value, end: index };
}

export interface ConsumedUrl extends Consumed {
  /** A bad-url token: the browser loads nothing for it. */
  bad: boolean;
}

/** The rest of an unquoted `url(` token, from just after its parenthesis. */
export function consumeUrl(css: string, at: number): ConsumedUrl {
  let value = '';
  let index = at;
  while (isCssWhitespace(css[index])) index += 1;
  for (;;) {
    if (index >= css.length) return { value, end: index, bad: false };
    const char = css[index]!;
    if (char === ')') return { value, end: index + 1, bad: false };
    if (isCssWhitespace(char)) {
      while (isCssWhitespace(css[index])) index += 1;
      if (index >= css.length) return { value, end: index, bad: false };
      if (css[index] === ')') return { value, end: index + 1, bad: false };
      return consumeBadUrlRemnants(css, index, value);
    }
    if (char === '"' || char === "'" || char === '(' || isNonPrintable(char)) return consumeBadUrlRemnants(css, index, value);
    if (char === '\\') {
      if (!isValidEscape(css, index)) return consumeBadUrlRemnants(css, index, value);
      const escape = consumeEscape(css, index);
      value += escape.value;
      index = escape.end;
    } else {
      value += char;
      index += 1;
    }
  }
}

function consumeBadUrlRemnants(css: string, at: number, value: string): ConsumedUrl {
  let index = at;
  while (index < css.length && css[index] !== ')') index = isValidEscape(css, index) ? consumeEscape(css, index).end : index + 1;
  return { value, end: Math.min(index + 1, css.length), bad: true };
}
