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
  /** Whether the tail shows an earlier text than `source` because re-lexing it now would overrun the work budget. */
  readonly behind: boolean;
}

export interface AdvanceOptions {
  lex?: MarkdownLexer;
  /** Lex the tail even over budget: the text stopped changing. */
  force?: boolean;
}

/**
 * Lexing the open tail again on every token costs its length each time; past this many characters per character of
 * text, a tail that needs lexing waits (shows what it showed) until the budget has grown or the text stops.
 */
export const lexBudgetPerCharacter = 2;
const lexBudgetSlack = 512;

export type MarkdownLexer = (source: string, links: Links) => Token[] & { links: Links };

/** marked's GFM lexer, seeded with the reference links that completed blocks defined. */
export const lexMarkdown: MarkdownLexer = (source, links) => {
  const lexer = new Lexer({ gfm: true });
  Object.assign(lexer.tokens.links, links);
  return lexer.lex(source);
};

const emptyStream: BlockStream = { source: '', blocks: [], blocksLength: 0, tail: [], repaired: { text: '', closers: '' }, links: {}, tailCoversSource: false, lexedCharacters: 0, behind: false };

/**
 * The next split for `text`. When `text` extends the previous source only the open tail is looked at: a plain
 * append is patched into its tokens without lexing, anything else re-lexes the tail alone. Blocks before the tail's
 * last block are complete and move into `blocks`. Any other change of `text` starts over.
 */
export function advanceBlockStream(previous: BlockStream | undefined, text: string, { lex = lexMarkdown, force = false }: AdvanceOptions = {}): BlockStream {
  const base = previous && text.startsWith(previous.source) ? previous : emptyStream;
  if (base.source === text && base !== emptyStream && !(force && base.behind)) return base;
  const tailSource = text.slice(base.blocksLength);
  const repaired = repairOpenBlock(tailSource);
  const patched = patchTail(base, text.slice(base.source.length), repaired);
  if (patched) return { ...base, source: text, tail: patched, repaired, behind: false };
  // Only held-back syntax grew (a link's address, a table's header row): what shows is unchanged.
  if (base !== emptyStream && repaired.text === base.repaired.text && repaired.closers === base.repaired.closers) return { ...base, source: text, behind: false };
  const tailLength = repaired.text.length + repaired.closers.length;
  if (!force && base !== emptyStream && base.lexedCharacters + tailLength > lexBudgetPerCharacter * text.length + lexBudgetSlack) {
    return { ...base, source: text, behind: true };
  }

  const tokens = lex(repaired.text + repaired.closers, base.links);
  const lexedCharacters = base.lexedCharacters + tailLength;
  const links = { ...base.links, ...tokens.links };
  let lastBlock = tokens.length - 1;
  while (lastBlock > 0 && tokens[lastBlock]!.type === 'space') lastBlock -= 1;
  const blocks = [...base.blocks];
  let blocksLength = base.blocksLength;
  let completed = 0;
  // Only blocks whose source is exactly the text's (not touched by the repair) are complete.
  while (completed < lastBlock && text.startsWith(tokens[completed]!.raw, blocksLength)) {
    blocks.push({ id: blocks.length, token: tokens[completed]! });
    blocksLength += tokens[completed]!.raw.length;
    completed += 1;
  }
  const tail = hideUnfinishedTable(tokens.slice(completed));
  return { source: text, blocks, blocksLength, tail, repaired, links, tailCoversSource: tail.length === tokens.length - completed, lexedCharacters, behind: false };
}

/** A table's header row alone is a paragraph of pipes; it waits until the separator row makes it a table. */
function hideUnfinishedTable(tail: Token[]): Token[] {
  const last = tail[tail.length - 1];
  if (last?.type === 'paragraph' && /(^|\n) {0,3}\|[^\n]*$/.test(last.raw)) {
    const firstPipeRow = last.raw.search(/(^|\n) {0,3}\|/);
    if (firstPipeRow <= 0) return tail.slice(0, -1);
  }
  return tail;
}

