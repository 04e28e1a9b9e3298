import { memo, type ComponentProps } from 'react';
import { useMessage } from '../react/use-message';
import { classNames } from './class-names';
import { MessageFooter } from './message-footer';
import { MessagePart, messagePartKey } from './message-part';
import './styles/tokens.css';
import './styles/message.css';

export interface MessageProps extends Omit<ComponentProps<'article'>, 'children'> {
  id: string;
}

/** One message, selected by id: the user's text, or the assistant's parts in order. */
export const Message = memo(function Message({ id, className, ...rest }: MessageProps) {
  const message = useMessage(id);
  if (!message) return null;

  if (message.role === 'user') {
    return (
      <article aria-label="You" data-role="user" className={classNames('platos-message', className)} {...rest}>
        <div className="platos-message-bubble">{message.text}</div>
      </article>
    );
  }

  const isStreaming = message.status === 'streaming';
  return (
    <article
      aria-label="Assistant"
      aria-busy={isStreaming ? 'true' : undefined}
      data-role="assistant"
      data-state={message.status}
      className={classNames('platos-message', className)}
      {...rest}
    >
      <div className="platos-message-body">
        {message.parts.map((part, index) => (
          <MessagePart key={messagePartKey(part, index)} part={part} />
        ))}
      </div>
      <MessageFooter message={message} />
    </article>
  );
});
