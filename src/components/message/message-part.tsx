import { memo, type ComponentType } from 'react';
import type { MessagePart as MessagePartData } from '../../protocol/index.js';
import { ApprovalPrompt } from '../approval/approval-prompt.js';
import { ArtifactView } from '../artifact/artifact-view.js';
import { assertNever } from '../shared/assert-never.js';
import { useChatComponents, type MessagePartRendererProps } from '../chat/chat-customization.js';
import { ErrorNote } from '../notes/error-note.js';
import { MemoryNote } from '../notes/memory-note.js';
import { MessageText } from './message-text.js';
import { useMessageStreaming } from './use-message-streaming.js';
import { RunProgress } from '../run/run-progress.js';
import { StepMarker } from '../notes/step-marker.js';
import { ToolCallCard } from '../tool-call/tool-call-card.js';

export interface MessagePartProps {
  part: MessagePartData;
  /** The assistant message the part belongs to; an error part uses it to offer a retry of the turn. */
  messageId?: string;
}

/**
 * One part of an assistant message; memoised so a token in one part leaves the others alone. A renderer
 * given for its type in `<PlatosChat components={{ parts }}>` replaces the default.
 */
export const MessagePart = memo(function MessagePart({ part, messageId }: MessagePartProps) {
  const Custom = useChatComponents().parts?.[part.type] as ComponentType<MessagePartRendererProps> | undefined;
  if (Custom) return <Custom part={part} messageId={messageId} />;
  return <DefaultMessagePart part={part} messageId={messageId} />;
});

function DefaultMessagePart({ part, messageId }: MessagePartProps) {
  switch (part.type) {
    case 'text':
      return <TextPart text={part.text} messageId={messageId} />;
    case 'tool-call':
      return <ToolCallCard id={part.toolCallId} />;
    case 'artifact':
      return <ArtifactView id={part.artifactId} />;
    case 'step':
      return <StepMarker id={part.stepId} />;
    case 'memory-write':
    case 'memory-recall':
      return <MemoryNote part={part} />;
    case 'run':
      return <RunProgress id={part.runId} />;
    case 'approval':
      return <ApprovalPrompt id={part.approvalId} />;
    case 'error':
      return <ErrorNote part={part} messageId={messageId} />;
    default:
      return assertNever(part);
  }
}

/** Text of a message still streaming keeps its open tail open; once the message ends, the text is final. */
function TextPart({ text, messageId }: { text: string; messageId: string | undefined }) {
  const streaming = useMessageStreaming(messageId);
  return <MessageText text={text} streaming={streaming} />;
}

/** A key that stays put while a part streams: entity parts by id, the rest by position. */
export function messagePartKey(part: MessagePartData, index: number): string {
  switch (part.type) {
    case 'tool-call':
      return `tool-call:${part.toolCallId}`;
    case 'artifact':
      return `artifact:${part.artifactId}`;
    case 'step':
      return `step:${part.stepId}`;
    case 'run':
      return `run:${part.runId}`;
    case 'approval':
      return `approval:${part.approvalId}`;
    case 'memory-write':
      return `memory-write:${part.memoryId}`;
    case 'text':
    case 'memory-recall':
    case 'error':
      return `${part.type}:${index}`;
    default:
      return assertNever(part);
  }
}
