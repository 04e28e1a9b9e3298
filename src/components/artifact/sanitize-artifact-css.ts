import {
  consumeName,
  consumeNumeric,
  consumeString,
  consumeUrl,
  isCssWhitespace,
  isValidEscape,
  preprocessCss,
  startsIdentifier,
  startsNumber,
} from './css-syntax.js';

/** Functions whose argument is a URL, quoted or not. */
const urlFunctions = new Set(['url', 'src']);
/** Functions whose string arguments are image URLs (`image-set("a.png" 1x)`). */
const imageFunctions = new Set(['image-set', '-webkit-image-set', 'image', '-webkit-image', 'cross-fade', '-webkit-cross-fade']);
const closers: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * Whether a URL loads nothing from the network: a `data:` URL, or a reference into the document itself (`#gradient`).
 * Leading spaces and control characters are what the URL parser trims; anything else fails.
 */
export function isInertUrl(url: string): boolean {
  const trimmed = url.replace(/^[\u0000-\u0020]+/, '');
  return trimmed.startsWith('#') || /^data:/i.test(trimmed);
}

interface Frame {
  closer: string;
  /** The function's name, lowercased and unescaped; empty for a plain bracket. */
  name: string;
  /** Where the function starts in the output, to replace all of it. */
  outputStart: number;
  /** Whether it must be replaced with `none` when it closes. */
  unsafe: boolean;
  /** For a url function: the string argument and whether anything else came. */
  strings: string[];
  other: boolean;
}

export interface SanitizedCss {
  css: string;
  /** Whether an `@import` rule or a loading URL was taken out. */
  changed: boolean;
}

/**
 * CSS that loads nothing: every `@import` rule removed, every `url()` or `src()` whose target is not a `data:` URL
 * or an in-document `#reference` replaced with `none`, and every `image-set()` (or `image()`, `cross-fade()`) with
 * such a URL, in a string or a url, replaced with `none` too. Comments are emptied. The text is read with the tokenizer's
 * own rules, escapes included (`u\72l(`), and checked once more with a plain search of the unescaped result;
 * CSS that still looks like it loads something after that gives `null`, to be dropped whole.
 * @example
 * sanitizeArtifactCss('a{background:url(https://x.example/a.png)}'); // { css: 'a{background:none}', changed: true }
 */
