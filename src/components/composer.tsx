import { useState, type ComponentProps, type FormEvent, type KeyboardEvent } from 'react';
import { useThreadActions } from '../react/use-thread-actions';
import { useThreadStatus } from '../react/use-thread-status';
import { classNames } from './class-names';
import './styles/tokens.css';
import './styles/chat.css';

export interface ComposerProps extends Omit<ComponentProps<'form'>, 'children' | 'onSubmit'> {
  /** @default 'Message the assistant…' */
  placeholder?: string;
}

/**
 * A textarea with Send, or Stop while a turn streams. Enter sends and Shift+Enter adds a line. The
 * box clears on send, and the text comes back if the server does not accept it.
 */
export function Composer({ placeholder = 'Message the assistant…', className, ...rest }: ComposerProps) {
  const { send, cancel } = useThreadActions();
  const status = useThreadStatus();
  const [draft, setDraft] = useState('');
  const [isSending, setIsSending] = useState(false);
  const isStreaming = status === 'streaming';
  const canSend = draft.trim() !== '' && !isSending && !isStreaming;

  // Gives the text back unless the user already started a new one.
  const restore = (text: string) => setDraft((current) => (current === '' ? text : current));

  const submit = async () => {
    if (!canSend) return;
    const text = draft;
    setDraft('');
    setIsSending(true);
    try {
      const result = await send(text);
      if (!result.ok) restore(text);
    } catch {
      restore(text);
    } finally {
      setIsSending(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void submit();
  };

  return (
    <form data-state={isStreaming ? 'streaming' : isSending ? 'sending' : 'idle'} className={classNames('platos-composer', className)} onSubmit={onSubmit} {...rest}>
      <textarea
        className="platos-composer-input"
        aria-label="Message"
        placeholder={placeholder}
        rows={1}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {isStreaming ? (
        <button type="button" className="platos-button" data-variant="secondary" onClick={() => void cancel()}>
          Stop
        </button>
      ) : (
        <button type="submit" className="platos-button" data-variant="primary" disabled={!canSend}>
          Send
        </button>
      )}
    </form>
  );
}
