import type { ReactNode } from 'react';
import type { MarkedToken, Token } from 'marked';
import { decodeEntities } from './decode-entities';
import { safeImageSrc, safeLinkHref } from './safe-url';

/** Renders inline markdown tokens as React elements; raw HTML stays text and unsafe URLs are dropped. */
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
    case 'link': {
      const href = safeLinkHref(known.href);
      const children = renderInlineTokens(known.tokens);
      if (href === null) return <span key={key}>{children}</span>;
      return (
        <a key={key} href={href} title={known.title ?? undefined} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      );
    }
    case 'image': {
      const src = safeImageSrc(known.href);
      if (src === null) return decodeEntities(known.text);
      return <img key={key} src={src} alt={decodeEntities(known.text)} title={known.title ?? undefined} loading="lazy" />;
    }
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
