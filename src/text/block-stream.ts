import { Lexer, type Links, type Token, type Tokens } from 'marked';
import { repairOpenBlock, type RepairedBlock } from './repair-open-block.js';
import { closesFence, patchTail } from './tail-patch.js';
import { relexLastInline, relexLastItem } from './tail-relex.js';

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

const emptyStream: BlockStream = { source: '', blocks: [], blocksLength: 0, tail: [], repaired: { text: '', closers: '', unchangedLength: 0 }, links: {}, lexedCharacters: 0, behind: false, final: false };

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
  return { source: text, blocks, blocksLength, tail, repaired, links, lexedCharacters, behind: false, final };
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
