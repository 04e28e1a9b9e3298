import type { EventOf, ToolCallView } from '../../protocol/index.js';
import type { ThreadView } from '../types.js';
import { resolveAssistantMessage, pushPart } from './assistant-message.js';
import { withoutUndefined } from './without-undefined.js';
import { ownEntry } from './own-entries.js';

export function applyToolCallStart(view: ThreadView, event: EventOf<'tool-call-start'>): ThreadView {
  if (ownEntry(view.toolCalls, event.toolCallId)) return view;
  const target = resolveAssistantMessage(view, event);
  const toolCall: ToolCallView = withoutUndefined({
    id: event.toolCallId,
    turnId: event.turnId,
    messageId: target.message.id,
    tool: event.tool,
    stepId: event.stepId,
    argsText: '',
    status: 'streaming-args' as const,
  });
  const next = pushPart(target.view, target.message, { type: 'tool-call', toolCallId: toolCall.id });
  return { ...next, toolCalls: { ...next.toolCalls, [toolCall.id]: toolCall } };
}

/** Streams the arguments' JSON; the call counts as running once that text is a complete JSON value. */
export function applyToolCallArgs(view: ThreadView, event: EventOf<'tool-call-args'>): ThreadView {
  const toolCall = ownEntry(view.toolCalls, event.toolCallId);
  if (!toolCall) return view;
  const argsText = toolCall.argsText + event.delta;
  const status = toolCall.status === 'streaming-args' && isCompleteJson(argsText) ? 'running' : toolCall.status;
  return replaceToolCall(view, { ...toolCall, argsText, status });
}

export function applyToolCallResult(view: ThreadView, event: EventOf<'tool-call-result'>): ThreadView {
  const toolCall = ownEntry(view.toolCalls, event.toolCallId);
  if (!toolCall) return view;
  return replaceToolCall(view, { ...toolCall, status: 'succeeded', result: event.result });
}

export function applyToolCallError(view: ThreadView, event: EventOf<'tool-call-error'>): ThreadView {
  const toolCall = ownEntry(view.toolCalls, event.toolCallId);
  if (!toolCall) return view;
  return replaceToolCall(view, { ...toolCall, status: 'failed', error: event.error });
}

function replaceToolCall(view: ThreadView, toolCall: ToolCallView): ThreadView {
  return { ...view, toolCalls: { ...view.toolCalls, [toolCall.id]: toolCall } };
}

const possibleJsonEnding = /[}\]"\deul]$/;

function isCompleteJson(text: string): boolean {
  const trimmed = text.trimEnd();
  // Most prefixes cannot be complete; skipping them keeps a long argument stream from throwing on every delta.
  if (!possibleJsonEnding.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}
