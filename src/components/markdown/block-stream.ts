import { Lexer, type Links, type Token, type Tokens } from 'marked';
import { repairOpenBlock, type RepairedBlock } from './repair-open-block';

/** A top-level block that is complete: a later block has started, so its tokens never change again. */
export interface MarkdownBlock {
  readonly id: number;
  readonly token: Token;
}

/** Streamed markdown split into completed blocks (lexed once) and the open tail (re-lexed only when it must be). */
export interface BlockStream {
  readonly source: string;
  readonly blocks: readonly MarkdownBlock[];
  /** Characters of `source` the completed blocks cover; the tail is lexed from here. */
  readonly blocksLength: number;
  /** Tokens of the open tail, as it renders now. */
  readonly tail: readonly Token[];
  readonly repaired: RepairedBlock;
  readonly links: Links;
  /** Whether the tail's tokens cover all of its source, so an append lands in its last token. */
  readonly tailCoversSource: boolean;
  /** Characters handed to the lexer so far for this text. */
  readonly lexedCharacters: number;
  /** Whether text after `source` is held back because lexing the tail again now would overrun the work budget. */
  readonly behind: boolean;
  /** Whether the tail was lexed as final: unfinished syntax as written. */
  readonly final: boolean;
}

export interface AdvanceOptions {
  lex?: MarkdownLexer;
  /** Lex the tail even over budget: the text stopped changing. */
  force?: boolean;
  /** No more text will come: unfinished syntax is shown as written, not settled. */
  final?: boolean;
}

/**
 * Lexing the open tail again on every token costs its length each time; past this many characters per character of
 * text, a tail that needs lexing waits (shows what it showed) until the budget has grown or the text stops.
 */
export const lexBudgetPerCharacter = 2.5;
const lexBudgetSlack = 512;

/** The parser the stream hands text to: blocks (with their inline content) and inline content alone. */
export interface MarkdownLexer {
  blocks(source: string, links: Links): Token[] & { links: Links };
  inline(source: string, links: Links): Token[];
}

function seededLexer(links: Links): Lexer {
  const lexer = new Lexer({ gfm: true });
  Object.assign(lexer.tokens.links, links);
  return lexer;
}

/** marked's GFM lexer, seeded with the reference links that completed blocks defined. */
export const markedLexer: MarkdownLexer = {
  blocks: (source, links) => seededLexer(links).lex(source),
  inline: (source, links) => seededLexer(links).inlineTokens(source),
};

const emptyStream: BlockStream = { source: '', blocks: [], blocksLength: 0, tail: [], repaired: { text: '', closers: '', unchangedLength: 0 }, links: {}, tailCoversSource: false, lexedCharacters: 0, behind: false, final: false };

/**
 * The next split for `text`. When `text` extends the previous source only the open tail is looked at: a plain
 * append is patched into its tokens without lexing, anything else re-lexes the tail alone. Blocks before the tail's
 * last block are complete and move into `blocks`. Any other change of `text` starts over.
 */
