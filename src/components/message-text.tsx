import { useMemo, type ComponentProps } from 'react';
import { marked } from 'marked';
import { classNames } from './class-names';
import { renderBlockTokens } from './markdown-blocks';
import './styles/tokens.css';
import './styles/markdown.css';

export interface MessageTextProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** Markdown source; raw HTML in it is shown as text. */
  text: string;
}

/**
 * Streamed markdown rendered safely: tokens become React elements, never inner HTML.
 * @example
 * <MessageText text="**Hello** [docs](https://example.com)" />
 */
export function MessageText({ text, className, ...rest }: MessageTextProps) {
  const content = useMemo(() => renderBlockTokens(marked.lexer(text)), [text]);
  return (
    <div className={classNames('platos-markdown', className)} {...rest}>
      {content}
    </div>
  );
}
