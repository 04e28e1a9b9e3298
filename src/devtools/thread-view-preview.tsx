import { memo } from 'react';
import type { AssistantMessageView, MessagePart } from '../protocol/index.js';
import { assertNever } from '../store/assert-never.js';
import type { ThreadView } from '../store/types.js';
import { formatCount } from './format-count.js';

/** Messages shown at most, the newest ones: a long thread would otherwise fill the panel with old turns. */
const maxMessages = 10;
/** Characters of one text part shown at most, its end (where a stream grows); its full length is given beside it. */
const maxTextChars = 300;

export interface ThreadViewPreviewProps {
  view: ThreadView;
  label: string;
}

/**
 * A compact read of a thread's view: the newest messages with their text, tool calls, artifacts, approvals and runs.
 * Views are immutable, so it renders again only when given another one.
 */
export const ThreadViewPreview = memo(function ThreadViewPreview({ view, label }: ThreadViewPreviewProps) {
  const shownIds = view.messageIds.slice(-maxMessages);
  const earlier = view.messageIds.length - shownIds.length;
  return (
    <section aria-label={label} data-text-length={assistantTextLength(view)} data-message-count={view.messageIds.length}>
      <p className="platos-devtools-muted platos-devtools-counts">
        {plural(view.messageIds.length, 'message')} · {plural(Object.keys(view.toolCalls).length, 'tool call')} ·{' '}
        {plural(Object.keys(view.artifacts).length, 'artifact')} · {plural(Object.keys(view.approvals).length, 'approval')} ·{' '}
        {plural(Object.keys(view.runs).length, 'run')}
        {earlier > 0 ? ` · the ${plural(earlier, 'earlier message')} not shown` : ''}
      </p>
      <ul className="platos-devtools-view">
        {shownIds.map((id) => {
          const message = view.messages[id];
          if (!message) return null;
          return message.role === 'user' ? (
            <li key={id} data-role="user">
              <strong>You</strong> <ClippedText text={message.text} />
            </li>
          ) : (
            <li key={id} data-role="assistant">
              <strong>Assistant</strong> <span className="platos-devtools-muted">{message.status}</span>
              <ul>
                {message.parts.map((part, index) => (
                  <li key={index}>
                    <PartLine view={view} part={part} />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
});

function PartLine({ view, part }: { view: ThreadView; part: MessagePart }) {
  switch (part.type) {
    case 'text':
      return <ClippedText text={part.text} />;
    case 'tool-call': {
      const call = view.toolCalls[part.toolCallId];
      return <>tool {call?.tool ?? part.toolCallId}: {call?.status ?? 'unknown'}</>;
    }
    case 'artifact': {
      const artifact = view.artifacts[part.artifactId];
      return <>artifact {artifact ? `“${artifact.title}” v${artifact.version} (${artifact.kind})` : part.artifactId}</>;
    }
    case 'approval': {
      const approval = view.approvals[part.approvalId];
      return <>approval {approval?.tool ?? part.approvalId}: {approval?.state ?? 'unknown'}</>;
    }
    case 'run': {
      const run = view.runs[part.runId];
      return <>run {run ? `${run.label ?? run.id}: ${run.status} ${run.progress}%` : part.runId}</>;
    }
    case 'step': {
      const step = view.steps[part.stepId];
      return <>step {step ? `#${step.index}${step.name ? ` ${step.name}` : ''}: ${step.status}` : part.stepId}</>;
    }
    case 'memory-write':
      return <>memory write {part.memoryId}</>;
    case 'memory-recall':
      return <>memory recall “{part.query}”: {plural(part.memories.length, 'memory', 'memories')}</>;
    case 'error':
      return <>error {part.code}: {part.message}</>;
    default:
      return assertNever(part, 'Unknown message part');
  }
}

function ClippedText({ text }: { text: string }) {
  if (text.length <= maxTextChars) return <span className="platos-devtools-text">{text}</span>;
  return (
    <span className="platos-devtools-text">
      <span className="platos-devtools-muted">({formatCount(text.length)} characters)</span> …{text.slice(-maxTextChars)}
    </span>
  );
}

function assistantTextLength(view: ThreadView): number {
  let length = 0;
  for (const id of view.messageIds) {
    const message = view.messages[id];
    if (message?.role === 'assistant') length += textLength(message);
  }
  return length;
}

function textLength(message: AssistantMessageView): number {
  return message.parts.reduce((sum, part) => sum + (part.type === 'text' ? part.text.length : 0), 0);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