export function advanceBlockStream(previous: BlockStream | undefined, text: string, { lex = markedLexer, force = false, final = false }: AdvanceOptions = {}): BlockStream {
  const extends_ = previous !== undefined && text.startsWith(previous.source);
  // A reference definition may come after the blocks that use it: the final text is lexed whole once.
  const restart = !extends_ || (final && !previous.final && Object.keys(previous.links).length > 0);
  const base = restart ? emptyStream : previous;
  if (base.source === text && base !== emptyStream && !(final && !base.final)) return base;
  const tailSource = text.slice(base.blocksLength);
  const repaired = final ? { text: tailSource, closers: '', unchangedLength: tailSource.length } : repairOpenBlock(tailSource);
  const patched = final ? null : patchTail(base, repaired);
  if (patched) return { ...base, source: text, tail: patched, repaired, behind: false, final: false };
  const inline = final ? null : (relexLastInline(base, text, repaired, lex) ?? relexLastItem(base, text, repaired, lex));
  if (inline) return { ...inline, final: false };
  // Only held-back syntax grew (a link's address, a table's header row): what shows is unchanged.
  if (base !== emptyStream && base.final === final && repaired.text === base.repaired.text && repaired.closers === base.repaired.closers) return { ...base, source: text, behind: false };
  const tailLength = repaired.text.length + repaired.closers.length;
  if (!force && !final && base !== emptyStream && base.lexedCharacters + tailLength > lexBudgetPerCharacter * text.length + lexBudgetSlack) {
    // Held back: `source` stays what the tail shows, so the next call sees the whole unshown text as its chunk.
    return { ...base, behind: true };
  }

  const tokens = lex.blocks(repaired.text + repaired.closers, base.links);
  const lexedCharacters = base.lexedCharacters + tailLength;
  let lastBlock = tokens.length - 1;
  while (lastBlock > 0 && tokens[lastBlock]!.type === 'space') lastBlock -= 1;
  const blocks = [...base.blocks];
  let blocksLength = base.blocksLength;
  let completed = 0;
  // A definition still being written would leave its half address in the blocks that use it: nothing completes yet.
  if (tokens[lastBlock]?.type === 'def') lastBlock = -1;
  // Only blocks whose source is exactly the text's (not touched by the repair) are complete.
  while (lastBlock >= 0 && completed < tokens.length && (completed < lastBlock || endsForGood(tokens, completed)) && text.startsWith(tokens[completed]!.raw, blocksLength)) {
    blocks.push({ id: blocks.length, token: tokens[completed]! });
    blocksLength += tokens[completed]!.raw.length;
    completed += 1;
  }
  // marked's raw for a list ending in spaces is not its source; its items' raws are, and the patches rely on that.
  // Only completed definitions seed later lexes (marked keeps the first definition of a label, even a half-written one).
  const links = { ...base.links };
  for (const block of blocks.slice(base.blocks.length)) {
    if (block.token.type === 'def') links[block.token.tag] ??= { href: block.token.href, title: block.token.title };
  }
  const tail = tokens.slice(completed).map((token) => (token.type === 'list' ? { ...token, raw: (token as Tokens.List).items.map((item) => item.raw).join('') } : token));
  return { source: text, blocks, blocksLength, tail, repaired, links, tailCoversSource: tail.length === tokens.length - completed, lexedCharacters, behind: false, final };
}

/**
 * Whether the block can no longer grow though nothing follows it yet: a heading or rule whose line ended, a closed
 * fence whose closing line ended, a paragraph or table followed by a blank line.
 */
function endsForGood(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  const next = tokens[index + 1];
  switch (token.type) {
    case 'heading':
    case 'hr':
      return token.raw.endsWith('\n');
    case 'code':
      return token.codeBlockStyle !== 'indented' && token.raw.endsWith('\n') && fenceIsClosed(token.raw);
    case 'paragraph':
    case 'table':
      return next?.type === 'space' && /\n[ \t]*\n/.test(token.raw.slice(-1) + next.raw);
    default:
      return false;
  }
}

