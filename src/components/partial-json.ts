type Frame = { kind: 'object'; expect: 'key' | 'colon' | 'value' | 'comma' } | { kind: 'array'; expect: 'value' | 'comma' };

const literals = ['true', 'false', 'null'];
const closerOf = (frame: Frame) => (frame.kind === 'object' ? '}' : ']');

/**
 * Completes a JSON prefix (as a tool's arguments stream in) into valid JSON text: an open string is closed,
 * open objects and arrays are closed, a half-written literal or number is finished or dropped, a key without
 * its value is dropped. Returns undefined for text that is not the start of a JSON value.
 * @example
 * closePartialJson('{"city":"Par') // '{"city":"Par"}'
 */
export function closePartialJson(text: string): string | undefined {
  const stack: Frame[] = [];
  // The longest prefix that is complete up to its closers, and those closers.
  let cut: { end: number; closers: string } | undefined;
  let topLevelDone = false;
  const closers = () => stack.map(closerOf).reverse().join('');
  const markCut = (end: number) => {
    cut = { end, closers: closers() };
  };
  const afterValue = (end: number) => {
    const top = stack.at(-1);
    if (top) top.expect = 'comma';
    else topLevelDone = true;
    markCut(end);
  };
  const expectsValue = () => {
    const top = stack.at(-1);
    return top ? top.expect === 'value' : !topLevelDone;
  };
  const fromCut = () => (cut ? text.slice(0, cut.end) + cut.closers : undefined);

  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const top = stack.at(-1);
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '{' || char === '[') {
      if (!expectsValue()) return undefined;
      stack.push(char === '{' ? { kind: 'object', expect: 'key' } : { kind: 'array', expect: 'value' });
      index += 1;
      markCut(index);
    } else if (char === '}' || char === ']') {
      if (!top || closerOf(top) !== char) return undefined;
      if (top.kind === 'object' && (top.expect === 'colon' || top.expect === 'value')) return undefined;
      stack.pop();
      index += 1;
      afterValue(index);
    } else if (char === ',') {
      if (!top || top.expect !== 'comma') return undefined;
      top.expect = top.kind === 'object' ? 'key' : 'value';
      index += 1;
    } else if (char === ':') {
      if (top?.kind !== 'object' || top.expect !== 'colon') return undefined;
      top.expect = 'value';
      index += 1;
    } else if (char === '"') {
      const isKey = top?.kind === 'object' && top.expect === 'key';
      if (!isKey && !expectsValue()) return undefined;
      const end = stringEnd(text, index + 1);
      if (end === undefined) {
        if (isKey) return fromCut();
        return withoutBrokenEscape(text) + '"' + closers();
      }
      index = end + 1;
      if (isKey) top.expect = 'colon';
      else afterValue(index);
    } else {
      if (!expectsValue()) return undefined;
      const word = /^[-+0-9.eEa-z]+/.exec(text.slice(index))?.[0];
      if (!word) return undefined;
      const end = index + word.length;
      if (end < text.length || literals.includes(word)) {
        if (!literals.includes(word) && !isJsonNumber(word)) return undefined;
        index = end;
        afterValue(index);
        continue;
      }
      const completed = completeWord(word);
      if (completed === null) return undefined;
      return completed === undefined ? fromCut() : text.slice(0, index) + completed + closers();
    }
  }
  return fromCut();
}

/** Pretty JSON of a JSON prefix, completed by closePartialJson; undefined when it cannot be read as JSON yet. */
export function formatPartialJson(text: string): string | undefined {
  const closed = closePartialJson(text);
  if (closed === undefined) return undefined;
  try {
    return JSON.stringify(JSON.parse(closed), null, 2);
  } catch {
    return undefined;
  }
}

function stringEnd(text: string, from: number): number | undefined {
  for (let index = from; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '"') return index;
  }
  return undefined;
}

/** Drops a trailing escape that was cut in half (`\` or `\u12`). */
function withoutBrokenEscape(text: string): string {
  const broken = /\\(u[0-9a-fA-F]{0,3})?$/.exec(text);
  if (!broken) return text;
  // An even run of backslashes before the match means the last one is itself escaped.
  const backslashes = /\\*$/.exec(text.slice(0, broken.index))?.[0].length ?? 0;
  return backslashes % 2 === 0 ? text.slice(0, broken.index) : text;
}

/** A literal or number cut at the end: its completed form, undefined to drop it, null when it cannot be one. */
function completeWord(word: string): string | undefined | null {
  const literal = literals.find((candidate) => candidate.startsWith(word));
  if (literal) return literal;
  if (!/^-?[0-9]/.test(word) && word !== '-') return null;
  const number = word.replace(/[-+.eE]+$/, '');
  if (number === '') return undefined;
  return isJsonNumber(number) ? number : null;
}

function isJsonNumber(word: string): boolean {
  return /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(word);
}
