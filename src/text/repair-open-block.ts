/** The open tail's source made renderable: `text` is the source with unfinished syntax settled, `closers` is appended to it. */
export interface RepairedBlock {
  text: string;
  closers: string;
  /** How much of `text` is the source as written (the rest was settled by the repair). */
  unchangedLength: number;
}

const fenceLine = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const lonelyListMarker = /\n[ \t]*(?:[-*+]|\d{1,9}[.)])?[ \t]*$/;
type Marker = '**' | '__' | '~~' | '*' | '_' | '~';

/**
 * Settles the unfinished syntax at the end of a streaming block so it renders as it will look once done: an open
 * `**bold` is closed, a marker with nothing after it yet is held back, half a link shows its text, a list marker with
 * no item yet waits, a table waits for its separator row. Code inside an open fence is left alone.
 */
export function repairOpenBlock(source: string): RepairedBlock {
  const segmentStart = openSegmentStart(source);
  if (typeof segmentStart === 'string') return holdClosingFence(source, segmentStart);
  const written = source.slice(segmentStart);
  let segment = written;
  segment = settleOpenLink(segment);
  segment = segment.replace(lonelyListMarker, '\n');
  if (/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]*$/.test(segment)) segment = '';
  // A table shows once its header and separator rows are both there; before that it would flash as a paragraph.
  if (/^ {0,3}\|/.test(segment) && !/^[^\n]*\n[^\n]*\n/.test(segment)) segment = '';
  const { text, closers } = closeOpenInline(segment);
  let unchanged = 0;
  while (unchanged < text.length && text[unchanged] === written[unchanged]) unchanged += 1;
  return { text: source.slice(0, segmentStart) + text, closers, unchangedLength: segmentStart + unchanged };
}

/** A closing fence line still being written is held back: it may yet turn out to be code. */
function holdClosingFence(source: string, openFence: string): RepairedBlock {
  const lineStart = source.lastIndexOf('\n') + 1;
  const closing = /^ {0,3}(`+|~+)[ \t]*$/.exec(source.slice(lineStart));
  if (lineStart === 0 || !closing || closing[1]![0] !== openFence[0]) return { text: source, closers: '', unchangedLength: source.length };
  return { text: source.slice(0, lineStart), closers: '', unchangedLength: lineStart };
}

/**
 * Where the last paragraph-like run starts, or the open fence while one is open (code is shown as it comes). A closing
 * fence counts once its line has ended.
 */
function openSegmentStart(source: string): number | string {
  let openFence: string | null = null;
  let segmentStart = 0;
  let offset = 0;
  for (const line of source.split('\n')) {
    const fence = fenceLine.exec(line);
    if (openFence === null && fence) {
      openFence = fence[1]!;
    } else if (openFence !== null && fence && offset + line.length < source.length && fence[1]![0] === openFence[0] && fence[1]!.length >= openFence.length && fence[2]!.trim() === '') {
      openFence = null;
      segmentStart = offset + line.length + 1;
    } else if (openFence === null && line.trim() === '' && offset + line.length < source.length) {
      segmentStart = offset + line.length + 1;
    }
    offset += line.length + 1;
  }
  if (openFence !== null) return openFence;
  return Math.min(segmentStart, source.length);
}

function settleOpenLink(segment: string): string {
  if (countBackticks(segment) % 2 === 1) return segment;
  const withDestination = /(!?)\[([^[\]\n]*)\]\([^)\n]*$/.exec(segment);
  const openText = withDestination ?? /(!?)\[([^[\]\n]*)\]?$/.exec(segment);
  if (!openText) return segment;
  const [whole, bang, label] = openText;
  if (segment[openText.index - 1] === '\\') return segment;
  return segment.slice(0, segment.length - whole.length) + (bang ? '' : label);
}

function countBackticks(text: string): number {
  return text.split('`').length - 1;
}

function closeOpenInline(segment: string): { text: string; closers: string } {
  const open: { marker: Marker | string; at: number }[] = [];
  let index = 0;
  while (index < segment.length) {
    const char = segment[index]!;
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(segment.slice(index))![0];
      const close = segment.indexOf(run, index + run.length);
      if (close === -1) {
        open.push({ marker: run, at: index });
        break;
      }
      index = close + run.length;
      continue;
    }
    if (char === '*' || char === '_' || char === '~') {
      const double = segment[index + 1] === char;
      const marker = (double ? char + char : char) as Marker;
      const before = segment[index - 1];
      const after = segment[index + marker.length];
      const top = open[open.length - 1];
      const canClose = before !== undefined && !/\s/.test(before) && (char !== '_' || after === undefined || !/[\p{L}\p{N}]/u.test(after));
      const canOpen = (after === undefined || !/\s/.test(after)) && (char !== '_' || before === undefined || !/[\p{L}\p{N}]/u.test(before));
      if (top && top.marker === marker && canClose) open.pop();
      else if (canOpen && (char !== '~' || double)) open.push({ marker, at: index });
      index += marker.length;
      continue;
    }
    index += 1;
  }
  let text = segment;
  let closers = '';
  for (let position = open.length - 1; position >= 0; position -= 1) {
    const { marker, at } = open[position]!;
    if (text.slice(at + marker.length).trim() === '') text = text.slice(0, at);
    else closers += marker;
  }
  if (closers) {
    const trailing = /\s*$/.exec(text)![0];
    text = text.slice(0, text.length - trailing.length);
    closers += trailing;
  }
  return { text, closers };
}
