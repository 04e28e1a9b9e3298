import type { Token, Tokens } from 'marked';
import type { BlockStream } from './block-stream.js';
import type { RepairedBlock } from './repair-open-block.js';

const plainChunk = /^[\p{L}\p{N} ,.;'"?%$+=/-]+$/u;

/**
 * The tail's tokens with `chunk` appended, when lexing could not give anything else: plain words added to the last
 * text of a paragraph, heading, list item or quote, or lines added to an open fence. Null when the tail must be lexed.
 */
export function patchTail(base: BlockStream, repaired: RepairedBlock): Token[] | null {
  if (base.tail.length === 0) return null;
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
export function trimsTrailingSpace(token: Token): boolean {
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

export function closesFence(body: string, fence: string): boolean {
  return body.split('\n').some((line) => {
    const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    return match !== null && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
  });
}

// The line is past any block marker it could still grow into: a letter, or digits not followed by `.`/`)` and a space.
const settledLineStart = /^ {0,3}(?:(?:[-*+]|\d{1,9}[.)]|>|#{1,6})[ \t]+)*(?:\p{L}|\p{N}+(?:[^\p{N}.)]|[.)]\S))/u;
export function lineStartSettled(source: string): boolean {
  return settledLineStart.test(source.slice(source.lastIndexOf('\n') + 1));
}