function fenceIsClosed(raw: string): boolean {
  const opening = /^ {0,3}(`{3,}|~{3,})[^\n]*\n/.exec(raw);
  return opening !== null && closesFence(raw.slice(opening[0].length), opening[1]!);
}

const plainChunk = /^[\p{L}\p{N} ,.;'"?%$+=/-]+$/u;

/**
 * The tail's tokens with `chunk` appended, when lexing could not give anything else: plain words added to the last
 * text of a paragraph, heading, list item or quote, or lines added to an open fence. Null when the tail must be lexed.
 */
function patchTail(base: BlockStream, repaired: RepairedBlock): Token[] | null {
  if (!base.tailCoversSource || base.tail.length === 0) return null;
  if (repaired.closers !== base.repaired.closers || !repaired.text.startsWith(base.repaired.text)) return null;
  // What shows grew by `chunk` (the text's growth, less what the repair holds back).
  const chunk = repaired.text.slice(base.repaired.text.length);
  if (chunk === '') return null;
  const last = base.tail[base.tail.length - 1]!;
  const head = base.tail.slice(0, -1);
  const oldFull = base.repaired.text + base.repaired.closers;
  if (last.type === 'code') {
    const code = oldFull.endsWith(last.raw) ? patchOpenFence(last as Tokens.Code, chunk) : null;
    return code ? [...head, code] : null;
  }
  const gap = trailingGap(oldFull, last);
  if (gap === null || !lineStartSettled(base.repaired.text)) return null;
  const trims = trimsTrailingSpace(last);
  if (trims && repaired.closers !== '' && (gap !== '' || /\s$/.test(chunk))) return null;
  // Spaces a heading or list item ends with are not in its tokens yet; they join the text once more follows.
  const addition = trims ? (gap + chunk).replace(/[ \t]+$/, '') : chunk;
  if (addition === '') return [...base.tail];
  if (!plainChunk.test(addition)) return null;
  const patched = appendToLastText(last, addition, repaired.closers.length);
  return patched ? [...head, patched] : null;
}

/** The spaces after the last token's source (a heading or list item drops them), or null if it does not end the text. */
function trailingGap(full: string, last: Token): string | null {
  if (full.endsWith(last.raw)) return '';
  if (!trimsTrailingSpace(last)) return null;
  const kept = full.replace(/[ \t]+$/, '');
  return kept.endsWith(last.raw) ? full.slice(kept.length) : null;
}

/** Headings and list items drop trailing spaces from their text, so an append ending in one must be lexed. */
function trimsTrailingSpace(token: Token): boolean {
  return token.type === 'heading' || token.type === 'list';
}

const containers = new Set(['paragraph', 'heading', 'text', 'list', 'list_item', 'blockquote', 'strong', 'em', 'del']);

/**
 * `token` with `chunk` added to its last text. `closing` is how many closing characters (from the repair) end this
 * token's source after the point where the chunk goes.
 */
function appendToLastText(token: Token, chunk: string, closing: number): Token | null {
  if ((token.type === 'text' && !('tokens' in token && token.tokens)) || token.type === 'codespan') {
    // Closing characters inside a text token mean the repair's closers did not close anything: lex instead.
    if (token.type === 'text' && (token.raw !== token.text || (token as Tokens.Text).escaped || closing > 0)) return null;
    if (token.type === 'codespan' && (token.text.startsWith(' ') || closing === 0)) return null;
    // marked decodes numeric character references (`&#169;`), so text near an `&` must be lexed.
    if (autolinkMayStart(token.text, chunk) || token.text.includes('&')) return null;
    return { ...token, raw: insertBefore(token.raw, closing, chunk), text: token.text + chunk };
  }
  if (!containers.has(token.type)) return null;
  const ownClosing = token.type === 'strong' ? 2 : token.type === 'em' ? 1 : token.type === 'del' ? /~*$/.exec(token.raw)![0].length : 0;
  const childClosing = closing - ownClosing;
  const children: Token[] | undefined = token.type === 'list' ? (token as Tokens.List).items : (token as { tokens?: Token[] }).tokens;
  const child = children?.[children.length - 1];
  if (!children || !child || childClosing < 0 || !token.raw.slice(0, token.raw.length - closing + childClosing).endsWith(child.raw)) return null;
  // An autolink's word goes on into the text after it (`www.example` + `.com`).
  const before = children[children.length - 2];
  if (before?.type === 'link' && !before.raw.endsWith(')') && !/\s/.test(child.raw)) return null;
  const text = 'text' in token && typeof token.text === 'string' ? token.text : undefined;
  const patchedChild = childClosing === 0 && followsClosedInline(child, chunk) ? ({ type: 'text', raw: chunk, text: chunk, escaped: false } as Tokens.Text) : appendToLastText(child, chunk, childClosing);
  if (!patchedChild) return null;
  const patchedChildren = patchedChild.raw === chunk ? [...children, patchedChild] : [...children.slice(0, -1), patchedChild];
  const textClosing = ownClosing > 0 ? childClosing : closing;
  const patched = { ...token, raw: insertBefore(token.raw, closing, chunk), ...(text === undefined ? {} : { text: insertBefore(text, textClosing, chunk) }) };
  return (token.type === 'list' ? { ...patched, items: patchedChildren } : { ...patched, tokens: patchedChildren }) as Token;
}

