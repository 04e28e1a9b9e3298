import type { ReactNode } from 'react';
import type { MarkedToken, Token } from 'marked';
import { decodeEntities } from '../../text/decode-entities.js';
import { PolicedImage } from '../policy/policed-image.js';
import { SafeLink } from '../policy/safe-link.js';

/**
 * Renders inline markdown tokens as React elements; raw HTML stays text. Links and images go through the content
 * policy: unsafe links become text, images load only from allowed hosts.
 */
export function renderInlineTokens(tokens: readonly Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, index) => renderInlineToken(token, index));
}

function renderInlineToken(token: Token, key: number): ReactNode {
  const known = token as MarkedToken;
  switch (known.type) {
    case 'text':
      return known.tokens ? <span key={key}>{renderInlineTokens(known.tokens)}</span> : decodeEntities(known.text);
    case 'escape':
      return known.text;
    case 'strong':
      return <strong key={key}>{renderInlineTokens(known.tokens)}</strong>;
    case 'em':
      return <em key={key}>{renderInlineTokens(known.tokens)}</em>;
    case 'del':
      return <del key={key}>{renderInlineTokens(known.tokens)}</del>;
    case 'codespan':
      return <code key={key} className="platos-markdown-code">{known.text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link':
      return (
        <SafeLink key={key} href={known.href} text={plainText(known.tokens)}>
          {renderInlineTokens(known.tokens)}
        </SafeLink>
      );
    case 'image':
      return <PolicedImage key={key} src={known.href} alt={decodeEntities(known.text)} title={known.title ?? undefined} />;
    case 'checkbox':
      return <input key={key} type="checkbox" checked={known.checked} readOnly disabled aria-label={known.checked ? 'done' : 'not done'} />;
    case 'html':
      return known.raw;
    case 'heading':
    case 'paragraph':
    case 'blockquote':
    case 'list':
    case 'list_item':
    case 'table':
    case 'code':
    case 'hr':
    case 'space':
    case 'def':
      return 'tokens' in known && known.tokens ? <span key={key}>{renderInlineTokens(known.tokens)}</span> : known.raw;
    default:
      // Lexer extensions can add token types the union does not know; their source is shown as text.
      return token.raw;
  }
}

/** The text a reader sees for inline tokens, without markup: what a link's label says. */
function plainText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => ('tokens' in token && token.tokens ? plainText(token.tokens) : token.type === 'image' ? '' : decodeEntities('text' in token ? String(token.text) : '')))
    .join('');
}
