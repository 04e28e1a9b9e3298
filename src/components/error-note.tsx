import { memo, type ComponentProps } from 'react';
import type { MessagePart } from '../protocol';
import { classNames } from './class-names';
import './styles/tokens.css';
import './styles/error-note.css';

export interface ErrorNoteProps extends Omit<ComponentProps<'div'>, 'children' | 'part'> {
  part: Extract<MessagePart, { type: 'error' }>;
}

/** A problem inside a turn: a retryable one is a note, one that ended the turn is an alert. */
export const ErrorNote = memo(function ErrorNote({ part, className, ...rest }: ErrorNoteProps) {
  return (
    <div
      role={part.retryable ? 'note' : 'alert'}
      data-state={part.retryable ? 'retryable' : 'fatal'}
      className={classNames('platos-error-note', className)}
      {...rest}
    >
      <span className="platos-error-note-title">{part.retryable ? 'Temporary problem, still working' : 'The response failed'}</span>
      <span className="platos-error-note-message">{part.message}</span>
      <code className="platos-error-note-code">{part.code}</code>
    </div>
  );
});
