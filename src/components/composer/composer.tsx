import { useId, useLayoutEffect, useRef, useState, type ComponentPropsWithoutRef, type FormEvent, type KeyboardEvent } from 'react';
import type { ConnectionState } from '../../client/types.js';
import { useConnectionState } from '../../react/use-connection-state.js';
import { useDraft } from '../../react/use-draft.js';
import { useThreadActions } from '../../react/use-thread-actions.js';
import { useThreadId } from '../../react/use-thread-id.js';
import { useThreadStatus } from '../../react/use-thread-status.js';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';

export interface ComposerProps extends Omit<ComponentPropsWithoutRef<'form'>, 'children' | 'onSubmit'> {
  /** Defaults to the `composerPlaceholder` label. */
  placeholder?: string;
  /** Blocks sending (the box still takes a draft); `disabledReason` says why. @default false */
  disabled?: boolean;
  /** Shown under the box while `disabled`. */
  disabledReason?: string;
}

export const composerLabels = {
  composerPlaceholder: 'Message the assistant…',
  composerInput: 'Message',
  composerSend: 'Send',
  composerStop: 'Stop',
  composerSending: 'Sending…',
  composerStopping: 'Stopping…',
  composerUnauthorized: 'Sending is off: the server did not accept the access token.',
  composerClosed: 'Sending is off: the connection was closed.',
  composerNotSent: 'Not sent: {error}. Your message is back in the box.',
} as const;

type ComposerState = 'idle' | 'sending' | 'streaming' | 'stopping' | 'disabled';

/**
 * A textarea that grows with its text, with Send, or Stop while a turn streams. Enter sends,
 * Shift+Enter adds a line, and Enter that ends an IME composition does neither. An unsent draft is
 * kept in the client's storage and comes back after a reload. The box clears on send and keeps
 * focus; if the server does not accept the message, the text comes back into the box (unless a new
 * draft was started, then it stays in the list as failed, with Retry) and the reason shows under it.
 */
export function Composer({ placeholder, disabled = false, disabledReason, className, ...rest }: ComposerProps) {
  const labels = useLabels(composerLabels);
  const { send, cancel, discard } = useThreadActions();
  const status = useThreadStatus();
  const connection = useConnectionState();
  const [draft, setDraft, clearDraft] = useDraft(useThreadId());
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const [isSending, setIsSending] = useState(false);
  const [isStopping, setIsStopping] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const isComposing = useRef(false);
  const hintId = useId();

  useLayoutEffect(() => {
    if (inputRef.current) growToFit(inputRef.current);
  }, [draft]);

  const isStreaming = status === 'streaming';
  const blockedReason = disabled ? (disabledReason ?? null) : connectionReason(connection, labels);
  const isBlocked = disabled || blockedReason !== null;
  const state: ComposerState = isStreaming ? (isStopping ? 'stopping' : 'streaming') : isBlocked ? 'disabled' : isSending ? 'sending' : 'idle';
  const canSend = draft.trim() !== '' && !isSending && !isStreaming && !isBlocked;
  const hint = isBlocked ? blockedReason : sendError;

  const submit = async () => {
    if (!canSend) return;
    const text = draft;
    clearDraft();
    setSendError(null);
    setIsSending(true);
    const result = await send(text).catch((error: unknown) => ({ ok: false as const, clientMessageId: null, error: { message: String(error) } }));
    setIsSending(false);
    if (result.ok) return;
    setSendError(labels.composerNotSent.replace('{error}', result.error.message));
    // One copy of a failed message: back in an empty box, or (if a new draft was started) in the list with Retry.
    if (draftRef.current !== '') return;
    if (result.clientMessageId !== null) discard(result.clientMessageId);
    setDraft(text);
    inputRef.current?.focus();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    inputRef.current?.focus();
    void submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    // Safari ends a composition with a keydown whose isComposing is already false, but keyCode 229.
    if (event.nativeEvent.isComposing || isComposing.current || event.nativeEvent.keyCode === 229) return;
    event.preventDefault();
    void submit();
  };

  const stop = async () => {
    setIsStopping(true);
    try {
      await cancel();
    } finally {
      setIsStopping(false);
      inputRef.current?.focus();
    }
  };

  return (
    <form data-state={state} className={classNames('platos-composer', className)} onSubmit={onSubmit} {...rest}>
      <div className="platos-composer-row">
        <textarea
          ref={inputRef}
          className="platos-composer-input"
          aria-label={labels.composerInput}
          aria-describedby={hint ? hintId : undefined}
          placeholder={placeholder ?? labels.composerPlaceholder}
          rows={1}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onCompositionStart={() => {
            isComposing.current = true;
          }}
          onCompositionEnd={() => {
            isComposing.current = false;
          }}
        />
        {isStreaming ? (
          <button type="button" className="platos-button" data-variant="secondary" disabled={isStopping} onClick={() => void stop()}>
            {isStopping ? labels.composerStopping : labels.composerStop}
          </button>
        ) : (
          <button type="submit" className="platos-button" data-variant="primary" disabled={!canSend}>
            {isSending ? labels.composerSending : labels.composerSend}
          </button>
        )}
      </div>
      {hint ? (
        <p id={hintId} className="platos-composer-hint" data-state={isBlocked ? 'disabled' : 'failed'} role={isBlocked ? undefined : 'alert'}>
          {hint}
        </p>
      ) : null}
    </form>
  );
}

function connectionReason(connection: ConnectionState, labels: Readonly<Record<keyof typeof composerLabels, string>>): string | null {
  if (connection === 'unauthorized') return labels.composerUnauthorized;
  if (connection === 'closed') return labels.composerClosed;
  return null;
}

const supportsFieldSizing = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/** Grows the box with its text where CSS `field-sizing: content` cannot (its max-height still caps it). */
function growToFit(textarea: HTMLTextAreaElement): void {
  if (supportsFieldSizing) return;
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight}px`;
}
