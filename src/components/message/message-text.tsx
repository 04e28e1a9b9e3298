import type { ComponentPropsWithoutRef } from 'react';
import { classNames } from '../shared/class-names.js';
import { markdownEngine } from '../markdown/load-markdown.js';
import { useBlockStream } from '../markdown/use-block-stream.js';

export interface MessageTextProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Markdown source; raw HTML in it is shown as text. */
  text: string;
  /**
   * Whether more text is still coming. While streaming, an open code fence shows plain text and the open tail may
   * lag a few tokens behind to bound the parse work; once false everything is parsed and highlighted at once. When
   * not given, text that stops changing for a moment counts as complete.
   */
  streaming?: boolean;
}

/**
 * Streamed markdown rendered safely: tokens become React elements, never inner HTML. Completed blocks are parsed and
 * rendered once; only the open tail is parsed again as text arrives. The parser loads with the first message list
 * or message text; until it has arrived the text shows as plain paragraphs.
 * @example
 * <MessageText text="**Hello** [docs](https://example.com)" streaming />
 */
export function MessageText({ text, streaming, className, ...rest }: MessageTextProps) {
  const engine = markdownEngine.useLoaded();
  const { stream, complete } = useBlockStream(text, streaming, engine);
  return (
    <div className={classNames('platos-markdown', className)} data-state={complete ? 'complete' : 'streaming'} {...rest}>
      {engine && stream ? (
        <>
          {stream.blocks.map((block) => (
            <engine.MarkdownBlock key={block.id} token={block.token} open={false} />
          ))}
          {stream.tail.map((token, index) => (
            <engine.MarkdownBlock key={stream.blocks.length + index} token={token} open={!complete} />
          ))}
        </>
      ) : (
        <PlainText text={text} />
      )}
    </div>
  );
}

/** The text before the parser has loaded: its paragraphs as text, line breaks kept, nothing interpreted. */
function PlainText({ text }: { text: string }) {
  return text
    .split(/\n[ \t]*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph, index) => (
      <p key={index} className="platos-markdown-plain">
        {paragraph}
      </p>
    ));
}
