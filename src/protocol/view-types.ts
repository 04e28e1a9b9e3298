import type { EventPayload } from './event-schemas.js';

/** Derived, view-ready shapes. The history endpoint returns them, and the store derives the same ones from events. */

export type ToolCallStatus = 'streaming-args' | 'running' | 'succeeded' | 'failed';

export interface ToolCallView {
  id: string;
  turnId: string;
  messageId: string;
  tool: string;
  stepId?: string;
  /** The arguments' JSON text as streamed so far. */
  argsText: string;
  status: ToolCallStatus;
  result?: unknown;
  error?: { code: string; message: string };
}

export type ArtifactKind = EventPayload<'artifact-created'>['kind'];

export interface ArtifactView {
  id: string;
  turnId: string;
  messageId: string;
  kind: ArtifactKind;
  title: string;
  language?: string;
  /** Content of every version, oldest first; `versions[version - 1]` is the current one. */
  versions: string[];
  version: number;
}

export type ApprovalState = 'pending' | 'approved' | 'denied' | 'expired' | 'cancelled';

export interface ApprovalView {
  id: string;
  turnId: string;
  messageId: string;
  tool: string;
  args: Record<string, unknown>;
  toolCallId?: string;
  reason?: string;
  expiresAt?: number;
  state: ApprovalState;
  resolvedBy?: string;
}

export type RunStatus = EventPayload<'run-update'>['status'];

export interface RunView {
  id: string;
  turnId: string;
  messageId: string;
  status: RunStatus;
  progress: number;
  label?: string;
  etaMs?: number;
  updatedAt: number;
}

export interface StepView {
  id: string;
  turnId: string;
  index: number;
  name?: string;
  status: 'running' | 'finished';
  finishReason?: string;
  usage?: { inputTokens: number; outputTokens: number };
}

export interface MemoryRecall {
  query: string;
  memories: { memoryId: string; content: string; score?: number }[];
}

/** One piece of an assistant message, in the order it happened. Entities are referenced by id. */
export type MessagePart =
  | { type: 'text'; text: string }
  | { type: 'tool-call'; toolCallId: string }
  | { type: 'artifact'; artifactId: string }
  | { type: 'step'; stepId: string }
  | { type: 'memory-write'; memoryId: string; content: string; scope?: string }
  | { type: 'memory-recall'; query: string; memories: MemoryRecall['memories'] }
  | { type: 'run'; runId: string }
  | { type: 'approval'; approvalId: string }
  | { type: 'error'; code: string; message: string; retryable: boolean };

export type TurnStatus = 'streaming' | 'finished' | 'failed' | 'cancelled';

export interface UserMessageView {
  id: string;
  role: 'user';
  turnId: string;
  text: string;
  clientMessageId?: string;
}

export interface AssistantMessageView {
  id: string;
  role: 'assistant';
  turnId: string;
  parts: MessagePart[];
  status: TurnStatus;
  finishReason?: EventPayload<'finish'>['finishReason'];
  usage?: { inputTokens: number; outputTokens: number };
  durationMs?: number;
}

export type MessageView = UserMessageView | AssistantMessageView;

/** A history message: assistant parts carry their entities inline instead of by id. */
export type HistoryPart =
  | Exclude<MessagePart, { type: 'tool-call' | 'artifact' | 'step' | 'run' | 'approval' }>
  | { type: 'tool-call'; toolCall: ToolCallView }
  | { type: 'artifact'; artifact: ArtifactView }
  | { type: 'step'; step: StepView }
  | { type: 'run'; run: RunView }
  | { type: 'approval'; approval: ApprovalView };

export interface HistoryAssistantMessage extends Omit<AssistantMessageView, 'parts'> {
  parts: HistoryPart[];
}

export type HistoryMessage = UserMessageView | HistoryAssistantMessage;

/** `GET /api/threads/:threadId/messages` */
export interface HistoryResponse {
  threadId: string;
  messages: HistoryMessage[];
  lastEventId: string | null;
}
