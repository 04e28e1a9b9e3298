import type { Token, Tokens } from 'marked';
import type { BlockStream, MarkdownLexer } from './block-stream.js';
import type { RepairedBlock } from './repair-open-block.js';
import { lineStartSettled, trimsTrailingSpace } from './tail-patch.js';

const unsettledInlineText = /[*_~`[\]!<>\\|@:]|www\./i;

/**
 * The tail with only its last paragraph's (or heading's, or list item's) inline content re-lexed from the last point
 * nothing later can change: after plain words and closed constructs. The block structure must be settled: no new
 * line, and the last line already past its block marker. Null when that does not hold.
 */
export function relexLastInline(base: BlockStream, text: string, repaired: RepairedBlock, lex: MarkdownLexer): BlockStream | null {
  const last = base.tail[base.tail.length - 1];
  let chunk = text.slice(base.source.length);
  let newFull = repaired.text + repaired.closers;
  // A paragraph's line break: its inline content is what it was, the next line decides what follows.
  const lineBreak = last?.type === 'paragraph' && chunk.endsWith('\n') && repaired.closers === '' && newFull.endsWith('\n');
  if (lineBreak) {
    chunk = chunk.slice(0, -1);
    newFull = newFull.slice(0, -1);
  }
  if (!last || chunk.includes('\n')) return null;
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
export function relexLastItem(base: BlockStream, text: string, repaired: RepairedBlock, lex: MarkdownLexer): BlockStream | null {
  const last = base.tail[base.tail.length - 1];
  if (!last || repaired.closers !== '' || base.repaired.closers !== '') return null;
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