export function sanitizeArtifactCss(input: string): SanitizedCss | null {
  const css = preprocessCss(input);
  let output = '';
  let changed = false;
  const stack: Frame[] = [];
  let importStart: { output: number; depth: number } | null = null;

  const innermost = () => stack[stack.length - 1];
  const markUnsafe = () => {
    const frame = innermost();
    if (frame && (urlFunctions.has(frame.name) || imageFunctions.has(frame.name))) frame.unsafe = true;
  };
  const endImport = () => {
    if (importStart === null) return;
    output = output.slice(0, importStart.output);
    importStart = null;
    changed = true;
  };
  const open = (closer: string, name: string, outputStart: number) => {
    stack.push({ closer, name, outputStart, unsafe: false, strings: [], other: false });
  };
  const close = () => {
    const frame = stack.pop()!;
    const isUrl = urlFunctions.has(frame.name);
    if (isUrl && (frame.other || frame.strings.length !== 1 || !isInertUrl(frame.strings[0]!))) frame.unsafe = true;
    if (frame.unsafe) {
      output = `${output.slice(0, frame.outputStart)}none`;
      changed = true;
      markUnsafe();
    }
  };

  let index = 0;
  while (index < css.length) {
    const char = css[index]!;
    const start = index;
    const parent = innermost();
    if (char === '/' && css[index + 1] === '*') {
      const end = css.indexOf('*/', index + 2);
      index = end === -1 ? css.length : end + 2;
      // An empty comment keeps tokens apart (`u/**/rl(` is no url) without text for the second look to trip on.
      output += '/**/';
      continue;
    }
    if (char === '"' || char === "'") {
      const string = consumeString(css, index);
      index = string.end;
      if (parent && urlFunctions.has(parent.name)) parent.strings.push(string.value);
      else if (parent && imageFunctions.has(parent.name) && !isInertUrl(string.value)) parent.unsafe = true;
      output += css.slice(start, index);
      continue;
    }
    if (isCssWhitespace(char)) {
      while (isCssWhitespace(css[index])) index += 1;
      output += css.slice(start, index);
      continue;
    }
    if (parent && urlFunctions.has(parent.name) && char !== ')') parent.other = true;
    if (startsNumber(css, index)) {
      index = consumeNumeric(css, index);
      output += css.slice(start, index);
    } else if (char === '#' && (/^[a-zA-Z0-9_\-\u0080-\uffff]$/.test(css[index + 1] ?? '') || isValidEscape(css, index + 1))) {
      index = consumeName(css, index + 1).end;
      output += css.slice(start, index);
    } else if (char === '@' && startsIdentifier(css, index + 1)) {
      const name = consumeName(css, index + 1);
      index = name.end;
      if (name.value.toLowerCase() === 'import' && importStart === null) importStart = { output: output.length, depth: stack.length };
      output += css.slice(start, index);
    } else if (startsIdentifier(css, index)) {
      const name = consumeName(css, index);
      const lowerName = name.value.toLowerCase();
      index = name.end;
      if (css[index] !== '(') {
        output += css.slice(start, index);
        continue;
      }
      let afterParenthesis = index + 1;
      while (isCssWhitespace(css[afterParenthesis])) afterParenthesis += 1;
      if (lowerName === 'url' && css[afterParenthesis] !== '"' && css[afterParenthesis] !== "'") {
        const url = consumeUrl(css, index + 1);
        index = url.end;
        if (url.bad || !isInertUrl(url.value)) {
          output += 'none';
          changed = true;
          markUnsafe();
        } else output += css.slice(start, index);
        continue;
      }
      index += 1;
      const outputStart = output.length;
      output += css.slice(start, index);
      open(')', lowerName, outputStart);
    } else if (char in closers) {
      index += 1;
      const outputStart = output.length;
      output += char;
      open(closers[char]!, '', outputStart);
    } else if (importStart !== null && stack.length === importStart.depth && (char === ';' || char === parent?.closer)) {
      // The rule ends at its semicolon, which goes with it, or before the closer of the block around it.
      if (char === ';') index += 1;
      endImport();
    } else if (char === parent?.closer) {
      index += 1;
      output += char;
      close();
      if (importStart !== null && stack.length === importStart.depth && char === '}') endImport();
    } else {
      index += char.length;
      output += char;
    }
  }
  if (importStart !== null) {
    stack.length = importStart.depth;
    endImport();
  }
  while (stack.length > 0) close();
  return looksInert(output) ? { css: output, changed } : null;
}

/** Unescapes CSS the simple way, for a search that does not depend on the tokenizer above. */
function unescapeCss(css: string): string {
  return css.replace(/\\(?:([0-9a-fA-F]{1,6})[ \t\n]?|\n|([\s\S]))/g, (_, hex: string | undefined, char: string | undefined) => {
    if (hex === undefined) return char ?? '';
    const codePoint = Number.parseInt(hex, 16);
    return codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff) ? String.fromCodePoint(codePoint) : '\uFFFD';
  });
}

/**
 * A second look at the result: no `@import`, and every `url(` or `src(` (even in a string or a comment the
 * tokenizer read differently) followed by a `data:` URL or a `#reference`.
 */
function looksInert(css: string): boolean {
  const text = unescapeCss(css).toLowerCase();
  if (text.includes('@import')) return false;
  for (const match of text.matchAll(/(?:url|src)\([\s\u0000-\u001f]*['"]?[\s\u0000-\u0020]*(.{0,5})/g)) {
    const prefix = match[1]!;
    if (prefix !== 'data:' && !prefix.startsWith('#')) return false;
  }
  return true;
}
