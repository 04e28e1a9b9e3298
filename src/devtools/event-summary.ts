import type { ServerEvent } from '../protocol/index.js';
import { assertNever } from '../store/assert-never.js';

const maxQuoted = 60;

/** A short, one-line account of what an event carries, for the event list and its text filter. */
export function summarizeEvent(event: ServerEvent): string {
  switch (event.type) {
    case 'turn-start':
      return `${event.turnId} user ${quote(event.userMessage.text)}`;
    case 'text-delta':
      return `${event.messageId} ${quote(event.delta)}`;
    case 'tool-call-start':
      return `${event.toolCallId} ${event.tool}`;
    case 'tool-call-args':
      return `${event.toolCallId} ${quote(event.delta)}`;
    case 'tool-call-result':
      return `${event.toolCallId} ${clip(JSON.stringify(event.result) ?? 'undefined')}`;
    case 'tool-call-error':
      return `${event.toolCallId} ${event.error.code}: ${clip(event.error.message)}`;
    case 'artifact-created':
      return `${event.artifactId} ${event.kind} ${quote(event.title)}`;
    case 'artifact-updated':
      return `${event.artifactId} v${event.version} ${event.delta === undefined ? 'content' : 'delta'} ${quote(event.delta ?? event.content ?? '')}`;
    case 'step-start':
      return `${event.stepId} #${event.index}${event.name ? ` ${event.name}` : ''}`;
    case 'step-finish':
      return `${event.stepId}${event.finishReason ? ` ${event.finishReason}` : ''}`;
    case 'memory-write':
      return `${event.memoryId}${event.scope ? ` (${event.scope})` : ''} ${quote(event.content)}`;
    case 'memory-recall-result':
      return `${quote(event.query)} ${event.memories.length} ${event.memories.length === 1 ? 'memory' : 'memories'}`;
    case 'run-update':
      return `${event.runId} ${event.status} ${event.progress}%${event.label ? ` ${quote(event.label)}` : ''}`;
    case 'approval-pending':
      return `${event.approvalId} ${event.tool}${event.reason ? ` ${quote(event.reason)}` : ''}`;
    case 'approval-resolved':
      return `${event.approvalId} ${event.decision}${event.resolvedBy ? ` by ${event.resolvedBy}` : ''}`;
    case 'error':
      return `${event.code}${event.retryable ? ' (retryable)' : ''} ${clip(event.message)}`;
    case 'finish':
      return `${event.finishReason} ${event.usage.inputTokens}→${event.usage.outputTokens} tokens ${event.durationMs} ms`;
    default:
      return assertNever(event, 'Unknown event type');
  }
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > maxQuoted ? `${line.slice(0, maxQuoted)}…` : line;
}

function quote(text: string): string {
  return JSON.stringify(clip(text));
}
