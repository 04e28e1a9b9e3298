type Frame = { kind: 'object'; expect: 'key' | 'colon' | 'value' | 'comma' } | { kind: 'array'; expect: 'value' | 'comma' };

/** Where a scan stopped: everything before `index` is complete tokens, so a longer text can resume from here. */
interface ScanState {
  stack: Frame[];
  /** The longest prefix that is complete up to its closers, and those closers. */
  cut: { end: number; closers: string } | undefined;
  topLevelDone: boolean;
  index: number;
  /** How far an unterminated string at `index` was already read, so a long streamed string is read once. */
  stringReadTo: number;
}

const literals = ['true', 'false', 'null'];
const wordPattern = /[-+0-9.eEa-z]+/y;
const closerOf = (frame: Frame) => (frame.kind === 'object' ? '}' : ']');
const freshState = (): ScanState => ({ stack: [], cut: undefined, topLevelDone: false, index: 0, stringReadTo: 0 });

/**
 * A reader for one growing JSON text (a tool's arguments as they stream in): each call completes the text so far
 * into valid JSON, resuming where the previous call stopped when the text only grew, so each character is
 * scanned about once.
 * @example
 * const close = createPartialJsonReader();
 * close('{"city":"Par') // '{"city":"Par"}'
 * close('{"city":"Paris","days":[1') // '{"city":"Paris","days":[1]}'
 */
export function createPartialJsonReader(): (text: string) => string | undefined {
  let previous = '';
  let state = freshState();
  let failed = false;
  return (text) => {
    if (!extendsText(text, previous)) {
      state = freshState();
      failed = false;
    }
    previous = text;
    if (failed) return undefined;
    const closed = scan(text, state);
    failed = closed === null;
    return closed ?? undefined;
  };
}

/**
 * Completes a JSON prefix into valid JSON text: an open string is closed, open objects and arrays are closed, a
 * half-written literal or number is finished or dropped, a key without its value is dropped. Returns undefined
 * for text that is not the start of a JSON value.
 * @example
 * closePartialJson('{"city":"Par') // '{"city":"Par"}'
 */
export function closePartialJson(text: string): string | undefined {
  return scan(text, freshState()) ?? undefined;
}

/** Pretty JSON of a JSON prefix; undefined when it cannot be read as JSON (yet). */
export function formatPartialJson(text: string, close: (text: string) => string | undefined = closePartialJson): string | undefined {
  const closed = close(text);
  if (closed === undefined) return undefined;
  try {
    return JSON.stringify(JSON.parse(closed), null, 2);
  } catch {
    return undefined;
  }
}

/**
 * Whether `text` is `previous` with more appended. Arguments only grow while they stream, so comparing the ends
 * of `previous` (instead of all of it) keeps each read proportional to what was added.
 */
function extendsText(text: string, previous: string): boolean {
  if (text.length < previous.length) return false;
  const edge = Math.min(previous.length, 64);
  return text.startsWith(previous.slice(0, edge)) && text.startsWith(previous.slice(previous.length - edge), previous.length - edge);
}

/** Reads on from `state` (mutating it up to the last complete token); null when the text is not JSON. */
function scan(text: string, state: ScanState): string | undefined | null {
  const { stack } = state;
  const closers = () => stack.map(closerOf).reverse().join('');
  const markCut = (end: number) => {
    state.cut = { end, closers: closers() };
  };
  const afterValue = (end: number) => {
    const top = stack.at(-1);
    if (top) top.expect = 'comma';
    else state.topLevelDone = true;
    markCut(end);
  };
  const expectsValue = () => {
    const top = stack.at(-1);
    return top ? top.expect === 'value' : !state.topLevelDone;
  };
  const fromCut = () => (state.cut ? text.slice(0, state.cut.end) + state.cut.closers : undefined);

  while (state.index < text.length) {
    const index = state.index;
    const char = text[index]!;
    const top = stack.at(-1);
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') {
      state.index += 1;
    } else if (char === '{' || char === '[') {
      if (!expectsValue()) return null;
      stack.push(char === '{' ? { kind: 'object', expect: 'key' } : { kind: 'array', expect: 'value' });
      state.index += 1;
      markCut(state.index);
    } else if (char === '}' || char === ']') {
      if (!top || closerOf(top) !== char) return null;
      if (top.kind === 'object' && (top.expect === 'colon' || top.expect === 'value')) return null;
      stack.pop();
      state.index += 1;
      afterValue(state.index);
    } else if (char === ',') {
      if (!top || top.expect !== 'comma') return null;
      top.expect = top.kind === 'object' ? 'key' : 'value';
      state.index += 1;
    } else if (char === ':') {
      if (top?.kind !== 'object' || top.expect !== 'colon') return null;
      top.expect = 'value';
      state.index += 1;
    } else if (char === '"') {
      const isKey = top?.kind === 'object' && top.expect === 'key';
      if (!isKey && !expectsValue()) return null;
      const read = readString(text, Math.max(index + 1, state.stringReadTo));
      if (!read.closed) {
        state.stringReadTo = read.position;
        if (isKey) return fromCut();
        return withoutBrokenEscape(text) + '"' + closers();
      }
      state.index = read.position + 1;
      state.stringReadTo = 0;
      if (isKey) top.expect = 'colon';
      else afterValue(state.index);
    } else {
      if (!expectsValue()) return null;
      wordPattern.lastIndex = index;
      const word = wordPattern.exec(text)?.[0];
      if (!word) return null;
      const end = index + word.length;
      if (end < text.length || literals.includes(word)) {
        if (!literals.includes(word) && !isJsonNumber(word)) return null;
        state.index = end;
        afterValue(end);
        continue;
      }
      const completed = completeWord(word);
      if (completed === null) return null;
      return completed === undefined ? fromCut() : text.slice(0, index) + completed + closers();
    }
  }
  return fromCut();
}

/** The closing quote's index, or where to resume reading an unterminated string (a trailing `\` is re-read). */
function readString(text: string, from: number): { closed: boolean; position: number } {
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') return { closed: true, position: index };
    if (char !== '\\') continue;
    if (index + 1 >= text.length) return { closed: false, position: index };
    index += 1;
  }
  return { closed: false, position: text.length };
}

/** Drops a trailing escape that was cut in half (`\` or `\u12`). */
function withoutBrokenEscape(text: string): string {
  const tailStart = Math.max(0, text.length - 6);
  const broken = /\\(u[0-9a-fA-F]{0,3})?$/.exec(text.slice(tailStart));
  if (!broken) return text;
  const at = tailStart + broken.index;
  // An odd run of backslashes before the match means the matched one is itself escaped.
  let backslashes = 0;
  while (text[at - 1 - backslashes] === '\\') backslashes += 1;
  return backslashes % 2 === 0 ? text.slice(0, at) : text;
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
