import type { ReactNode } from 'react';
import type { MarkedToken, Token, Tokens } from 'marked';
import { CodeBlock } from './code-block.js';
import { renderInlineTokens } from './markdown-inline.js';

/**
 * Renders block markdown tokens as React elements; never produces HTML from strings. `open` marks blocks still being
 * written: a code fence in them that is not closed yet shows as plain text in progress.
 */
export function renderBlockTokens(tokens: readonly Token[], open = false): ReactNode[] {
  return tokens.map((token, index) => renderBlockToken(token, index, open));
}

export function renderBlockToken(token: Token, key: number, open = false): ReactNode {
  const known = token as MarkedToken;
  switch (known.type) {
    case 'space':
    case 'def':
      return null;
    case 'heading':
      return renderHeading(known, key);
    case 'paragraph':
      return <p key={key}>{renderInlineTokens(known.tokens)}</p>;
    case 'text':
      return <span key={key}>{renderInlineTokens(known.tokens ?? [known])}</span>;
    case 'code':
      return <CodeBlock key={key} code={known.text} language={known.lang?.split(/\s/)[0] || undefined} state={open && !isClosedFence(known) ? 'streaming' : 'complete'} />;
    case 'blockquote':
      return <blockquote key={key}>{renderBlockTokens(known.tokens, open)}</blockquote>;
    case 'hr':
      return <hr key={key} />;
    case 'list':
      return renderList(known, key, open);
    case 'table':
      return renderTable(known, key);
    case 'html':
      return <p key={key} className="platos-markdown-raw">{known.raw}</p>;
    case 'list_item':
    case 'strong':
    case 'em':
    case 'del':
    case 'codespan':
    case 'br':
    case 'link':
    case 'image':
    case 'escape':
    case 'checkbox':
      return <span key={key}>{renderInlineTokens([known])}</span>;
    default:
      // Lexer extensions can add token types the union does not know; their source is shown as text.
      return <p key={key}>{token.raw}</p>;
  }
}

function renderHeading(token: Tokens.Heading, key: number): ReactNode {
  const Heading = (['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const)[Math.min(Math.max(token.depth, 1), 6) - 1] ?? 'h6';
  return <Heading key={key}>{renderInlineTokens(token.tokens)}</Heading>;
}

function isClosedFence(token: Tokens.Code): boolean {
  if (token.codeBlockStyle === 'indented') return true;
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(token.raw)?.[1];
  const lines = token.raw.trimEnd().split('\n');
  const closing = lines.length > 1 ? /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]!)?.[1] : undefined;
  return opening !== undefined && closing !== undefined && closing[0] === opening[0] && closing.length >= opening.length;
}

function renderList(token: Tokens.List, key: number, open: boolean): ReactNode {
  const items = token.items.map((item, index) => (
    <li key={index} className={item.task ? 'platos-markdown-task' : undefined}>
      {renderBlockTokens(item.tokens, open)}
    </li>
  ));
  if (!token.ordered) return <ul key={key}>{items}</ul>;
  return <ol key={key} start={token.start === '' || token.start === 1 ? undefined : token.start}>{items}</ol>;
}

function renderTable(token: Tokens.Table, key: number): ReactNode {
  return (
    <div key={key} className="platos-markdown-table">
      <table>
        <thead>
          <tr>
            {/* An empty corner cell heads nothing: as a <td> screen readers do not announce a nameless header. */}
            {token.header.map((cell, index) => {
              const Cell = cell.text.trim() === '' ? 'td' : 'th';
              return (
                <Cell key={index} style={cell.align ? { textAlign: cell.align } : undefined}>
                  {renderInlineTokens(cell.tokens)}
                </Cell>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {token.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index} style={cell.align ? { textAlign: cell.align } : undefined}>
                  {renderInlineTokens(cell.tokens)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