/** Plain text after a finished `**strong**`, `*em*`, `code` or `[link](url)` starts a new text token. */
function followsClosedInline(child: Token, chunk: string): boolean {
  if (autolinkMayStart('', chunk)) return false;
  if (child.type === 'codespan' || child.type === 'strong' || child.type === 'em') return /[`*]$/.test(child.raw);
  return child.type === 'link' && child.raw.endsWith(')');
}

function autolinkMayStart(text: string, chunk: string): boolean {
  const lastWord = /\S*$/.exec(text)![0] + chunk;
  return /@|:|www\./i.test(lastWord);
}

function insertBefore(source: string, closing: number, chunk: string): string {
  return source.slice(0, source.length - closing) + chunk + source.slice(source.length - closing);
}

function patchOpenFence(code: Tokens.Code, chunk: string): Tokens.Code | null {
  const raw = code.raw + chunk;
  const lineEnd = raw.indexOf('\n');
  const opening = /^(`{3,}|~{3,})([^\n]*)$/.exec(lineEnd === -1 ? raw : raw.slice(0, lineEnd));
  if (code.codeBlockStyle === 'indented' || !opening) return null;
  const [, fence, info] = opening as unknown as [string, string, string];
  if ((fence[0] === '`' && info.includes('`')) || /[\\&]/.test(info)) return null;
  if (lineEnd === -1) return { ...code, raw, lang: info.trim(), text: '' };
  const body = raw.slice(lineEnd + 1);
  const oldBodyEnd = Math.max(0, code.raw.length - lineEnd - 1);
  if (code.raw.length > lineEnd && closesFence(body.slice(0, oldBodyEnd), fence)) return null;
  // A line starting with a fence character may close the fence.
  const changedLines = body.slice(body.lastIndexOf('\n', oldBodyEnd - 1) + 1);
  if (/(^|\n) {0,3}[`~]/.test(changedLines)) return null;
  // As marked does: one final line break after a non-empty last line is not part of the code.
  return { ...code, raw, lang: info.trim(), text: /[^\n]\n$/.test(body) ? body.slice(0, -1) : body };
}

function closesFence(body: string, fence: string): boolean {
  return body.split('\n').some((line) => {
    const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    return match !== null && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
  });
}

// The line is past any block marker it could still grow into: a letter, or digits not followed by `.`/`)` and a space.
const settledLineStart = /^ {0,3}(?:(?:[-*+]|\d{1,9}[.)]|>|#{1,6})[ \t]+)*(?:\p{L}|\p{N}+(?:[^\p{N}.)]|[.)]\S))/u;
function lineStartSettled(source: string): boolean {
  return settledLineStart.test(source.slice(source.lastIndexOf('\n') + 1));
}

const unsettledInlineText = /[*_~`[\]!<>\\|@:]|www\./i;

/**
 * The tail with only its last paragraph's (or heading's, or list item's) inline content re-lexed from the last point
 * nothing later can change: after plain words and closed constructs. The block structure must be settled: no new
 * line, and the last line already past its block marker. Null when that does not hold.
 */
function relexLastInline(base: BlockStream, text: string, repaired: RepairedBlock, lex: MarkdownLexer): BlockStream | null {
  const last = base.tail[base.tail.length - 1];
  let chunk = text.slice(base.source.length);
  let newFull = repaired.text + repaired.closers;
  // A paragraph's line break: its inline content is what it was, the next line decides what follows.
  const lineBreak = last?.type === 'paragraph' && chunk.endsWith('\n') && repaired.closers === '' && newFull.endsWith('\n');
  if (lineBreak) {
    chunk = chunk.slice(0, -1);
    newFull = newFull.slice(0, -1);
  }
  if (!base.tailCoversSource || !last || chunk.includes('\n')) return null;
  let oldFull = base.repaired.text + base.repaired.closers;
  if (trimsTrailingSpace(last)) {
    // A heading or list item drops its trailing spaces; they are left out on both sides.
    if (repaired.closers !== '' || base.repaired.closers !== '') return null;
    oldFull = oldFull.replace(/[ \t]+$/, '');
    newFull = newFull.replace(/[ \t]+$/, '');
  }
  if (!lineStartSettled(base.repaired.text) || !lineStartSettled(newFull) || /#\s*$/.test(newFull)) return null;
  const path = lastInlineContainerPath(last);
  const container = path?.[path.length - 1];
  if (!path || !container || !('text' in container) || typeof container.text !== 'string' || !('tokens' in container) || !container.tokens) return null;
  const oldText = container.text;
  const containerStart = oldFull.length - oldText.length;
  if (!oldFull.endsWith(oldText) || !newFull.startsWith(oldFull.slice(0, containerStart))) return null;
  if (!path.every((token) => token.raw.endsWith(oldText))) return null;
  const newText = newFull.slice(containerStart);
  const cut = settledInlinePrefix(container.tokens, Math.min(base.repaired.unchangedLength, repaired.unchangedLength) - containerStart);
  if (!newText.startsWith(oldText.slice(0, cut.length))) return null;
  const suffix = newText.slice(cut.length);
  const suffixTokens = suffix === '' ? [] : lex.inline(suffix, base.links);
  const tokens = joinInline(cut.tokens, suffixTokens);
  let replacement: Token = { ...container, raw: replaceEnd(container.raw, oldText, newText) + (lineBreak ? '\n' : ''), text: newText, tokens } as Token;
  for (let depth = path.length - 2; depth >= 0; depth -= 1) {
    const ancestor = path[depth]!;
    const patched = { ...ancestor, raw: replaceEnd(ancestor.raw, oldText, newText) } as Token & { text?: string; tokens?: Token[]; items?: Token[] };
    if (typeof patched.text === 'string' && patched.text.endsWith(oldText)) patched.text = replaceEnd(patched.text, oldText, newText);
    if (patched.type === 'list') patched.items = [...(patched.items ?? []).slice(0, -1), replacement];
    else patched.tokens = [...(patched.tokens ?? []).slice(0, -1), replacement];
    replacement = patched;
  }
  return { ...base, source: text, tail: [...base.tail.slice(0, -1), replacement], repaired, lexedCharacters: base.lexedCharacters + suffix.length, behind: false };
}

/**
 * A list or table with its last item or row re-lexed (a table's with its header and separator rows before it): the
 * items and rows before it stay as they are while no blank line comes. Null when the result is not one such block.
 */
function relexLastItem(base: BlockStream, text: string, repaired: RepairedBlock, lex: MarkdownLexer): BlockStream | null {
  const last = base.tail[base.tail.length - 1];
  if (!base.tailCoversSource || !last || repaired.closers !== '' || base.repaired.closers !== '') return null;
  const oldFull = base.repaired.text;
  const newFull = repaired.text;
  if (!newFull.startsWith(oldFull.slice(0, Math.min(base.repaired.unchangedLength, repaired.unchangedLength)))) return null;
  const replaced = last.type === 'list' ? relexLastListItem(last as Tokens.List, oldFull, newFull, base, lex) : last.type === 'table' ? relexLastTableRow(last as Tokens.Table, oldFull, newFull, base, lex) : null;
  if (!replaced) return null;
  return { ...base, source: text, tail: [...base.tail.slice(0, -1), replaced.token], repaired, lexedCharacters: base.lexedCharacters + replaced.lexed, behind: false };
}

function relexLastListItem(list: Tokens.List, oldFull: string, newFull: string, base: BlockStream, lex: MarkdownLexer): { token: Token; lexed: number } | null {
  const first = /^( {0,3})([-*+]|\d{1,9}([.)]))/.exec(list.items[0]?.raw ?? '');
  if (list.loose || list.items.length < 2 || !first) return null;
  const marker = first[3] ? `\\d{1,9}\\${first[3]}` : `\\${first[2]}`;
  const itemStart = new RegExp(`^${first[1]}${marker}(?:[ \\t]|$)`);
  let anchor = oldFull.length;
  do anchor = oldFull.lastIndexOf('\n', anchor - 1);
  while (anchor > 0 && !itemStart.test(oldFull.slice(anchor + 1)));
  anchor += 1;
  const part = newFull.slice(anchor);
  if (anchor <= 0 || !newFull.startsWith(oldFull.slice(0, anchor)) || /\n[ \t]*\n/.test(part)) return null;
  const tokens = lex.blocks(part, base.links);
  const relexed = tokens[0];
  if (tokens.length !== 1 || relexed?.type !== 'list' || relexed.ordered !== list.ordered || relexed.loose) return null;
  const items = [...list.items.slice(0, -1), ...(relexed as Tokens.List).items];
  return { token: { ...list, raw: items.map((item) => item.raw).join(''), items } as Token, lexed: part.length };
}

function relexLastTableRow(table: Tokens.Table, oldFull: string, newFull: string, base: BlockStream, lex: MarkdownLexer): { token: Token; lexed: number } | null {
  const [header, separator] = table.raw.split('\n');
  if (header === undefined || separator === undefined || !oldFull.endsWith(table.raw)) return null;
  const tableStart = oldFull.length - table.raw.length;
  const firstRow = tableStart + header.length + separator.length + 2;
  const anchor = table.rows.length === 0 ? firstRow : oldFull.lastIndexOf('\n', oldFull.length - (table.raw.endsWith('\n') ? 2 : 1)) + 1;
  const rows = newFull.slice(anchor);
  const editedRow = table.rows.length > 0 && !table.raw.endsWith('\n') && !rows.includes('\n') && !/[\\`]/.test(rows);
  if (editedRow && anchor >= firstRow && newFull.startsWith(oldFull.slice(0, anchor))) {
    const previous = table.rows[table.rows.length - 1]!;
    let lexed = 0;
    const row = splitRow(rows, table.header.length).map((text, column) => {
      if (previous[column]?.text === text) return previous[column]!;
      lexed += text.length;
      return { text, tokens: lex.inline(text, base.links), header: false, align: table.align[column] ?? null };
    });
    return { token: { ...table, raw: newFull.slice(tableStart), rows: [...table.rows.slice(0, -1), row] } as Token, lexed };
  }
  if (anchor < firstRow || anchor > newFull.length || !newFull.startsWith(oldFull.slice(0, anchor)) || /\n[ \t]*\n/.test(rows)) return null;
  // Only the column count and alignment of the header matter to the rows: a short stand-in saves lexing it again.
  const alignments = table.align.map((align) => (align === 'left' ? ':-' : align === 'right' ? '-:' : align === 'center' ? ':-:' : '-'));
  const source = `|${' x |'.repeat(alignments.length)}\n|${alignments.join('|')}|\n${rows}`;
  const tokens = lex.blocks(source, base.links);
  const relexed = tokens[0] as Tokens.Table | undefined;
  if (tokens.length !== 1 || relexed?.type !== 'table' || relexed.raw !== source || relexed.header.length !== table.header.length) return null;
  if (table.rows.length === 0 && rows === '') return { token: { ...table, raw: newFull.slice(tableStart) } as Token, lexed: source.length };
  return { token: { ...table, raw: newFull.slice(tableStart), rows: [...table.rows.slice(0, -1), ...relexed.rows] } as Token, lexed: source.length };
}

function replaceEnd(source: string, oldEnd: string, newEnd: string): string {
  return source.slice(0, source.length - oldEnd.length) + newEnd;
}

/** From a top-level block down to the paragraph, heading or list item text whose inline content ends the source. */
function lastInlineContainerPath(token: Token): Token[] | null {
  if (token.type === 'paragraph' || token.type === 'heading' || (token.type === 'text' && 'tokens' in token && token.tokens)) return [token];
  const children: Token[] | undefined = token.type === 'list' ? (token as Tokens.List).items : token.type === 'list_item' || token.type === 'blockquote' ? (token as { tokens?: Token[] }).tokens : undefined;
  const child = children?.[children.length - 1];
  const below = child ? lastInlineContainerPath(child) : null;
  return below ? [token, ...below] : null;
}

/** The leading inline tokens no later text can change, and the source they cover; cut only after whitespace. */
function settledInlinePrefix(tokens: readonly Token[], limit: number): { tokens: Token[]; length: number } {
  let best = { tokens: [] as Token[], length: 0 };
  let offset = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (offset >= limit) break;
    if (token.type === 'text' && !('tokens' in token && token.tokens)) {
      if (token.raw !== token.text || unsettledInlineText.test(token.raw)) break;
      const cut = token.raw.slice(0, limit - offset).search(/\s\S*$/);
      if (cut !== -1) {
        const head = token.raw.slice(0, cut + 1);
        best = { tokens: [...tokens.slice(0, index), { ...token, raw: head, text: head } as Token], length: offset + head.length };
      }
    } else if (!settledConstruct(token)) {
      break;
    }
    offset += token.raw.length;
  }
  return best;
}

function settledConstruct(token: Token): boolean {
  switch (token.type) {
    case 'strong':
    case 'em':
    case 'del':
      return /[*~]$/.test(token.raw);
    case 'codespan':
    case 'br':
    case 'escape':
      return true;
    case 'link':
    case 'image':
      return token.raw.endsWith(')');
    default:
      return false;
  }
}

/** A table row's cells as marked splits them (for rows without escapes or code): outer pipes dropped, padded or cut to `count`. */
function splitRow(row: string, count: number): string[] {
  const cells = row.split('|');
  if (!cells[0]?.trim()) cells.shift();
  if (cells.length > 0 && !cells[cells.length - 1]?.trim()) cells.pop();
  cells.length = Math.min(cells.length, count);
  while (cells.length < count) cells.push('');
  return cells.map((cell) => cell.trim());
}

/** marked joins neighbouring text tokens into one; so does this. */
function joinInline(head: Token[], tail: Token[]): Token[] {
  const last = head[head.length - 1];
  const first = tail[0];
  if (last?.type === 'text' && first?.type === 'text' && !('tokens' in first && first.tokens) && !('tokens' in last && last.tokens)) {
    return [...head.slice(0, -1), { ...last, raw: last.raw + first.raw, text: last.text + first.text } as Token, ...tail.slice(1)];
  }
  return [...head, ...tail];
}
