import { memo, type ComponentPropsWithoutRef } from 'react';
import { useMessage } from '../../react/use-message.js';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';
import { MessageFooter } from './message-footer.js';
import { MessagePart, messagePartKey } from './message-part.js';

export interface MessageProps extends Omit<ComponentPropsWithoutRef<'article'>, 'children'> {
  id: string;
}

export const messageLabels = { messageUser: 'You', messageAssistant: 'Assistant' } as const;

/** One message, selected by id: the user's text, or the assistant's parts in order. */
export const Message = memo(function Message({ id, className, ...rest }: MessageProps) {
  const message = useMessage(id);
  const labels = useLabels(messageLabels);
  if (!message) return null;

  if (message.role === 'user') {
    return (
      <article aria-label={labels.messageUser} data-role="user" className={classNames('platos-message', className)} {...rest}>
        <div className="platos-message-bubble">{message.text}</div>
      </article>
    );
  }

  const isStreaming = message.status === 'streaming';
  return (
    <article
      aria-label={labels.messageAssistant}
      aria-busy={isStreaming ? 'true' : undefined}
      data-role="assistant"
      data-state={message.status}
      className={classNames('platos-message', className)}
      {...rest}
    >
      <div className="platos-message-body">
        {message.parts.map((part, index) => (
          <MessagePart key={messagePartKey(part, index)} part={part} messageId={message.id} />
        ))}
      </div>
      <MessageFooter message={message} />
    </article>
  );
});
