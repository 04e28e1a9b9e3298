import { useState, type FormEvent } from 'react';
import type { MessagePart } from '@platosdev/client';
import {
  useApproval,
  useConnectionState,
  useMessage,
  useMessageIds,
  useRun,
  useThreadActions,
  useThreadStatus,
  useToolCall,
} from '@platosdev/client/react';

/** Plain HTML and the kit's hooks only; render it in `<PlatosProvider>` and `<PlatosThread>`. */
export function HooksOnlyChat() {
  const connection = useConnectionState();
  const status = useThreadStatus();
  const messageIds = useMessageIds();
  const { send, cancel } = useThreadActions();
  const [draft, setDraft] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return;
    void send(draft);
    setDraft('');
  };

  return (
    <section aria-label="Hooks-only chat">
      <p>
        Connection: <output aria-label="Connection">{connection}</output>, thread:{' '}
        <output aria-label="Thread">{status}</output>
      </p>
      <ol>
        {messageIds.map((id) => (
          <MessageItem key={id} id={id} />
        ))}
      </ol>
      <form onSubmit={submit}>
        <input aria-label="Message" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">Send</button>
        {status === 'streaming' ? (
          <button type="button" onClick={() => void cancel()}>
            Stop
          </button>
        ) : null}
      </form>
    </section>
  );
}

/** Re-renders only when this message changes, not on every token of the thread. */
function MessageItem({ id }: { id: string }) {
  const message = useMessage(id);
  if (!message) return null;
  if (message.role === 'user') return <li data-role="user">You: {message.text}</li>;
  return (
    <li data-role="assistant" data-state={message.status}>
      Agent ({message.status}):
      {message.parts.map((part, index) => (
        <PartItem key={index} part={part} />
      ))}
    </li>
  );
}

function PartItem({ part }: { part: MessagePart }) {
  switch (part.type) {
    case 'text':
      return <p style={{ whiteSpace: 'pre-wrap' }}>{part.text}</p>;
    case 'tool-call':
      return <ToolCallItem id={part.toolCallId} />;
    case 'approval':
      return <ApprovalItem id={part.approvalId} />;
    case 'run':
      return <RunItem id={part.runId} />;
    default:
      return null;
  }
}

function ToolCallItem({ id }: { id: string }) {
  const toolCall = useToolCall(id);
  if (!toolCall) return null;
  return (
    <p data-tool={toolCall.tool}>
      Tool {toolCall.tool}: {toolCall.status}
    </p>
  );
}

function ApprovalItem({ id }: { id: string }) {
  const { approval, response } = useApproval(id);
  const { respondToApproval } = useThreadActions();
  if (!approval) return null;
  if (approval.state !== 'pending' || response) {
    const sending = approval.state === 'pending' && response ? `, sending ${response.decision}` : '';
    return (
      <p data-approval={approval.tool}>
        Approval for {approval.tool}: {approval.state}
        {sending}
      </p>
    );
  }
  return (
    <p data-approval={approval.tool}>
      Run {approval.tool} with {JSON.stringify(approval.args)}?{' '}
      <button type="button" onClick={() => void respondToApproval(id, 'approved')}>
        Approve
      </button>{' '}
      <button type="button" onClick={() => void respondToApproval(id, 'denied')}>
        Deny
      </button>
    </p>
  );
}

function RunItem({ id }: { id: string }) {
  const run = useRun(id);
  if (!run) return null;
  return (
    <p>
      <label>
        {run.label ?? 'Background run'} <progress max={100} value={run.progress} />{' '}
        {run.progress}% {run.status}
      </label>
    </p>
  );
}