const plainChunk = /^[\p{L}\p{N} ,.;'"?%$+=/-]+$/u;

/**
 * The tail's tokens with `chunk` appended, when lexing could not give anything else: plain words added to the last
 * text of a paragraph, heading, list item or quote, or lines added to an open fence. Null when the tail must be lexed.
 */
function patchTail(base: BlockStream, chunk: string, repaired: RepairedBlock): Token[] | null {
  if (chunk === '' || !base.tailCoversSource || base.tail.length === 0) return null;
  if (repaired.closers !== base.repaired.closers || repaired.text !== base.repaired.text + chunk) return null;
  const last = base.tail[base.tail.length - 1]!;
  const head = base.tail.slice(0, -1);
  if (last.type === 'code') {
    const code = patchOpenFence(last as Tokens.Code, chunk);
    return code ? [...head, code] : null;
  }
  if (!plainChunk.test(chunk)) return null;
  const patched = appendToLastText(last, chunk, repaired.closers.length);
  return patched ? [...head, patched] : null;
}

const containers = new Set(['paragraph', 'heading', 'text', 'list', 'list_item', 'blockquote', 'strong', 'em', 'del']);

/**
 * `token` with `chunk` added to its last text. `closing` is how many closing characters (from the repair) end this
 * token's source after the point where the chunk goes.
 */
function appendToLastText(token: Token, chunk: string, closing: number): Token | null {
  if ((token.type === 'text' && !('tokens' in token && token.tokens)) || token.type === 'codespan') {
    if (token.type === 'text' && (token.raw !== token.text || (token as Tokens.Text).escaped)) return null;
    if (token.type === 'codespan' && (token.text.startsWith(' ') || closing === 0)) return null;
    if (autolinkMayStart(token.text, chunk)) return null;
    return { ...token, raw: insertBefore(token.raw, closing, chunk), text: token.text + chunk };
  }
  if (!containers.has(token.type)) return null;
  const ownClosing = token.type === 'strong' ? 2 : token.type === 'em' ? 1 : token.type === 'del' ? /~*$/.exec(token.raw)![0].length : 0;
  const childClosing = closing - ownClosing;
  const children: Token[] | undefined = token.type === 'list' ? (token as Tokens.List).items : (token as { tokens?: Token[] }).tokens;
  const child = children?.[children.length - 1];
  if (!children || !child || childClosing < 0 || !token.raw.slice(0, token.raw.length - closing + childClosing).endsWith(child.raw)) return null;
  const text = 'text' in token && typeof token.text === 'string' ? token.text : undefined;
  const patchedChild = childClosing === 0 && followsClosedInline(child, chunk) ? ({ type: 'text', raw: chunk, text: chunk, escaped: false } as Tokens.Text) : appendToLastText(child, chunk, childClosing);
  if (!patchedChild) return null;
  const patchedChildren = patchedChild.raw === chunk ? [...children, patchedChild] : [...children.slice(0, -1), patchedChild];
  const patched = { ...token, raw: insertBefore(token.raw, closing, chunk), ...(text === undefined ? {} : { text: insertBefore(text, closing, chunk) }) };
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
  const opening = /^(`{3,}|~{3,})[^\n]*\n/.exec(code.raw);
  if (code.codeBlockStyle === 'indented' || !opening || closesFence(code.raw.slice(opening[0].length), opening[1]!)) return null;
  const raw = code.raw + chunk;
  const body = raw.slice(raw.indexOf('\n') + 1);
  // A body that ends in a newline is trimmed by the lexer, and a line starting with a fence character may close it.
  const oldEnd = body.length - chunk.length;
  const changedLines = body.slice(body.lastIndexOf('\n', oldEnd - 1) + 1);
  if (body.endsWith('\n') || /(^|\n) {0,3}[`~]/.test(changedLines)) return null;
  return { ...code, raw, text: body };
}

function closesFence(body: string, fence: string): boolean {
  return body.split('\n').some((line) => {
    const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    return match !== null && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
  });
}
