import { memo } from 'react';
import type { Token } from 'marked';
import { renderBlockToken } from './markdown-blocks.js';

export interface MarkdownBlockProps {
  token: Token;
  /** The block is still being written: an open code fence shows plain text. */
  open: boolean;
}

/** One top-level markdown block; memoised on its token, so a completed block renders once. */
export const MarkdownBlock = memo(function MarkdownBlock({ token, open }: MarkdownBlockProps) {
  return renderBlockToken(token, 0, open);
});
